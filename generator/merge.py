"""Three-way merge of explainer data, so re-extraction never loses a person's edits.

Three versions of one article's data meet here: *base*, what the machine wrote
last time (kept in ``data/.base/``); *mine*, the file as the editor left it; and
*new*, a fresh extraction (the article's text changed, or the rules did). For
every item and field: where mine equals base, nobody touched it and the machine's
new value wins; where mine differs, the person's value wins. An item deleted by
the person stays deleted; an item the person added stays.

Matching needs stable ids. Sentence ids are positions (``s3``) and follow the new
text; base and mine are translated onto them first. New actors, claims, dates and
events are then paired with base items by content (actor slug or name, a claim's
quoted words, a date's words, an event's sentence and date) and take the base id,
so ``c4`` stays ``c4`` after a sentence is inserted above it. Spans a person's
value carries are moved onto the new text (same place in the same sentence, else
the same words nearby); an edit whose words left the article cannot survive and
becomes a note.
"""

from __future__ import annotations

import bisect
import copy
import difflib
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from generator import references

Item = dict[str, Any]
FUZZY_LIMIT = 250_000  # pairs compared at most per collection (content matching)


@dataclass
class MergeResult:
    """What to write: the merged file, the next base, and edits that could not be kept."""

    data: dict[str, Any]
    base: dict[str, Any]
    notes: list[str] = field(default_factory=list)


class _Lost(Exception):
    """A person's span whose words are no longer in the article."""


def merge(base: dict[str, Any], mine: dict[str, Any], new: dict[str, Any],
          text: str) -> MergeResult:
    """Merge the editor's file with a new extraction of ``text``; inputs are not modified."""
    base, mine, new = copy.deepcopy(base), copy.deepcopy(mine), copy.deepcopy(new)
    smap = _sentence_map(base["sentences"], new["sentences"])
    mover = _Mover(base["sentences"], smap, new["sentences"], text)
    for data in (base, mine):
        _translate_sentences(data, smap)
    _stabilise_ids(base, mine, new)
    notes: list[str] = []
    merged = {
        "schema_version": new["schema_version"],
        "article": _merge_article(base["article"], mine["article"], new["article"]),
        "sentences": _merge_sentences(base, mine, new, smap),
    }
    for name in ("actors", "claims", "dates", "timeline"):
        merged[name] = _merge_list(name, base[name], mine[name], new[name], mover, notes)
    merged["key_points"] = _take(base["key_points"], mine["key_points"], new["key_points"])
    _repair(merged, mover, notes)
    merged = {key: merged[key] for key in new}
    return MergeResult(merged, new, notes)


# --- sentences -------------------------------------------------------------------------------

def _sentence_map(old: list[Item], new: list[Item]) -> dict[str, str]:
    """Old sentence id -> new sentence id: equal sentences in order, then close ones."""
    a = [_norm(s["text"]) for s in old]
    b = [_norm(s["text"]) for s in new]
    mapping: dict[str, str] = {}
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            mapping.update({old[i1 + k]["id"]: new[j1 + k]["id"] for k in range(i2 - i1)})
        elif tag == "replace":
            pairs = _fuzzy_pairs(old[i1:i2], new[j1:j2], lambda o, n: _ratio(
                _norm(o["text"]), _norm(n["text"])), 0.6)
            mapping.update({o["id"]: n["id"] for o, n in pairs})
    return mapping


def _translate_sentences(data: dict[str, Any], smap: dict[str, str]) -> None:
    """Rewrite every sentence reference to the new ids (None where the sentence is gone)."""
    references.rewrite(data, "sentences", smap.get)


def _merge_sentences(base: dict, mine: dict, new: dict, smap: dict[str, str]) -> list[Item]:
    """The new sentences, keeping a display text or a role the person changed."""
    old_base = {smap[s["id"]]: s for s in base["sentences"] if s["id"] in smap}
    old_mine = {smap[s["id"]]: s for s in mine["sentences"] if s["id"] in smap}
    out = []
    for sentence in new["sentences"]:
        sid = sentence["id"]
        if sid in old_base and sid in old_mine:
            sentence = dict(sentence)
            for key in ("text", "role"):
                edited = old_mine[sid].get(key)
                if edited != old_base[sid].get(key):
                    sentence[key] = edited
            if sentence.get("role") is None:
                sentence.pop("role", None)
        out.append(sentence)
    return out


