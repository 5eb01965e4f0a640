"""Reading: only regular files inside the project's own folders, size-checked, never a hang.

Real links, FIFOs, sockets and devices; every case ends in one line naming the file.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import ExplainerError, InputError
from generator.files import check_tree, read_limited
from generator.ingest.reader import read_article
from tests.conftest import ROOT
from tests.test_hostile import cli

TEXT = b"Officials said on Monday that it rained in Springfield."


def _seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    return seeds


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_link_out_of_the_folder_is_refused(tmp_path: Path):
    seeds = _seeds(tmp_path)
    (seeds / "leak.txt").symlink_to("/etc/passwd")
    with pytest.raises(InputError, match="link to a file outside") as caught:
        read_article(seeds / "leak.txt", seeds)
    assert "root:" not in str(caught.value)


def test_link_to_the_projects_git_config_is_refused(tmp_path: Path):
    """``../.git/config`` is inside the project but not in its inputs folder."""
    seeds = _seeds(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("[http]\n token = SECRET-TOKEN said it\n")
    (seeds / "config.txt").symlink_to("../.git/config")
    with pytest.raises(InputError, match="outside"):
        read_article(seeds / "config.txt", seeds)
    code, err = cli("extract", str(seeds / "config.txt"), "--out", str(tmp_path / "data"))
    assert code == 1 and "outside" in one_line(err) and "SECRET" not in err
    assert not list((tmp_path / "data").glob("*.yaml")) if (tmp_path / "data").exists() else True


def test_link_inside_the_folder_is_read(tmp_path: Path):
    seeds = _seeds(tmp_path)
    (seeds / "real.txt").write_bytes(TEXT)
    (seeds / "alias.txt").symlink_to("real.txt")
    assert read_article(seeds / "alias.txt", seeds).text == TEXT.decode()


def test_sidecar_link_out_is_refused(tmp_path: Path):
    seeds = _seeds(tmp_path)
    (seeds / "a.txt").write_bytes(TEXT)
    (tmp_path / "outside.yaml").write_text("title: Stolen\n")
    (seeds / "a.meta.yaml").symlink_to(tmp_path / "outside.yaml")
    with pytest.raises(InputError, match=r"a\.meta\.yaml: is a link to a file outside"):
        read_article(seeds / "a.txt", seeds)


@pytest.mark.parametrize("kind", ["broken", "loop"])
def test_broken_and_looping_links(tmp_path: Path, kind: str):
    seeds = _seeds(tmp_path)
    if kind == "broken":
        (seeds / "a.txt").symlink_to("missing.txt")
    else:
        (seeds / "a.txt").symlink_to("b.txt")
        (seeds / "b.txt").symlink_to("a.txt")
    with pytest.raises(InputError, match="broken or looping link"):
        read_article(seeds / "a.txt", seeds)


def test_fifo_is_refused_without_opening_it_for_long(tmp_path: Path):
    seeds = _seeds(tmp_path)
    os.mkfifo(seeds / "pipe.txt")
    with pytest.raises(InputError, match="named pipe"):
        read_article(seeds / "pipe.txt", seeds)


def test_socket_and_directory_are_refused(tmp_path: Path):
    seeds = _seeds(tmp_path)
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(seeds / "sock.txt"))
        with pytest.raises(InputError, match="socket"):
            read_article(seeds / "sock.txt", seeds)
    (seeds / "folder.txt").mkdir()
    with pytest.raises(InputError, match="directory"):
        read_article(seeds / "folder.txt", seeds)


def test_dev_zero_is_a_device(tmp_path: Path):
    code, err = cli("extract", "/dev/zero", "--out", str(tmp_path / "out"))
    assert code == 1 and "is a device" in one_line(err)
    seeds = _seeds(tmp_path)
    (seeds / "zero.txt").symlink_to("/dev/zero")
    code, err = cli("extract", str(seeds / "zero.txt"), "--out", str(tmp_path / "out"))
    assert code == 1 and "zero.txt" in one_line(err)


def test_read_stops_at_the_limit_when_the_size_lies():
    """Files in /proc say size 0 and hold more: the read itself is capped."""
    with pytest.raises(ExplainerError, match="too large"):
        read_limited(Path("/proc/self/status"), limit=16, within=Path("/proc"))


def test_one_gigabyte_article_is_refused_before_reading(tmp_path: Path):
    """A sparse 1 GB file: refused on its size, in a process that stays small."""
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(1 << 30)
    # VmHWM: this process's own peak (ru_maxrss would count the forking test process too)
    script = ("import sys\nfrom generator.cli import main\n"
              "code = main(['extract', sys.argv[1], '--out', sys.argv[2]])\n"
              "print(next(line.split()[1] for line in open('/proc/self/status')\n"
              "           if line.startswith('VmHWM')))\nsys.exit(code)\n")
    done = subprocess.run([sys.executable, "-c", script, str(big), str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 1 and "too long" in one_line(done.stderr)
    peak = int(done.stdout.strip())
    assert peak < 400_000, f"peak memory {peak} KiB: the file was read"


def test_data_fifo_does_not_hang_check(project: Path):
    os.mkfifo(project / "data" / "stuck.yaml")
    done = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=project,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "stuck.yaml: is a named pipe" in one_line(done.stderr)


def test_project_folder_that_links_out_is_refused(project: Path, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "passwd.txt").write_bytes(TEXT)
    (project / "seeds").rmdir()
    (project / "seeds").symlink_to(outside)
    code, err = cli("check", "-f", str(project / "mkdocs.yml"))
    assert code == 2 and "inputs" in one_line(err) and "outside the project" in err


def test_config_pointing_outside_is_refused(project: Path):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("inputs_dir: seeds", "inputs_dir: /etc"))
    code, err = cli("build", "-f", str(config))
    assert code == 2 and "outside the project" in one_line(err)


def test_tree_check_finds_links_out_fifos_and_loops(tmp_path: Path):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "ok.md").write_text("ok")
    (docs / "alias.md").symlink_to("ok.md")
    (docs / "sub" / "up").symlink_to("../sub")  # a folder link inside: MkDocs can walk it
    assert check_tree(docs) == f"{docs / 'sub' / 'up'}: is a link to a folder that holds it " \
                               "(a loop)"
    (docs / "sub" / "up").unlink()
    assert check_tree(docs) is None
    (docs / "sub" / "leak.md").symlink_to("/etc/passwd")
    assert "link to a file outside" in check_tree(docs)
    (docs / "sub" / "leak.md").unlink()
    os.mkfifo(docs / "pipe.md")
    assert "named pipe" in check_tree(docs)


def test_template_link_out_is_refused(tmp_path: Path):
    from generator.render.pages import Renderer
    from tests.samples import sample

    mine = tmp_path / "mine" / "article"
    mine.mkdir(parents=True)
    (mine / "who.md.j2").symlink_to("/etc/passwd")
    with pytest.raises(ExplainerError, match="link to a file outside"):
        Renderer([tmp_path / "mine", ROOT / "templates"]).render_site([sample()])


def test_two_names_with_one_id_are_one_line_for_the_second(tmp_path: Path):
    from generator.ids import unique_ids

    first, second = tmp_path / "my story.txt", tmp_path / "my-story.txt"
    kept, problems = unique_ids([first, second, tmp_path / "other.txt"])
    assert kept == [first, tmp_path / "other.txt"]
    assert problems == [f"{second}: has the same id 'my-story' as {first} (it becomes the page "
                        "address); rename one of them"]
