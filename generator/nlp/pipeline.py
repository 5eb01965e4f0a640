"""Load the spaCy model once and run it on an article's restored text.

The model reads the readable (restored) sentences, because a cased model loses
most entities on lower-case text; the :class:`Document` keeps the alignment so
every span found can be mapped back into the input file.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from generator.fingerprint import MODEL
from generator.ingest import sentences as splitter
from generator.ingest.forms import Form
from generator.ingest.reader import Source
from generator.model import Mention, Sentence, TextRef
from generator.nlp import fast_pipes
from generator.nlp.docs import remember_text
from generator.text.alignment import Alignment
from generator.text.restore import restore_document

# ``doc.user_data`` key: doc offsets of the sentences that open a new line of the input. The
# parse joins sentences with single spaces, so rules that need paragraphs read them here.
PARAGRAPH_STARTS = "paragraph_starts"


def load_model() -> Language:
    """The English pipeline, from its installed package: nothing is downloaded.

    The one set-up everything runs: extraction, evaluations, training and tests. Two of
    its components are replaced by exact, faster stand-ins (:mod:`generator.nlp.fast_pipes`).
    """
    nlp = load_spacy()
    fast_pipes.install(nlp)
    return nlp


def load_spacy() -> Language:
    """The installed pipeline exactly as spaCy ships it: the yardstick of the benchmarks."""
    nlp = spacy.load(MODEL)
    nlp.max_length = 2_000_000
    return nlp


@dataclass
class Document:
    """An article with its restored text parsed, and the way back to the input."""

    source: Source
    form: Form
    sentences: list[Sentence]
    doc: Doc
    alignment: Alignment
    starts: list[int]  # doc offset where each sentence starts
    text: str  # the parsed text (``doc.text``, built once: spaCy rebuilds it on every call)

    def ref(self, start: int, end: int) -> TextRef | None:
        """The input text behind doc characters ``[start, end)``."""
        span = self.alignment.to_source(start, end)
        if span is None:
            return None
        return TextRef(span, self.source.text[span[0]:span[1]], self.text[start:end])

    def ref_of(self, span: SpacySpan) -> TextRef | None:
        return self.ref(span.start_char, span.end_char)

    def sentence_at(self, doc_char: int) -> Sentence:
        """The sentence holding a doc character offset."""
        return self.sentences[max(bisect_right(self.starts, doc_char) - 1, 0)]

    def mention(self, span: SpacySpan) -> Mention | None:
        ref = self.ref_of(span)
        if ref is None:
            return None
        return Mention(self.sentence_at(span.start_char).id, ref.span, ref.text, ref.display)


def analyse(nlp: Language, source: Source, form: Form) -> Document:
    """Split, restore and parse one article (:func:`analyse_many` of one)."""
    return analyse_many(nlp, [(source, form)])[0]


def analyse_many(nlp: Language, articles: Sequence[tuple[Source, Form]]) -> list[Document]:
    """Split, restore and parse articles, the parse in one batch.

    The model's layers run on the whole batch at once, faster than one article at a time,
    with the same annotations bit for bit (``tests/test_fast_pipes.py``).
    Photo captions fused into a body line show only on the parse; the articles where some
    are found are restored and parsed again, together, with them as sentences of their own.
    """
    # imported here: the caption rules read the attribution lexicon, whose package reads this
    from generator.nlp import captions

    documents = _analyse_batch(nlp, [(source, form, splitter.split(source.text, form), None)
                                     for source, form in articles])
    again = {}
    for k, document in enumerate(documents):
        fused = captions.split_fused(nlp, document)
        if fused is not None:
            again[k] = (document.source, document.form, [span for span, _ in fused],
                        [role for _, role in fused])
    for k, document in zip(again, _analyse_batch(nlp, list(again.values())), strict=True):
        documents[k] = document
    return documents


Plan = tuple[Source, Form, list[tuple[int, int]], list[str | None] | None]


def _analyse_batch(nlp: Language, plans: list[Plan]) -> list[Document]:
    """Each article restored sentence by sentence, then all of them parsed at once."""
    if not plans:
        return []
    prepared = [_restore(*plan) for plan in plans]
    docs = _parse(nlp, [(text, starts) for _, _, starts, text in prepared])
    documents = []
    for (source, form, spans, _), (sentences, pieces, starts, text), doc in zip(
            plans, prepared, docs, strict=True):
        remember_text(doc, text)
        doc.user_data[PARAGRAPH_STARTS] = frozenset(
            starts[k] for k in range(1, len(spans))
            if "\n" in source.text[spans[k - 1][1]:spans[k][0]])
        ordered = tuple(sorted(pieces, key=lambda p: (p.dst_start, p.dst_end)))
        documents.append(Document(source, form, sentences, doc, Alignment(ordered), starts,
                                  text))
    return documents


def _restore(source: Source, form: Form, spans: list[tuple[int, int]],
             roles: list[str | None] | None) -> tuple[list[Sentence], list, list[int], str]:
    """The article's sentences, restored, joined into the text the model reads."""
    restored = restore_document(
        source.text, spans, tokenized=form.tokenized, lowercase=form.lowercase, roles=roles
    )
    sentences, pieces, starts, parts = [], [], [], []
    offset = 0
    for number, ((start, end), sentence) in enumerate(zip(spans, restored, strict=True), 1):
        sentences.append(Sentence(f"s{number}", (start, end), sentence.text, sentence.role))
        starts.append(offset)
        pieces.extend(sentence.alignment.shifted(offset).pieces)
        parts.append(sentence.text)
        offset += len(sentence.text) + 1
    return sentences, pieces, starts, " ".join(parts)


def _parse(nlp: Language, texts: list[tuple[str, list[int]]]) -> list[Doc]:
    """Run the pipeline over the texts with our sentence boundaries fixed (the parser
    respects them), each component over the whole batch."""
    docs = [_with_boundaries(nlp.make_doc(text), starts) for text, starts in texts]
    for _, component in nlp.pipeline:
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=len(docs)))
        else:
            docs = [component(doc) for doc in docs]
    return docs


def _with_boundaries(doc: Doc, starts: list[int]) -> Doc:
    """Mark the tokens that start a sentence (all at once: each ``token.is_sent_start = ...``
    scans the whole doc, which is quadratic)."""
    if not len(doc):
        return doc
    flags = numpy.where(numpy.isin(doc.to_array(IDX), starts), 1, -1)
    flags[0] = 1
    doc.from_array([SENT_START], flags.astype("int64").astype("uint64").reshape(-1, 1))
    return doc
