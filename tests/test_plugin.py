"""The MkDocs plugin's options and ``explainer new``: a typo is an error, the old
``extra.explainer`` block is refused with how to migrate, a new project never overwrites."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator.cli import main
from generator.errors import ExplainerError
from generator.publish import settings
from generator.publish.options import PLUGIN
from tests.conftest import ROOT, SEED

PLUGIN_YML = "site_name: x\nplugins:\n  - explainer:\n{options}"


def _config(tmp_path: Path, text: str) -> Path:
    config = tmp_path / "mkdocs.yml"
    config.write_text(text)
    return config


def test_a_typo_in_the_options_is_an_error_for_the_cli_and_for_mkdocs(tmp_path: Path,
                                                                      caplog):
    config = _config(tmp_path, PLUGIN_YML.format(options="      treshold: 0.6\n"))
    with pytest.raises(ExplainerError, match=r"treshold: unknown option \(the options: "):
        settings.load(config)
    (tmp_path / "docs").mkdir()
    with pytest.raises(Abort):
        load_config(str(config))
    assert "option 'treshold': unknown option" in caplog.text


def test_options_are_read_in_list_or_mapping_form(tmp_path: Path):
    listed = settings.load(_config(tmp_path, PLUGIN_YML.format(
        options="      data_dir: yaml\n      threshold: 0.6\n")))
    assert listed.plugin and listed.data == tmp_path / "yaml" and listed.threshold.claims == 0.6
    mapped = settings.load(_config(tmp_path, "site_name: x\nplugins:\n  explainer:\n"
                                             "    inputs_dir: articles\n"))
    assert mapped.plugin and mapped.inputs == tmp_path / "articles"
    bare = settings.load(_config(tmp_path, "site_name: x\nplugins:\n  - explainer\n"))
    assert bare.plugin and bare.inputs == tmp_path / "seeds"


def test_the_old_extra_block_and_hook_say_how_to_migrate(tmp_path: Path):
    config = _config(tmp_path, "site_name: x\nextra:\n  explainer:\n    threshold: 0.7\n")
    with pytest.raises(ExplainerError, match=r"extra\.explainer is no longer read: move"):
        settings.load(config)
    config = _config(tmp_path, "site_name: x\nhooks:\n  - generator/publish/hooks.py\n")
    with pytest.raises(ExplainerError, match="replaced by the explainer plugin"):
        settings.load(config)


def test_building_without_the_plugin_is_refused_in_one_line(tmp_path: Path, capsys):
    config = _config(tmp_path, "site_name: x\n")
    assert main(["build", "-f", str(config)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the explainer plugin is not listed" in err


def test_the_repository_uses_the_plugin():
    assert settings.load(ROOT / "mkdocs.yml").plugin
    assert "hooks:" not in (ROOT / "mkdocs.yml").read_text()


def test_new_creates_a_project_that_lists_the_plugin(tmp_path: Path, capsys):
    assert main(["new", str(tmp_path / "my-site")]) == 0
    project = tmp_path / "my-site"
    made = sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file())
    assert made == [".github/workflows/publish.yml", ".gitignore", "docs/about.md",
                    "mkdocs.yml", "requirements.txt",
                    "seeds/riverton-footbridge.meta.yaml", "seeds/riverton-footbridge.txt"]
    assert (project / "data").is_dir()
    loaded = settings.load(project / "mkdocs.yml")
    assert loaded.plugin and loaded.inputs == (project / "seeds").resolve()
    config = load_config(str(project / "mkdocs.yml"))
    assert config.site_name == "My site" and PLUGIN in config.plugins
    sample = (project / "seeds" / "riverton-footbridge.txt").read_text()
    seed = SEED.read_text()
    assert not any(line in seed for line in sample.splitlines() if len(line) > 20)


@pytest.mark.parametrize("existing", ["file-inside", "a-file", "a-link"])
def test_new_refuses_anything_but_a_new_or_empty_folder(tmp_path: Path, capsys,
                                                        existing: str):
    target = tmp_path / "site"
    if existing == "file-inside":
        target.mkdir()
        (target / "notes.txt").write_text("mine")
    elif existing == "a-file":
        target.write_text("mine")
    else:
        (tmp_path / "real").mkdir()
        target.symlink_to(tmp_path / "real")
    assert main(["new", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not an empty folder" in err
    if existing == "file-inside":
        assert [p.name for p in target.iterdir()] == ["notes.txt"]
        assert (target / "notes.txt").read_text() == "mine"
    assert not list(tmp_path.glob(".explainer-new-*"))


def test_new_fills_an_empty_folder(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    assert main(["new", str(tmp_path / "empty")]) == 0
    assert (tmp_path / "empty" / "mkdocs.yml").is_file()
