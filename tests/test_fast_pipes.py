"""The stand-ins for the attribute ruler and the lemmatizer, and the batched parse, change
nothing: every annotation of every token is the same as spaCy's own, one article at a time."""

from __future__ import annotations

import numpy
import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from generator.ingest.forms import detect
from generator.ingest.reader import Meta, Source
from generator.nlp import fast_pipes
from generator.nlp.pipeline import analyse, analyse_many, load_spacy
from tests.conftest import EVAL, SEED

ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
# Every kind of pattern of the shipped ruler: tag-only, word + tag, word + dependency, a
# regular expression, two words, "there is", spaces; and lemmas of each part of speech.
CRAFTED = [
    "I ain't gonna say nothin' , y'all . Let's go , c'mon ! We gotta leave .",
    "There are  three dogs and there 's one cat.\n\nBut the cats were running faster than "
    "anyone expected , so that everything changed .",
    "Those who could would have done it ; that which is is .  Somebody 's books were read .",
    "It has been said that he was taking the best of the children 's toys \t away .",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def spacy_nlp():
    return load_spacy()


def _texts() -> list[str]:
    texts = [*CRAFTED, SEED.read_text(encoding="utf-8")]
    texts += [path.read_text(encoding="utf-8")
              for path in sorted((EVAL / "cnndm").glob("*.cased.txt"))[:6]]
    texts += [path.read_text(encoding="utf-8")
              for path in sorted((EVAL / "polnear" / "dev").glob("*.txt"))[:6]]
    return texts


def test_the_stand_ins_are_in_the_pipeline(nlp):
    assert nlp.pipe_names == load_spacy().pipe_names
    assert isinstance(nlp.get_pipe("attribute_ruler"), fast_pipes.TagTableRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), fast_pipes.MemoLemmatizer)
    ruler = nlp.get_pipe("attribute_ruler")
    assert ruler.table and ruler.words and ruler.sequences  # each way of testing is used


def test_same_annotations_as_spacy(nlp, spacy_nlp):
    for text in _texts() * 2:  # the second round reads the lemma memo
        ours, theirs = nlp(text), spacy_nlp(text)
        assert [t.text for t in ours] == [t.text for t in theirs]
        if not numpy.array_equal(ours.to_array(ATTRS), theirs.to_array(ATTRS)):
            diff = next((a.text, a.pos_, b.pos_, a.lemma_, b.lemma_, str(a.morph), str(b.morph))
                        for a, b in zip(ours, theirs, strict=True)
                        if (a.pos_, a.lemma_, a.morph) != (b.pos_, b.lemma_, b.morph))
            pytest.fail(f"the stand-ins differ from spaCy: {diff}")


def test_a_later_tag_pattern_keeps_its_attribute(nlp, spacy_nlp):
    """Where a word pattern and a tag pattern set the same attribute, the later one wins."""
    shipped = spacy_nlp.get_pipe("attribute_ruler")
    original = type(shipped)(spacy_nlp.vocab)
    original.add_patterns([{"patterns": [[{"LOWER": "dogs", "TAG": "NNS"}]],
                            "attrs": {"POS": "PROPN", "LEMMA": "hound"}},
                           *shipped.patterns])
    probe = fast_pipes.TagTableRuler(spacy_nlp.vocab)
    probe.take_over(original)
    doc = spacy_nlp.make_doc("The dogs barked .")
    for _, component in spacy_nlp.pipeline[:3]:
        doc = component(doc)
    mine, spacys = probe(doc.copy()), original(doc.copy())
    assert [(t.pos_, t.lemma_, str(t.morph)) for t in mine] == \
        [(t.pos_, t.lemma_, str(t.morph)) for t in spacys]
    assert (mine[1].tag_, mine[1].pos_, mine[1].lemma_) == ("NNS", "NOUN", "hound")


def test_a_batch_parses_as_one_article_at_a_time(nlp):
    sources = [Source(f"a{k}", SEED, text, "0" * 64, Meta())
               for k, text in enumerate(_texts()[:12])]
    articles = [(source, detect(source.text)) for source in sources]
    together = analyse_many(nlp, articles)
    for (source, form), batched in zip(articles, together, strict=True):
        alone = analyse(nlp, source, form)
        assert batched.text == alone.text
        assert batched.sentences == alone.sentences
        assert numpy.array_equal(batched.doc.to_array(ATTRS), alone.doc.to_array(ATTRS))
