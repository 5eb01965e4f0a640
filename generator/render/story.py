""""What's going on": a short paragraph of the story, made only from what was found.

Two or three sentences, each from shown items and each pointing at the sentences of the
article it rests on:

1. the main claim and who makes it: the first claim of the article with a named speaker,
   in the article's own words from the source through the content when they run
   together ("Chinese officials have claimed ..."), else "<speaker> <cue>: “<content>”";
2. what the article says about its evidence, quoting the article's words, so their
   degree stays theirs ("offered little evidence" is not "no evidence"); left out when
   the article was not found to discuss it;
3. who disputes it (a claim the extraction pairs with it as contested), in that claim's
   own words; failing that, who else the article reports claims from.

A sentence the extraction does not support is left out, never filled in. Everything
here is plain text: the templates escape it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.model import Actor, Claim

StatementOf = Callable[[Claim], str | None]  # a claim's words as one stretch, or None

PRONOUN_SOURCES = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"}
MAX_OTHERS = 5  # speakers named in the "also reports" sentence
MAX_SUBJECT_WORDS = 4  # "officials", "the Chinese government": a subject, not a clause
OPENER = re.compile(r"^\s*(?:but|and|yet|however|still|so)\b,?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    """Words of a story sentence that link to a claim card."""

    text: str
    claim: str


@dataclass(frozen=True)
class StorySentence:
    """One sentence of the paragraph: pieces of text and links, and its sources."""

    parts: list[str | Link]
    sources: list[str] = field(default_factory=list)  # sentence ids, in article order

    @property
    def text(self) -> str:
        return "".join(p if isinstance(p, str) else p.text for p in self.parts)


def story(claims: list[Claim], actors: dict[str, Actor], statement: StatementOf,
          texts: dict[str, str]) -> list[StorySentence]:
    """The paragraph's sentences from the shown claims (``actors`` by id; ``statement``
    gives a claim's words as one stretch of its sentence, or None; ``texts`` is each
    sentence's text by id, in article order)."""
    position = {sid: n for n, sid in enumerate(texts)}
    order = {c.id: (position.get(c.sentence, 0), n) for n, c in enumerate(claims)}
    attributed = [c for c in claims if c.speaker in actors]
    if not attributed:
        return []
    main = min(attributed, key=lambda c: order[c.id])
    out = [_claim_sentence(main, actors[main.speaker or ""], statement, lead=True)]
    evidence = _evidence_sentence(main, texts)
    if evidence is not None:
        out.append(evidence)
    by_id = {c.id: c for c in claims}
    against = [by_id[i] for i in main.contested_by if i in by_id and by_id[i].speaker in actors
               and by_id[i].speaker != main.speaker]
    if against:
        other = min(against, key=lambda c: order[c.id])
        disputed = _claim_sentence(other, actors[other.speaker or ""], statement, lead=False)
        out.append(StorySentence(["Against this, ", *_lowered(disputed.parts)],
                                 disputed.sources))
    else:
        others = _other_speakers(attributed, main, actors, order, position)
        if others:
            out.append(others)
    return out


def _claim_sentence(claim: Claim, speaker: Actor, statement: StatementOf,
                    lead: bool) -> StorySentence:
    """"Chinese officials have claimed ..." (the article's stretch), or a quote."""
    words = statement(claim)
    name = Link(speaker.name, claim.id)
    if words and claim.source is not None:
        said = claim.source.readable
        rest = words[len(said):] if words.lower().startswith(said.lower()) else None
        if rest is not None:
            if said.lower() in PRONOUN_SOURCES:
                return StorySentence([name, _period(rest)], [claim.sentence])
            parts: list[str | Link] = [Link(words[:len(said)], claim.id)]
            if lead and speaker.description and said.lower() == speaker.name.lower():
                parts.append(f", {speaker.description},")
            return StorySentence([*parts, _period(rest)], [claim.sentence])
    content = unquoted(claim.content.readable)
    cue = claim.cue.readable if claim.cue else "said"
    if claim.kind == "direct":
        return StorySentence([name, f" {cue}: “{_period(content)}”"], [claim.sentence])
    return StorySentence([name, f" {cue}: “{content}”."], [claim.sentence])


