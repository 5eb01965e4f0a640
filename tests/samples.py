"""A small hand-made explainer for tests that need one without running the NLP."""

from __future__ import annotations

from generator.model import (
    Actor,
    Article,
    Claim,
    DateRef,
    Event,
    Explainer,
    InputInfo,
    Mention,
    Sentence,
    TextRef,
)

TEXT = "officials said it rained\nit rained in december"


def sample() -> Explainer:
    return Explainer(
        article=Article("a1", "A title", None,
                        input=InputInfo("seeds/a1.txt", "0" * 64, "tokenized", True, "1")),
        sentences=[Sentence("s1", (0, 24), "Officials said it rained"),
                   Sentence("s2", (25, 46), "It rained in December")],
        actors=[Actor("officials", "Officials", "government", None,
                      [Mention("s1", (0, 9), "officials")])],
        claims=[Claim("c1", "s1", "officials", TextRef((0, 9), "officials"),
                      TextRef((10, 14), "said"), TextRef((15, 24), "it rained"))],
        dates=[DateRef("t1", "s2", (38, 46), "december", "DATE", "XXXX-12", None, "December")],
        timeline=[Event("e1", "t1", "It rained", "s2", [])],
        key_points=["s1"],
    )
