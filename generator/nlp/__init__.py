"""The language layer: what the article says, found on one spaCy parse.

``pipeline`` loads the model (:func:`~generator.nlp.pipeline.load_model`) and parses the
restored text (:func:`~generator.nlp.pipeline.analyse`); each subpackage finds one kind of
thing and is imported through its ``__init__``: ``actors`` (who), ``attribution`` (who said
what, and the evidence), ``timex`` (dates, pure Python). ``claims``, ``dates``, ``timeline``
and ``keypoints`` turn what was found into the explainer's items.
"""