def _evidence_sentence(claim: Claim, texts: dict[str, str]) -> StorySentence | None:
    """What the article says about the claim's support, in its own words: the clause
    from its subject ("officials failed to provide any further details ...") when it
    opens the sentence, else the evidence words alone, marked as cut from a sentence."""
    found = claim.evidence
    if found.status == "unstated" or found.words is None or not found.sentence:
        return None
    words = found.words.readable.strip().rstrip(".")
    text = texts.get(found.sentence, "")
    at = text.lower().find(words.lower())
    subject = OPENER.sub("", text[:at]).strip() if at > 0 else ""
    if at >= 0 and subject and len(subject.split()) <= MAX_SUBJECT_WORDS \
            and not re.search(r"[,;:\"“”]", subject):
        said = f"{subject} {text[at:at + len(words)]}"
        return StorySentence([f"The article adds: “{said[:1].lower() + said[1:]}”."],
                             [found.sentence])
    return StorySentence([f"On the evidence, the article says: “…{words}”."],
                         [found.sentence])


def _other_speakers(attributed: list[Claim], main: Claim, actors: dict[str, Actor],
                    order: dict[str, tuple[int, int]],
                    position: dict[str, int]) -> StorySentence | None:
    """"The article also reports claims by A, B and C." (each linked to its first claim)."""
    first: dict[str, Claim] = {}
    for claim in sorted(attributed, key=lambda c: order[c.id]):
        if claim.speaker != main.speaker:
            first.setdefault(claim.speaker or "", claim)
    if not first:
        return None
    shown = list(first.values())[:MAX_OTHERS]
    parts: list[str | Link] = ["The article also reports claims by "]
    for n, claim in enumerate(shown):
        if n:
            parts.append(" and " if n == len(shown) - 1 and len(first) <= MAX_OTHERS else ", ")
        parts.append(Link(actors[claim.speaker or ""].name, claim.id))
    if len(first) > MAX_OTHERS:
        parts.append(f" and {len(first) - MAX_OTHERS} more")
    parts.append(".")
    sources = sorted({c.sentence for c in shown}, key=lambda s: position.get(s, 0))
    return StorySentence(parts, sources)


def _lowered(parts: list[str | Link]) -> list[str | Link]:
    """The sentence after "Against this, ": a first word that is not a name loses its
    capital ("The police said" -> "the police said"); names keep theirs."""
    if not parts or not isinstance(parts[0], Link):
        return parts
    first = parts[0]
    word = first.text.split(" ", 1)[0]
    if word in {"The", "A", "An"}:
        return [Link(first.text[:1].lower() + first.text[1:], first.claim), *parts[1:]]
    return parts


def _period(text: str) -> str:
    """A sentence that ends as one (a closing quote mark may follow its stop)."""
    text = text.rstrip()
    core = text.rstrip("'\"’”")
    return text if core.endswith((".", "!", "?")) else core + "." + text[len(core):]


# A quote mark that opens a sentence inside a quotation: a new paragraph of the same quote,
# as newspapers mark it ("... affected. 'We have also found ...").
PARAGRAPH_MARK = re.compile(r"(?<=[.?!,:]) ([‘“'\"])(?=\w)")
CLOSING = {"'": "'’", "‘": "'’", '"': '"”', "“": '"”'}


def unquoted(text: str) -> str:
    """A direct quote without the quote marks around it (the page adds its own), and without
    the mark that opens each further paragraph of it when nothing closes that mark."""
    inner = text.strip().strip("'\"‘’“”").strip().rstrip(",")
    return PARAGRAPH_MARK.sub(lambda m: " " if _unclosed(inner, m) else m.group(0), inner)


def _unclosed(text: str, mark: re.Match) -> bool:
    """No closing mark of the same kind after ``mark`` (one not followed by a letter: the
    apostrophe of "can't" closes nothing)."""
    closers = CLOSING[mark.group(1)]
    return not re.search(f"[{closers}](?!\\w)", text[mark.end():])
