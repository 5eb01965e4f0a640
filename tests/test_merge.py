"""Re-extraction keeps every human edit and updates what nobody touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import store
from generator.commands.check import check_data
from generator.errors import EditedError
from generator.merge import merge
from tests.fake_extract import fake_extract

OLD = ("officials said it rained\n"
       "police said roads closed on monday\n"
       "it rained in december\n")
NEW = "the storm came at night\n" + OLD + "doctors said nobody was hurt in march\n"


def edit(path: Path, change) -> None:
    """Edit the YAML as a person would: load, change, write (no fingerprint update)."""
    data = store.load_data(path)
    change(data)
    path.write_text(store.dumps(data), encoding="utf-8")


def four_edits(data: dict) -> None:
    """Edit a speaker, rename an actor, delete a claim, add a date."""
    data["claims"][0]["speaker"] = "police"
    data["actors"][0]["name"] = "Chinese officials"
    data["claims"] = [c for c in data["claims"] if c["id"] != "c2"]
    start = OLD.index("monday")
    data["dates"].append({"id": "t9", "sentence": "s2", "span": [start, start + 6],
                          "text": "monday", "type": "DATE", "value": "XXXX-WXX-1",
                          "mod": None, "description": "a Monday"})


@pytest.fixture
def edited(tmp_path: Path) -> Path:
    path = tmp_path / "a1.yaml"
    store.save(path, fake_extract(OLD), text=OLD)
    edit(path, four_edits)
    assert store.was_edited(path)
    return path


def test_the_four_edits_survive_a_changed_article(edited: Path):
    saved = store.save(edited, fake_extract(NEW), text=NEW)
    assert saved.merged and saved.changed and not saved.notes
    data = store.load_data(edited)
    claims = {c["id"]: c for c in data["claims"]}
    assert claims["c1"]["speaker"] == "police", "edited speaker"
    assert data["actors"][0]["name"] == "Chinese officials", "renamed actor"
    assert "c2" not in claims and all("roads" not in c["content"]["text"]
                                      for c in claims.values()), "deleted claim"
    monday = next(d for d in data["dates"] if d["id"] == "t9")
    assert NEW[monday["span"][0]:monday["span"][1]] == "monday", "added date, moved"
    assert monday["sentence"] == "s3"
    # untouched machine items follow the new text, under their old ids
    assert len(data["sentences"]) == 5
    assert claims["c1"]["content"]["span"] == [NEW.index("it rained"), NEW.index("it rained") + 9]
    new_claim = next(c for c in data["claims"] if c["speaker"] == "doctors")
    assert new_claim["id"] == "c3", "a new claim gets a fresh id"
    assert {d["text"] for d in data["dates"]} == {"december", "march", "monday"}
    assert check_data(data, NEW) == []
    assert store.was_edited(edited), "the merged file still counts as edited"


def test_merge_is_idempotent_and_deterministic(edited: Path):
    store.save(edited, fake_extract(NEW), text=NEW)
    first = edited.read_bytes()
    again = store.save(edited, fake_extract(NEW), text=NEW)
    assert not again.changed
    assert edited.read_bytes() == first
    bases = list(store.base_folder(edited).iterdir())
    assert len(bases) == 1, "only the current base is kept"


def test_untouched_file_is_simply_replaced(tmp_path: Path):
    path = tmp_path / "a1.yaml"
    store.save(path, fake_extract(OLD), text=OLD)
    saved = store.save(path, fake_extract(NEW), text=NEW)
    assert saved.changed and not saved.merged
    assert store.load_data(path) == _stamped(fake_extract(NEW).to_dict(), path)
    assert not store.was_edited(path)


def _stamped(data: dict, path: Path) -> dict:
    data["article"]["input"]["extracted_sha256"] = store.fingerprint(data)
    return data


def test_edit_in_unchanged_field_follows_the_machine(edited: Path):
    """Only the person's fields are pinned: a claim whose speaker was edited still gets new
    spans and a better cue from the machine."""
    better = fake_extract(NEW)
    for claim in better.claims:
        if claim.cue is not None:
            claim.cue = type(claim.cue)(claim.cue.span, claim.cue.text, "Said")
    store.save(edited, better, text=NEW)
    claim = next(c for c in store.load_data(edited)["claims"] if c["id"] == "c1")
    assert claim["cue"]["display"] == "Said" and claim["speaker"] == "police"


def test_edit_whose_words_left_the_article_becomes_a_note(edited: Path):
    text = OLD.replace(" on monday", "")
    saved = store.save(edited, fake_extract(text), text=text)
    assert any("t9" in n and "monday" in n for n in saved.notes)
    assert all(d["text"] != "monday" for d in store.load_data(edited)["dates"])


def test_deleted_actor_is_not_brought_back_and_references_are_cleared(tmp_path: Path):
    path = tmp_path / "a1.yaml"
    store.save(path, fake_extract(OLD), text=OLD)

    def drop_police(data):
        data["actors"] = [a for a in data["actors"] if a["id"] != "police"]
        for claim in data["claims"]:
            if claim["speaker"] == "police":
                claim["speaker"] = None

    edit(path, drop_police)
    store.save(path, fake_extract(NEW), text=NEW)
    data = store.load_data(path)
    assert "police" not in {a["id"] for a in data["actors"]}
    assert all(c["speaker"] != "police" for c in data["claims"])
    assert check_data(data, NEW) == []


def test_edited_file_without_base_is_not_overwritten(edited: Path):
    for base in store.base_folder(edited).iterdir():
        base.unlink()
    before = edited.read_bytes()
    with pytest.raises(EditedError, match="cannot be merged"):
        store.save(edited, fake_extract(NEW), text=NEW)
    assert edited.read_bytes() == before
    assert store.save(edited, fake_extract(NEW), text=NEW, force=True).changed


def test_invalid_edited_file_is_left_alone(edited: Path):
    edited.write_text(edited.read_text() + "  broken: [\n")
    before = edited.read_bytes()
    with pytest.raises(Exception, match="not valid YAML"):
        store.save(edited, fake_extract(NEW), text=NEW)
    assert edited.read_bytes() == before


def test_merge_does_not_touch_its_inputs():
    base = fake_extract(OLD).to_dict()
    mine = fake_extract(OLD).to_dict()
    four_edits(mine)
    new = fake_extract(NEW).to_dict()
    copies = [repr(x) for x in (base, mine, new)]
    result = merge(base, mine, new, NEW)
    assert [repr(x) for x in (base, mine, new)] == copies
    assert result.base["claims"][0]["id"] == "c1"


def test_identical_edits_and_base_give_the_new_extraction():
    base = fake_extract(OLD).to_dict()
    new = fake_extract(NEW).to_dict()
    assert merge(base, base, new, NEW).data == merge(base, base, new, NEW).base


def test_sentence_text_rewritten_by_a_person_is_kept(edited: Path):
    edit(edited, lambda d: d["sentences"][2].update(text="It rained in December."))
    store.save(edited, fake_extract(NEW), text=NEW)
    data = store.load_data(edited)
    assert data["sentences"][3]["text"] == "It rained in December."


ARTICLE = ("Police in Springfield said on Monday that the bridge would close in March.\n\n"
           "Mayor Anna Berg told reporters the repairs were overdue, and repairs began "
           "long ago.\n\n"
           "The transport ministry said engineers found cracks in 2014.\n")
CHANGED = ("Heavy rain fell across the region on Sunday, officials said.\n\n" + ARTICLE
           + "\nThe council said the bridge would reopen in June.\n")


@pytest.mark.slow
def test_four_edits_survive_real_re_extraction(tmp_path: Path, nlp):
    from generator.extract import extract
    from generator.ingest.reader import read_article

    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "data" / "story.yaml"

    def run() -> store.Saved:
        source = read_article(article)
        return store.save(path, extract(nlp, source, published="2015-03-10", root=tmp_path),
                          text=source.text)

    run()
    before = store.load_data(path)
    deleted = before["claims"][-1]["content"]["text"]
    edited_claim = next(c for c in before["claims"] if "bridge" in c["content"]["text"])
    speaker = next(a["id"] for a in before["actors"] if a["id"] != edited_claim["speaker"])
    renamed = before["actors"][0]["id"]
    start = ARTICLE.index("long ago")
    sentence = next(s["id"] for s in before["sentences"] if s["span"][0] <= start < s["span"][1])

    def change(data: dict) -> None:
        next(c for c in data["claims"] if c["id"] == edited_claim["id"])["speaker"] = speaker
        data["actors"][0]["name"] = "Springfield's police"
        data["claims"] = [c for c in data["claims"] if c["content"]["text"] != deleted]
        data["dates"].append({"id": "t99", "sentence": sentence, "span": [start, start + 8],
                              "text": "long ago", "type": "DATE", "value": "PAST_REF",
                              "mod": None, "description": "long ago"})

    edit(path, change)
    article.write_text(CHANGED, encoding="utf-8")
    saved = run()
    assert saved.merged, saved
    after = store.load_data(path)
    claim = next(c for c in after["claims"] if c["id"] == edited_claim["id"])
    assert claim["content"]["text"] == edited_claim["content"]["text"]
    assert claim["speaker"] == speaker
    assert next(a for a in after["actors"] if a["id"] == renamed)["name"] == "Springfield's police"
    assert deleted not in [c["content"]["text"] for c in after["claims"]]
    added = next(d for d in after["dates"] if d["id"] == "t99")
    assert CHANGED[added["span"][0]:added["span"][1]] == "long ago"
    assert any("June" in d["text"] for d in after["dates"]), "new machine items arrive"
    assert check_data(after, CHANGED) == []


def test_deleted_date_leaves_no_reference_behind(tmp_path: Path):
    path = tmp_path / "a1.yaml"
    store.save(path, fake_extract(OLD), text=OLD)
    dated = [e for e in store.load_data(path)["timeline"] if e.get("date")]
    assert dated, "the sample needs a dated event"
    gone = dated[0]["date"]

    def drop_date(data):
        data["dates"] = [d for d in data["dates"] if d["id"] != gone]

    edit(path, drop_date)  # the event still names it: the merge must clear that
    store.save(path, fake_extract(NEW), text=NEW)
    data = store.load_data(path)
    assert gone not in {d["id"] for d in data["dates"]}
    assert all(e.get("date") != gone for e in data["timeline"])
    assert check_data(data, NEW) == []
