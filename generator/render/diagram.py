"""The who's-who relationship diagram, drawn at build time as inline SVG (no script).

Actors with at least one link (see :mod:`generator.render.relations`) are boxes in
columns: an actor stands one column right of the rightmost actor that points at it
(longest path; oppositions do not set columns), and within a column boxes follow the
average row of what points at them, so arrows cross little. Every text is escaped
here: the SVG is the one piece of markup the renderer makes outside the templates.
Colours come from the stylesheet (classes), so dark mode and print follow the theme.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from generator.model import Actor
from generator.render.escape import shown_text
from generator.render.relations import Link, described

BOX_W, BOX_H = 200, 52
GAP_X, GAP_Y, PAD = 110, 18, 12
NAME_CHARS, NOTE_CHARS = 24, 30  # what fits in a box at the sizes the stylesheet sets
MAX_COLUMNS = 4  # wider would be unreadable on a phone
STYLE = {"relation": "rel", "speaks for": "rel", "opposition": "opp", "about": "about"}


@dataclass(frozen=True)
class Box:
    actor: Actor
    x: int
    y: int


def layout(actors: list[Actor], found: list[Link]) -> dict[str, Box]:
    """Columns by longest path over the directed links, rows by predecessors' average."""
    ids = [a.id for a in actors if any(a.id in (f.source, f.target) for f in found)]
    directed = [f for f in found if f.kind != "opposition"]
    column = dict.fromkeys(ids, 0)
    for _ in range(len(ids)):  # longest path; bounded, so a cycle cannot loop for ever
        moved = False
        for f in directed:
            if column[f.target] < column[f.source] + 1 <= MAX_COLUMNS - 1:
                column[f.target] = column[f.source] + 1
                moved = True
        if not moved:
            break
    rows: dict[str, float] = {}
    by_id = {a.id: a for a in actors}
    boxes: dict[str, Box] = {}
    for col in range(max(column.values(), default=-1) + 1):
        members = [i for i in ids if column[i] == col]
        members.sort(key=lambda i: (_pull(i, directed, rows), ids.index(i)))
        for row, actor_id in enumerate(members):
            rows[actor_id] = row
            boxes[actor_id] = Box(by_id[actor_id], PAD + col * (BOX_W + GAP_X),
                                  PAD + row * (BOX_H + GAP_Y))
    return boxes


def svg(actors: list[Actor], found: list[Link], title: str) -> str:
    """The diagram as one ``<svg>`` element ("" when there is nothing to draw)."""
    boxes = layout(actors, found)
    if not boxes:
        return ""
    width = max(b.x for b in boxes.values()) + BOX_W + PAD
    height = max(b.y for b in boxes.values()) + BOX_H + PAD
    parts = [f'<svg class="relations" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-labelledby="relations-title" '
             f'xmlns="http://www.w3.org/2000/svg">',
             f'<title id="relations-title">{_text(title)}</title>',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
             'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
             'class="relations__head"/></marker></defs>']
    parts += [_edge(f, boxes) for f in found if f.source in boxes and f.target in boxes]
    parts += [_box(b) for b in boxes.values()]
    parts.append("</svg>")
    return "".join(parts)


def _pull(actor_id: str, directed: list[Link], rows: dict[str, float]) -> float:
    """Average row of the boxes already placed that point at this one (else its order)."""
    above = [rows[f.source] for f in directed if f.target == actor_id and f.source in rows]
    return sum(above) / len(above) if above else float("inf")


def _edge(link: Link, boxes: dict[str, Box]) -> str:
    a, b = boxes[link.source], boxes[link.target]
    cls = f"relations__edge relations__edge--{STYLE[link.kind]}"
    marker = ' marker-end="url(#arrow)"' if link.kind != "opposition" else ""
    if a.x == b.x:  # same column: a loop out to the right
        x, y1, y2 = a.x + BOX_W, a.y + BOX_H // 2, b.y + BOX_H // 2
        bend = x + GAP_X // 2 + abs(y2 - y1) // 6
        path = f"M{x},{y1} C{bend},{y1} {bend},{y2} {x},{y2}"
        mid = (bend - GAP_X // 8, (y1 + y2) // 2)
    else:
        left, right = (a, b) if a.x < b.x else (b, a)
        x1, y1 = left.x + BOX_W, left.y + BOX_H // 2
        x2, y2 = right.x, right.y + BOX_H // 2
        if left is b:  # pointing back: draw from the source's left side
            x1, y1, x2, y2 = a.x, a.y + BOX_H // 2, b.x + BOX_W, b.y + BOX_H // 2
        cx = (x1 + x2) // 2
        path = f"M{x1},{y1} C{cx},{y1} {cx},{y2} {x2},{y2}"
        mid = (cx, (y1 + y2) // 2)
    out = (f'<path d="{path}" class="{cls}"{marker}>'
           f'<title>{_text(_said(link, boxes))}</title></path>')
    if link.kind in ("relation", "speaks for", "opposition"):
        out += (f'<text x="{mid[0]}" y="{mid[1] - 4}" text-anchor="middle" '
                f'class="relations__label">{_text(_cut(link.label, 18))}</text>')
    return out


def _box(box: Box) -> str:
    actor = box.actor
    note = actor.description or actor.role or ""
    if note.lower() == actor.name.lower():
        note = ""
    out = (f'<g class="relations__node"><title>{_text(described(actor))}</title>'
           f'<rect x="{box.x}" y="{box.y}" width="{BOX_W}" height="{BOX_H}" rx="8"/>'
           f'<text x="{box.x + 10}" y="{box.y + (21 if note else 31)}" '
           f'class="relations__name">{_text(_cut(actor.name, NAME_CHARS))}</text>')
    if note:
        out += (f'<text x="{box.x + 10}" y="{box.y + 40}" class="relations__note">'
                f'{_text(_cut(note, NOTE_CHARS))}</text>')
    return out + "</g>"


def _said(link: Link, boxes: dict[str, Box]) -> str:
    return f"{boxes[link.source].actor.name} — {link.label} — {boxes[link.target].actor.name}"


def _cut(text: str, limit: int) -> str:
    text = " ".join(shown_text(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "…"


def _text(text: str) -> str:
    """Text for an SVG element or attribute: controls out, markup characters escaped."""
    return html.escape(" ".join(shown_text(text).split()), quote=True)
