"""Small lookups over a parsed spaCy document that several components need."""

from __future__ import annotations

from spacy.tokens import Doc


def sentence_index(doc: Doc) -> list[int]:
    """The number of the sentence each token is in, by token index."""
    index = [0] * len(doc)
    for number, sentence in enumerate(doc.sents):
        for i in range(sentence.start, sentence.end):
            index[i] = number
    return index