# --- stable ids ------------------------------------------------------------------------------

def _stabilise_ids(base: dict, mine: dict, new: dict) -> None:
    """Give new items the ids of the base items they match; fresh ids to the others."""
    taken = {name: {i["id"] for i in base[name] + mine[name]}
             for name in ("actors", "claims", "dates", "timeline")}
    actor_map = _rename(new, "actors", _pair(base["actors"], new["actors"], [
        lambda a: a["id"], lambda a: _norm(a["name"])],
        lambda o, n: _ratio(_norm(o["name"]), _norm(n["name"])), 0.85), taken["actors"])
    _refs(new, actor_map, "actors")
    date_map = _rename(new, "dates", _pair(base["dates"], new["dates"], [
        lambda d: (d["sentence"], _norm(d["text"])), lambda d: (_norm(d["text"]), d["value"])],
        None, 0), taken["dates"])
    _refs(new, date_map, "dates")
    claim_map = _rename(new, "claims", _pair(base["claims"], new["claims"], [
        lambda c: (c["sentence"], _norm(c["content"]["text"])),
        lambda c: _norm(c["content"]["text"])],
        lambda o, n: _ratio(_norm(o["content"]["text"]), _norm(n["content"]["text"]))
        + 0.1 * (o["sentence"] == n["sentence"]), 0.7), taken["claims"])
    _refs(new, claim_map, "claims")
    _rename(new, "timeline", _pair(base["timeline"], new["timeline"], [
        lambda e: (e["sentence"], e["date"], _norm(e["what"])),
        lambda e: (e["sentence"], e["date"]), lambda e: _norm(e["what"])],
        lambda o, n: _ratio(_norm(o["what"]), _norm(n["what"])), 0.7), taken["timeline"])


def _pair(old: list[Item], new: list[Item], keys: list[Callable[[Item], Hashable]],
          similar: Callable[[Item, Item], float] | None, threshold: float) -> dict[str, str]:
    """New id -> old id: equal keys first (in order, one round per key), then similar items."""
    pairs: dict[str, str] = {}
    used: set[str] = set()
    for key in keys:
        queues: dict[Hashable, list[str]] = {}
        for item in old:
            if item["id"] not in used:
                queues.setdefault(key(item), []).append(item["id"])
        for item in new:
            queue = queues.get(key(item)) if item["id"] not in pairs else None
            if queue:
                pairs[item["id"]] = queue.pop(0)
                used.add(pairs[item["id"]])
    if similar is not None:
        rest_old = [i for i in old if i["id"] not in used]
        rest_new = [i for i in new if i["id"] not in pairs]
        pairs.update({n["id"]: o["id"] for o, n in _fuzzy_pairs(
            rest_old, rest_new, similar, threshold)})
    return pairs


def _fuzzy_pairs(old: list[Item], new: list[Item], similar: Callable[[Item, Item], float],
                 threshold: float) -> list[tuple[Item, Item]]:
    """Greedy best-first pairing of items at least ``threshold`` similar."""
    if not old or not new or len(old) * len(new) > FUZZY_LIMIT:
        return []
    scored = sorted(((similar(o, n), -abs(i - j), i, j) for i, o in enumerate(old)
                     for j, n in enumerate(new)), reverse=True)
    done_old: set[int] = set()
    done_new: set[int] = set()
    out = []
    for score, _, i, j in scored:
        if score < threshold:
            break
        if i not in done_old and j not in done_new:
            done_old.add(i)
            done_new.add(j)
            out.append((old[i], new[j]))
    return out


def _rename(new: dict, name: str, pairs: dict[str, str], taken: set[str]) -> dict[str, str]:
    """Apply the pairing to ``new[name]``; unpaired items get ids no one uses yet."""
    mapping: dict[str, str] = {}
    claimed = set(pairs.values())
    for item in new[name]:
        old_id = item["id"]
        if old_id in pairs:
            mapping[old_id] = pairs[old_id]
        elif name == "actors":
            mapping[old_id] = _free_slug(old_id, claimed, taken)
        else:
            mapping[old_id] = _next_id(old_id[0], taken | claimed)
        claimed.add(mapping[old_id])
        item["id"] = mapping[old_id]
    return mapping


def _free_slug(slug: str, claimed: set[str], taken: set[str]) -> str:
    """The slug itself (a person's actor of that id is the same actor), unless paired away."""
    if slug not in claimed:
        return slug
    stem = re.sub(r"-\d+$", "", slug)[:70]
    number = 2
    while f"{stem}-{number}" in claimed | taken:
        number += 1
    return f"{stem}-{number}"


