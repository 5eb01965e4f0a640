"""The hostile-input corpus: payloads, bad article bytes, bad sidecars, bad explainer YAML.

Everything is generated here (the 10 MB article at test time, in a temporary
folder), so nothing hostile sits in the repository as a file a tool might pick up.
Every script payload sets ``window.__xss``: a browser test proves none ever runs.
"""

from __future__ import annotations

from generator.ingest.reader import Meta
from generator.model import (
    Actor,
    Article,
    Claim,
    DateRef,
    Event,
    Explainer,
    InputInfo,
    Mention,
    Relation,
    Sentence,
    TextRef,
)

# Text that is markup somewhere: HTML, Markdown, MkDocs attribute lists, Jinja.
PAYLOADS = [
    "<script>window.__xss = 1</script> said the officials",
    '<img src=x onerror="window.__xss = 2"> appeared',
    "<svg onload=window.__xss=3> loaded",
    '"><script>window.__xss = 4</script>',
    "[click here](javascript:window.__xss=5) for more",
    '<a href="javascript:window.__xss=6">a link</a> to nowhere',
    "![x](javascript:window.__xss=7) image",
    '<details open ontoggle="window.__xss=8">x</details>',
    '{: onclick="window.__xss=9" } attribute list',
    "<iframe src=\"javascript:window.__xss=10\"></iframe> frame",
    "# A heading in the text",
    "| a cell | with | pipes |",
    "`backticks` and ```fences``` and ~~~",
    "an HTML <!-- comment --> inside",
    "Jinja {{ 7*7 }} and {% raw %} and {{ config }} and {# note #}",
    "*emphasis* _under_ **bold** \\ backslash & ampersand &amp; entity",
    "<style>body { display: none }</style> style",
    "]]> and <![CDATA[ x ]]> and </textarea> and </title>",
]
MARK = "window.__xss"

# Article files: bytes -> what the reader says (None: read fine).
BAD_ARTICLES: dict[str, tuple[bytes, str]] = {
    "empty": (b"", "empty file"),
    "whitespace-only": (b" \n\t\r\n  ", "empty file"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", "NUL bytes"),
    "latin-1": ("Le caf\u00e9 est ferm\u00e9, dit le maire.".encode("latin-1"), "not UTF-8"),
    "utf-16-le-bom": ("Officials said it rained.".encode("utf-16"), "UTF-16"),
    "utf-16-be-bom": (b"\xfe\xff" + "Officials said it.".encode("utf-16-be"), "UTF-16"),
    "utf-16-no-bom": ("Officials said it rained.".encode("utf-16-le"), "UTF-16"),
    "nul": (b"Officials said\x00 it rained.", "NUL bytes"),
    "control-chars": (bytes(range(1, 9)) * 40 + b"words", "binary file"),
    "digits-only": (b"1234 5678 90", "no words"),
}
GOOD_ARTICLES: dict[str, bytes] = {
    "bom": "\ufeffOfficials said on Monday that it rained in Springfield.\n".encode(),
    "crlf": b"Officials said on Monday that it rained.\r\n\r\nThe mayor said roads closed.\r\n",
    "html": "\n\n".join(PAYLOADS[:10]).encode(),
    "markdown": "\n\n".join(PAYLOADS[10:14] + PAYLOADS[15:]).encode(),
    "jinja": PAYLOADS[14].encode() + b"\n\nThe mayor said {% endraw %} ended it.\n",
}
LONG_LINE_CHARS = 50_000
BIG_ARTICLE_BYTES = 10 * 1024 * 1024

# Sidecars: text -> what the reader says (None: accepted).
SIDECARS: dict[str, tuple[str, str | None]] = {
    "python-object": ("title: !!python/object/apply:os.system ['touch PWNED']\n",
                      "not valid YAML"),
    "python-name": ("title: !!python/name:os.system\n", "not valid YAML"),
    "billion-laughs": (
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n"
                  for i in range(8)), "anchors and aliases"),
    "wrong-type-title": ("title: 5\n", "title must be text"),
    "wrong-type-list": ("title: [a, b]\n", "title must be text"),
    "not-a-mapping": ("- title\n", "must be a mapping"),
    "unknown-field": ("author: me\n", "unknown field"),
    "bad-date": ("published: 2015-02-30\n", "YYYY-MM-DD"),
    "javascript-url": ("url: javascript:alert(1)\n", "url must start with http"),
    "deep-nesting": ("title: " + "[" * 5000 + "]" * 5000 + "\n", "nested more than"),
    "whitespace-only": ("  \n\n", None),
    "html-title": ('title: "<script>window.__xss=11</script> {{ 7*7 }}"\n', None),
    "title-breakout": ("title: '</title><script>window.__xss=13</script>\"><img src=x "
                       "onerror=window.__xss=14>'\nsource: '\"><script>window.__xss=15</script>'\n",
                       None),
}
# What the reader makes of the sidecars it accepts: hostile text stays text, field for field.
SIDECAR_META: dict[str, Meta] = {
    "whitespace-only": Meta(),
    "html-title": Meta(title="<script>window.__xss=11</script> {{ 7*7 }}"),
    "title-breakout": Meta(
        title='</title><script>window.__xss=13</script>"><img src=x onerror=window.__xss=14>',
        source='"><script>window.__xss=15</script>'),
}
# File names of articles -> the safe id (page address) each becomes; none is refused.
ODD_NAMES = {"my story.txt": "my-story", "caf\u00e9.txt": "cafe", "..hidden.txt": "hidden",
             "-rf.txt": "rf", "Z\u00fcrich caf\u00e9 report.txt": "zurich-cafe-report",
             "\u65b0\u95fb.txt": "article-", "a\u202eb <i>.txt": "ab-i",
             "%2e%2e%2fetc.txt": "2e-2e-2fetc"}


def hostile_text() -> str:
    return "\n".join(PAYLOADS) + "\n"


def hostile_explainer(article_id: str = "hostile") -> Explainer:
    """Every free-text field of an explainer holds a payload; spans stay true to the text."""
    text = hostile_text()
    sentences, actors, claims, dates, events = [], [], [], [], []
    start = 0
    for n, line in enumerate(PAYLOADS, start=1):
        span = (start, start + len(line))
        sentences.append(Sentence(f"s{n}", span, line))
        actor_id = f"actor-{n}"
        actors.append(Actor(actor_id, line, "person", line, [Mention(f"s{n}", span, line, line)],
                            [Relation(line, "actor-1", f"s{n}")]))
        claims.append(Claim(f"c{n}", f"s{n}", actor_id, TextRef(span, line, line),
                            TextRef(span, line), TextRef(span, line, line),
                            contested_by=["c1"] if n > 1 else []))
        dates.append(DateRef(f"t{n}", f"s{n}", span, line, "DATE", line, line, line))
        events.append(Event(f"e{n}", f"t{n}", line, f"s{n}", [actor_id]))
        start = span[1] + 1
    assert start == len(text)
    return Explainer(
        article=Article(article_id, PAYLOADS[0], "2015-03-10",
                        'https://example.org/"><script>window.__xss=12</script>', PAYLOADS[1],
                        InputInfo(f"seeds/{article_id}.txt", "0" * 64, "plain", False, "1")),
        sentences=sentences, actors=actors, claims=claims, dates=dates, timeline=events,
        key_points=[s.id for s in sentences])
