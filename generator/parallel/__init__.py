"""Extraction of many articles: on every core, or on a Dask cluster of several machines;
and the site build on every core.

- ``plan``: the inputs (files, folders, JSON Lines) -> the articles to extract, the rest
  reported (duplicate ids, unreadable lines) or skipped (unchanged since their YAML);
- ``jobs``: one article as plain data in, its explainer as plain data out (never a spaCy
  ``Doc``), run the same way in this process or on a worker;
- ``cluster``: where jobs run: here, a local Dask cluster, or an existing one;
- ``progress``: a bar on a terminal, periodic lines otherwise, and the closing summary;
- ``forks``: the site build's CPU work (checking, loading, rendering and converting pages)
  spread over the cores by forking, on data already in memory.

The client process holds the project lock and writes every file; workers only compute.
"""
