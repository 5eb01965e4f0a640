"""Claims are assertions that read on their own: no actions, no own cue, whole propositions."""

from __future__ import annotations

from generator.nlp.actors import find_actors
from generator.nlp.claims import find_claims
from generator.render.views import ArticleView
from tests.nlp_helpers import explain, parsed


def _cues(explainer) -> list[str]:
    return [c.cue.text for c in explainer.claims if c.cue]


def test_actions_are_not_claims(nlp):
    text = ("Beijing has offered little evidence and ignored calls for independent "
            "investigations. Many of the group have also begun adopting practices seen "
            "elsewhere, such as full-face veils.")
    cues = _cues(explain(nlp, text))
    assert not any(word in cue for cue in cues for word in ("offered", "ignored", "begun"))


def test_a_plan_is_an_intention_not_a_claim(nlp):
    text = ("Dads plan to outspend moms by 63 percent this year, a survey found. "
            "The minister said the plan would fail.")
    cues = _cues(explain(nlp, text))
    assert "said" in cues and not any("plan" in cue for cue in cues), cues


def test_saying_believing_and_fearing_are_claims(nlp):
    text = ("The minister said the plan would fail. Farmers fear the drought will last. "
            "Critics believe the tax is unfair.")
    cues = _cues(explain(nlp, text))
    assert {"said", "fear", "believe"} <= set(cues)


def test_blame_keeps_its_object_and_reads_as_a_statement(nlp):
    text = ("Beijing has previously blamed the violence on Islamic militants with foreign "
            "connections who are seeking an independent state in Xinjiang.")
    explainer = explain(nlp, text)
    claim = next(c for c in explainer.claims if c.cue and "blamed" in c.cue.text)
    assert claim.content.text.startswith("the violence on Islamic militants with foreign")
    assert "independent state" in claim.content.text
    shown = ArticleView(explainer).claim_text(claim)
    assert shown.startswith("Beijing has previously blamed the violence on Islamic militants")


def test_content_keeps_a_subject_the_parser_hung_on_the_cue(nlp):
    text = ("chinese officials have claimed muslim from the country 's western region are "
            "travelling to syria and iraq to join isis")
    claim = explain(nlp, text).claims[0]
    assert claim.content.text.startswith("muslim from the country 's western region are")


def test_own_cue_is_left_out(nlp):
    text = ("Xinjiang has seen repeated violence, as members of the minority have bristled "
            "under what they say is repressive government rule.")
    claim = next(c for c in explain(nlp, text).claims if c.cue and c.cue.text == "say")
    assert "say" not in claim.content.text.split()
    assert claim.content.text == "repressive government rule"


def test_split_quote_keeps_its_longer_part_not_the_speech_tag(nlp):
    text = ("\"We expect a very long and difficult winter for everyone here,\" said Jane Roe, "
            "the mayor. \"We are ready.\"")
    claim = next(c for c in explain(nlp, text).claims if c.kind == "direct")
    assert "said" not in claim.content.text and "Jane Roe" not in claim.content.text
    assert "difficult winter" in claim.content.text


def test_pronoun_elaboration_is_one_claim(nlp):
    text = ("Chinese officials have previously expressed concerns about the rise of ISIS, "
            "fearing it will fuel unrest and violence in Xinjiang.")
    claims = explain(nlp, text).claims
    assert len(claims) == 1
    assert claims[0].content.text.startswith("the rise of ISIS")
    assert claims[0].content.text.endswith("violence in Xinjiang")


def test_quote_left_open_at_the_end_is_closed_for_display(nlp):
    text = ("another official , shohrat zakir , said a yearlong crackdown in the region ' has "
            "won wide support from people of all ethnic groups")
    claim = explain(nlp, text).claims[-1]
    assert claim.content.text.endswith("ethnic groups")  # the input words, as given
    assert claim.content.readable.endswith("groups'")


def test_captions_hold_no_claims(nlp):
    text = ("Officials said the bridge would reopen soon. The mayor said the road was safe.")
    document = parsed(nlp, text)
    assert len(find_claims(document, find_actors(document))) == 2
    document.sentences[0].role = "caption"
    claims = find_claims(document, find_actors(document))
    assert [c.sentence for c in claims] == ["s2"]