def _next_id(prefix: str, claimed: set[str]) -> str:
    numbers = [int(i[1:]) for i in claimed if i[:1] == prefix and i[1:].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1}"


def _refs(data: dict, mapping: dict[str, str], kind: str) -> None:
    """Rewrite references to renamed actors, dates or claims inside ``data``."""
    references.rewrite(data, kind, lambda old: mapping.get(old, old))


# --- three-way merge of items ----------------------------------------------------------------

def _take(base: Any, mine: Any, new: Any) -> Any:
    """The machine's new value unless the person changed it."""
    return new if mine == base else mine


def _merge_article(base: Item, mine: Item, new: Item) -> Item:
    out = dict(new)
    for key in ("title", "published", "url", "source"):
        out[key] = _take(base.get(key), mine.get(key), new.get(key))
    return out


def _merge_list(name: str, base: list[Item], mine: list[Item], new: list[Item],
                mover: _Mover, notes: list[str]) -> list[Item]:
    b, m, n = ({i["id"]: i for i in items} for items in (base, mine, new))
    out = []
    for item_id in _order([i["id"] for i in mine], [i["id"] for i in new]):
        old, edited, fresh = b.get(item_id), m.get(item_id), n.get(item_id)
        if edited is None:
            if old is None:
                out.append(fresh)  # found by the machine for the first time
            continue  # deleted by the person: stays deleted
        if fresh is None and edited == old:
            continue  # the machine no longer finds it and nobody touched it
        merged = _merge_item(f"{name}.{item_id}", old, edited, fresh, mover, notes)
        if merged is not None:
            out.append(merged)
    return out


def _order(mine: list[str], new: list[str]) -> list[str]:
    """The new order; the person's own items follow the item they followed in their file."""
    order = list(new)
    known = set(new)
    for index, item_id in enumerate(mine):
        if item_id in known:
            continue
        before = next((p for p in reversed(mine[:index]) if p in known), None)
        order.insert(order.index(before) + 1 if before is not None else 0, item_id)
        known.add(item_id)
    return order


def _merge_item(where: str, base: Item | None, mine: Item, new: Item | None, mover: _Mover,
                notes: list[str]) -> Item | None:
    """Field by field: untouched fields follow the machine, edited ones keep the person's."""
    if base is None or new is None:
        try:
            return mover.move(mine)
        except _Lost as lost:
            if new is None:
                notes.append(f"{where}: dropped: {lost}")
                return None
            notes.append(f"{where}: kept the machine's version: {lost}")
            return new
    out: Item = {}
    for group in _groups(new, mine):
        out.update(_merge_group(f"{where}", group, base, mine, new, mover, notes))
    return out


def _groups(new: Item, mine: Item) -> list[tuple[str, ...]]:
    """Fields that change together: a date's span and text are one value."""
    keys = list(dict.fromkeys([*new, *mine]))
    groups: list[tuple[str, ...]] = []
    for key in keys:
        if key in ("span", "text") and "span" in keys and "text" in keys:
            if ("span", "text") not in groups:
                groups.append(("span", "text"))
        else:
            groups.append((key,))
    return groups


def _merge_group(where: str, group: tuple[str, ...], base: Item, mine: Item, new: Item,
                 mover: _Mover, notes: list[str]) -> Item:
    if all(mine.get(k) == base.get(k) for k in group):
        return {k: new[k] for k in group if k in new}
    if len(group) == 1 and _nested(group[0], base, mine, new):
        key = group[0]
        out: Item = {}
        for sub in _groups(new[key], mine[key]):
            out.update(_merge_group(f"{where}.{key}", sub, base[key], mine[key], new[key],
                                    mover, notes))
        return {key: out}
    try:
        return mover.move({k: mine[k] for k in group if k in mine})
    except _Lost as lost:
        notes.append(f"{where}.{'/'.join(group)}: kept the machine's value: {lost}")
        return {k: new[k] for k in group if k in new}


def _nested(key: str, *items: Item) -> bool:
    """A sub-record merged field by field (a claim's evidence), not a quoted stretch."""
    return all(isinstance(i.get(key), dict) and "span" not in i[key] for i in items)


# --- moving a person's spans onto the new text -----------------------------------------------

