"""What a line is when it is not body text: a photo caption, a byline, a credit, a note.

Decided from the line's own words before any parsing, because restoration needs it (a
caption gets no final period) and so do the components after it (a caption is never the
source of a claim, a key point or a timeline event). Each rule reads a convention of news
pages, not any one article: a short label before a colon opens a caption ("Proud mum: ..."),
a picture note near the start names who is in the picture ("Smith, pictured, ...",
"Smith (left) ..."), a picture is described in the present tense ("Hamilton celebrates
on the podium"), a byline is "By" and a name, a credit is "Photo:" or "Source:" and a name.
Captions fused into a body line with no punctuation are split off later, on the parse
(:mod:`generator.nlp.captions`).
"""

from __future__ import annotations

import re

from generator.text.captions import CAPTION_VERBS, NARRATIVE_VERBS
from generator.text.detokenize import PICTURE_NOTES, SAY_VERBS

LABEL_WORDS = 4  # a caption label is at most this many words before its colon
NOTE_WORDS = 10  # a picture note names who is pictured within the first words
BYLINE_WORDS = 12
CREDIT_WORDS = 6  # "Photo: Getty Images"; a longer text after "Photo:" describes the picture
CREDIT_HEADS = {"photo", "photos", "photograph", "photographs", "picture", "pictures", "image",
                "images", "credit", "credits", "source", "sources", "video", "footage"}
AGENCIES = {"ap", "afp", "reuters", "getty", "pa", "epa", "rex", "shutterstock", "alamy",
            "splash", "bbc", "cnn", "ap photo", "getty images", "rex features", "pa wire",
            "associated press", "press association", "agence france-presse"}
NOTE = re.compile(
    r"^(scroll down|click (here|to|on)|read more|read the full|follow @|follow (us|him|her|"
    r"them|the \w+) on|editor ?'?s note|this (story|article|report) (has been|was) (updated|"
    r"corrected|amended)|watch (the )?video|sign up|like us on|share this|see also|"
    r"(correction|update|clarification) :)")
BYLINE = re.compile(r"^(by|published :|updated :|last updated)\s")
DATELINE = re.compile(r"^[a-z][a-z .,']{1,40}\s*(\(\s*[a-z .]+\s*\)\s*)?(-( ?-)*|—|–)$")
# Words that make a short "by ..." line a sentence ("by the end", "by contrast"), not a byline.
NOT_BYLINE = {"the", "a", "an", "this", "that", "these", "those", "any", "all", "some", "each",
              "every", "many", "most", "much", "no", "now", "then", "contrast", "comparison", "far",
              "law", "mistake", "chance", "accident", "design", "default", "way", "day",
              "night", "car", "train", "plane", "bus", "email", "phone", "hand", "itself",
              "himself", "herself", "themselves", "me", "him", "her", "them", "us", "it"}
# Verbs that introduce what follows a colon ("McCrummen reports:"), beside SAY_VERBS.
REPORTING = {"reports", "notes", "argues", "recalls", "concludes", "continues", "announces",
             "writes", "tweets", "warns", "explains", "reads", "follows"}
# Before "pictured" in narration ("he was pictured leaving"), never in a picture note.
BE_WORDS = {"is", "are", "was", "were", "be", "been", "being", "'s", "also", "often", "first",
            "later", "recently", "last", "previously", "once", "not", "never"}
# Before "photographed" in narration ("which he photographed in 1990", "had photographed").
ACTIVE_BEFORE = {"who", "which", "that", "had", "has", "have", "having", "and", "he", "she"}
PRONOUN_SUBJECTS = {"i", "you", "he", "she", "it", "we", "they", "this", "that", "there"}


def line_role(words: list[str], quoted: bool = False, full_stop: bool = False) -> str | None:
    """The role of a line from its lower-case tokens (brackets as ``(``/``)``); None for body.

    ``quoted``: the line holds quotation marks (a quote is speech, not a caption).
    ``full_stop``: the line ends with a full stop as written (prose), which no caption has.
    """
    if not words:
        return None
    text = " ".join(words)
    if NOTE.match(text):
        return "note"
    if _credit(words):
        return "credit"
    if BYLINE.match(text) and not full_stop and _byline(words):
        return "byline"
    if DATELINE.match(text):
        return "dateline"
    return "caption" if not full_stop and is_caption(words, quoted) else None


