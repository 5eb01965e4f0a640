"""Small lookups over a parsed spaCy document that several components need."""

from __future__ import annotations

from spacy.tokens import Doc

_TEXT = "explainer.text"  # doc.user_data key of the cached text


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document: spaCy joins every token anew on each call,
    which made each mention, claim and date cost the length of the whole article."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Cache the text the document was made from (spaCy keeps ``doc.text == text``)."""
    doc.user_data[_TEXT] = text


def sentence_index(doc: Doc) -> list[int]:
    """The number of the sentence each token is in, by token index."""
    index = [0] * len(doc)
    for number, sentence in enumerate(doc.sents):
        for i in range(sentence.start, sentence.end):
            index[i] = number
    return index