class _Mover:
    """Moves ``span``/``text`` pairs from the old text's offsets to the new text's."""

    def __init__(self, old_sentences: list[Item], smap: dict[str, str],
                 new_sentences: list[Item], text: str) -> None:
        self.text = text
        self.old = sorted((s["span"][0], s["span"][1], s["id"]) for s in old_sentences)
        self.starts = [s[0] for s in self.old]
        self.smap = smap
        self.new = {s["id"]: tuple(s["span"]) for s in new_sentences}
        self.new_sorted = sorted((s["span"][0], s["id"]) for s in new_sentences)
        self.new_starts = [s[0] for s in self.new_sorted]

    def move(self, value: Any) -> Any:
        """A copy of ``value`` with every quoted stretch moved; :class:`_Lost` if one is gone."""
        if isinstance(value, list):
            return [self.move(v) for v in value]
        if not isinstance(value, dict):
            return value
        out = {k: self.move(v) for k, v in value.items()}
        if isinstance(value.get("span"), list) and isinstance(value.get("text"), str):
            out["span"] = list(self.span(value["span"], value["text"]))
            if "sentence" in value:
                out["sentence"] = self.sentence_at(out["span"][0])
        return out

    def span(self, span: list[int], quoted: str) -> tuple[int, int]:
        start, end = span
        delta, window = self._shift(start)
        if 0 <= start + delta <= end + delta <= len(self.text) and \
                self.text[start + delta:end + delta] == quoted:
            return start + delta, end + delta
        near = self._find(quoted, start + delta, window) or self._find(
            quoted, start + delta, (0, len(self.text)))
        if near is None:
            raise _Lost(f"{_clip(quoted)!r} is no longer in the article")
        return near, near + len(quoted)

    def _shift(self, start: int) -> tuple[int, tuple[int, int]]:
        """Offset change of the old sentence holding ``start``, and its new span."""
        index = bisect.bisect_right(self.starts, start) - 1
        if index >= 0 and self.old[index][2] in self.smap:
            new_span = self.new[self.smap[self.old[index][2]]]
            return new_span[0] - self.old[index][0], new_span
        return 0, (0, 0)

    def _find(self, quoted: str, around: int, window: tuple[int, int]) -> int | None:
        """Start of the occurrence of ``quoted`` in ``window`` nearest ``around``."""
        if not quoted:
            return None
        hits = [m.start() for m in re.finditer(re.escape(quoted), self.text[window[0]:window[1]])]
        return min((h + window[0] for h in hits), key=lambda h: abs(h - around), default=None)

    def sentence_at(self, offset: int) -> str | None:
        index = bisect.bisect_right(self.new_starts, offset) - 1
        return self.new_sorted[index][1] if index >= 0 else None


# --- references left dangling by deletions ---------------------------------------------------

def _repair(data: dict[str, Any], mover: _Mover, notes: list[str]) -> None:
    """Drop references to items a person deleted; fill sentences only a span can tell.

    A reference to a deleted actor, claim or date is dropped through the reference table
    (a single field becomes null, a list loses the id); what hangs on a sentence, and a
    relation to a deleted actor, goes or is filled here."""
    actors = {a["id"] for a in data["actors"]}
    sentences = {s["id"] for s in data["sentences"]}
    for actor in data["actors"]:
        actor["mentions"] = [m for m in actor.get("mentions", []) if m["sentence"] in sentences]
        if "relations" in actor:
            actor["relations"] = [r for r in actor["relations"] if r["actor"] in actors
                                  and r["sentence"] in sentences]
    for kind in ("actors", "claims", "dates"):
        kept_ids = {item["id"] for item in data[kind]}
        references.rewrite(data, kind, lambda old, ids=kept_ids: old if old in ids else None)
    for claim in data["claims"]:
        if claim["sentence"] not in sentences:
            claim["sentence"] = mover.sentence_at(claim["content"]["span"][0])
        evidence = claim.get("evidence") or {}
        if evidence.get("sentence") is not None and evidence["sentence"] not in sentences:
            evidence["sentence"] = None
    kept = []
    for event in data["timeline"]:
        if event["sentence"] not in sentences:
            notes.append(f"timeline.{event['id']}: dropped: its sentence is no longer in "
                         "the article")
            continue
        kept.append(event)
    data["timeline"] = kept
    data["key_points"] = [s for s in data["key_points"] if s in sentences]


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _clip(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