def is_caption(words: list[str], quoted: bool = False) -> bool:
    """A picture caption: a label, a picture note near the start, or a picture described in
    the present tense with no narration in the line."""
    if label_caption(words, quoted) or _bracket_note_only(words):
        return True
    if quoted:
        return False
    if picture_note(words):
        return True
    narrative = any(_narrative(w) for w in words)
    return not narrative and any(w in CAPTION_VERBS for w in words[1:8])


def label_caption(words: list[str], quoted: bool = False) -> bool:
    """``proud mum : jean with her lamb``: a short verbless label and a colon open a caption."""
    head = words[:LABEL_WORDS + 1]
    if ":" not in head or quoted:
        return False
    label = head[:head.index(":")]
    if len(words) == len(label) + 1 and len(label) > 2:
        return False  # "Partial transcript as follows:" introduces what comes next
    return 0 < len(label) <= LABEL_WORDS and all(
        w.isalpha() and w not in NARRATIVE_VERBS and w not in SAY_VERBS | REPORTING
        and w not in PRONOUN_SUBJECTS for w in label)


def picture_note(words: list[str]) -> bool:
    """"Smith, pictured, ...", "Smith (left) ...", "pictured : ...": the line names who is in a
    picture, near its start (a body sentence mentions a picture later, if at all)."""
    head = words[:NOTE_WORDS]
    if head[0] in {"pictured", "above", "below", "left", "right", "top", "inset", "from"} and (
            len(head) > 1 and head[1] in {":", ",", "left", "is", "are", "(", "right"}):
        return True
    for i, word in enumerate(head):
        if word == "pictured" and i > 0 and (head[i - 1] in {",", "("} or (
                i + 1 < len(head) and head[i - 1] not in BE_WORDS
                and _describes(head[i + 1]))):
            return True
        if word == "photographed" and 0 < i < len(head) - 1 and head[i - 1].isalpha() \
                and head[i - 1] not in BE_WORDS | PRONOUN_SUBJECTS | ACTIVE_BEFORE \
                and _describes(head[i + 1]):
            return True  # "Frida Kahlo and Dr Juan Farill photographed in her home"
        if word == "(" and _bracketed_note(head[i + 1:]):
            return True
    return False


def _describes(word: str) -> bool:
    """What follows "pictured" in a note: where, with whom, or doing what ("Summer pictured
    volunteering in South Africa")."""
    return word in {"with", "in", "at", "here", "on", "as", "outside", "during", "alongside"} \
        or (len(word) > 4 and word.endswith("ing"))


def _bracketed_note(after: list[str]) -> bool:
    """``( left )``, ``( second right )``, ``( file photo )``: a picture note in brackets."""
    if ")" not in after:
        return False
    inside = after[:after.index(")")]
    return 0 < len(inside) <= 3 and bool(set(inside) & PICTURE_NOTES)


def _bracket_note_only(words: list[str]) -> bool:
    return words[0] == "(" and words[-1] == ")" and _bracketed_note(words[1:])


def _credit(words: list[str]) -> bool:
    """"Photo: Getty Images", "Source: Reuters", or a line that is only an agency's name."""
    text = " ".join(w for w in words if w not in {"(", ")", "/"})
    if text in AGENCIES:
        return True
    if len(words) > 1 and words[1] == ":" and words[0] in CREDIT_HEADS:
        return len(words) - 2 <= CREDIT_WORDS
    return words[0] in {"credit", "credits"}


def _byline(words: list[str]) -> bool:
    """"By Daily Mail Reporter", "By Jane Smith and John Doe for MailOnline"."""
    if words[0] != "by":
        return len(words) <= BYLINE_WORDS
    rest = words[1:]
    return 0 < len(rest) <= BYLINE_WORDS and rest[0].isalpha() and rest[0] not in NOT_BYLINE \
        and not any(_narrative(w) or w in SAY_VERBS for w in rest)


def _narrative(word: str) -> bool:
    """A past-tense or modal verb: the line narrates rather than describes a picture."""
    return word in NARRATIVE_VERBS or (len(word) > 4 and word.endswith("ed"))
