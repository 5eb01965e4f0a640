"""Load the spaCy model once and run it on an article's restored text.

The model reads the readable (restored) sentences, because a cased model loses
most entities on lower-case text; the :class:`Document` keeps the alignment so
every span found can be mapped back into the input file.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from generator.fingerprint import MODEL
from generator.ingest import sentences as splitter
from generator.ingest.forms import Form
from generator.ingest.reader import Source
from generator.model import Mention, Sentence, TextRef
from generator.nlp.docs import remember_text
from generator.text.alignment import Alignment
from generator.text.restore import restore_document

# ``doc.user_data`` key: doc offsets of the sentences that open a new line of the input. The
# parse joins sentences with single spaces, so rules that need paragraphs read them here.
PARAGRAPH_STARTS = "paragraph_starts"


def load_model() -> Language:
    """The English pipeline, from its installed package: nothing is downloaded.

    The one set-up everything runs: extraction, evaluations, training and tests.
    """
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
    """Split, restore and parse one article.

    Photo captions fused into a body line show only on the parse; when some are found the
    article is restored and parsed again with them as sentences of their own.
    """
    # imported here: the caption rules read the attribution lexicon, whose package reads this
    from generator.nlp import captions

    spans = splitter.split(source.text, form)
    document = _analyse(nlp, source, form, spans, None)
    fused = captions.split_fused(nlp, document)
    if fused is None:
        return document
    return _analyse(nlp, source, form, [span for span, _ in fused], [role for _, role in fused])


def _analyse(nlp: Language, source: Source, form: Form, spans: list[tuple[int, int]],
             roles: list[str | None] | None) -> Document:
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
    text = " ".join(parts)
    doc = _parse(nlp, text, starts)
    remember_text(doc, text)
    doc.user_data[PARAGRAPH_STARTS] = frozenset(
        starts[k] for k in range(1, len(spans)) if "\n" in source.text[spans[k - 1][1]:spans[k][0]])
    ordered = tuple(sorted(pieces, key=lambda p: (p.dst_start, p.dst_end)))
    return Document(source, form, sentences, doc, Alignment(ordered), starts, text)


def _parse(nlp: Language, text: str, starts: list[int]) -> Doc:
    """Run the pipeline with our sentence boundaries fixed (the parser respects them)."""
    doc = nlp.make_doc(text)
    boundaries = set(starts)
    # Set all at once: each ``token.is_sent_start = ...`` scans the whole doc (quadratic).
    flags = numpy.array([1 if token.idx in boundaries or token.i == 0 else -1 for token in doc],
                        dtype="int64").astype("uint64").reshape(-1, 1)
    doc.from_array([SENT_START], flags)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


