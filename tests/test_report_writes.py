"""A report that cannot be written: one Dutch line, exit 2, the good report untouched; leftovers of
killed renders removed."""

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from leergeschiedenis.batch import write_index
from leergeschiedenis.cli import main
from leergeschiedenis.errors import SchrijvenMislukt
from leergeschiedenis.regio import from_reports
from leergeschiedenis.report import LEFTOVER_SECONDS, remove_leftovers, render

DATA = Path(__file__).parent / "data"


def test_an_output_folder_that_cannot_be_made_is_one_dutch_line(capsys, tmp_path):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map\n")
    out = blocker / "verslagen"
    assert main(["report", str(DATA / "analyse"), "--jaar", "2017", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"Fout: Het verslag 2017 kan niet geschreven worden in {out / 'proeftuin-rekenvoorbeeld' / '2017'}: "
        "een deel van het pad is een bestand, geen map. Het vorige verslag (als dat er was) is ongewijzigd.\n"
    )
    assert blocker.read_text() == "geen map\n"


def _aged(path: Path, seconds: float) -> Path:
    path.mkdir()
    (path / "leergeschiedenis-2017.ipynb").write_text("{}")
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_leftovers_of_killed_renders_are_removed_and_nothing_else(tmp_path):
    old = 2 * LEFTOVER_SECONDS
    killed = _aged(tmp_path / ".2017-k3x9_a2b", old)
    set_aside = _aged(tmp_path / ".2017-oud-4242", old)
    running = _aged(tmp_path / ".2017-abcdefgh", 60)  # a render of the same year still at work
    other_year = _aged(tmp_path / ".2016-k3x9_a2b", old)
    not_ours = [_aged(tmp_path / name, old) for name in (".2017-notes", ".2017-k3x9_a2b.bak", "2017", ".git")]
    outside = tmp_path.parent / f"{tmp_path.name}-buiten"
    outside.mkdir()
    (tmp_path / ".2017-zzzzzzzz").symlink_to(outside, target_is_directory=True)
    os.utime(tmp_path / ".2017-zzzzzzzz", (time.time() - old,) * 2, follow_symlinks=False)
    assert sorted(remove_leftovers(tmp_path, 2017)) == [killed, set_aside]
    assert not killed.exists() and not set_aside.exists()
    assert running.is_dir() and other_year.is_dir() and all(p.is_dir() for p in not_ours) and outside.is_dir()
    shutil.rmtree(outside)


def test_a_work_folder_is_not_listed_as_a_report(tmp_path):
    """A render killed after the kernel wrote kerncijfers.json: its hidden folder is no report."""
    work = tmp_path / "proeftuin-x" / ".2017-k3x9_a2b"
    work.mkdir(parents=True)
    (work / "kerncijfers.json").write_text(json.dumps({"proeftuin": "Proeftuin X", "jaar": 2017}))
    assert from_reports(tmp_path) == {}
    assert "Nog geen verslagen." in write_index(tmp_path).read_text(encoding="utf-8")


def _limit_file_size(limit: int):
    def apply():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.slow
def test_a_full_disk_keeps_the_good_report_and_says_so_in_one_line(tmp_path):
    out = tmp_path / "verslagen"
    good = render(DATA / "analyse", 2017, out)
    before = {p.name: p.read_bytes() for p in good.folder.iterdir()}
    done = subprocess.run(
        [
            *(sys.executable, "-m", "leergeschiedenis.cli", "report", str(DATA / "analyse")),
            *("--jaar", "2017", "--out", str(out), "--force"),
        ],
        capture_output=True,
        text=True,
        preexec_fn=_limit_file_size(200_000),  # what `ulimit -f 200` does: the executed notebook is larger
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        f"Fout: Het verslag 2017 kan niet geschreven worden in {good.folder}: het bestand wordt groter dan hier mag "
        "(een limiet van het systeem of de schijf). Het vorige verslag (als dat er was) is ongewijzigd.\n"
    )
    assert done.stdout == ""
    assert {p.name: p.read_bytes() for p in good.folder.iterdir()} == before
    assert not [p for p in good.folder.parent.iterdir() if p.name.startswith(".")]


@pytest.mark.slow
def test_a_full_disk_in_the_kernel_is_the_same_line_not_a_failed_chapter(tmp_path):
    out = tmp_path / "verslagen"
    with pytest.raises(SchrijvenMislukt) as e:
        render(DATA / "analyse", 2017, out, notebook=DATA / "notebooks" / "schijf_vol.ipynb")
    assert str(e.value) == (
        f"Het verslag 2017 kan niet geschreven worden in {out / 'proeftuin-rekenvoorbeeld' / '2017'}: de schijf is vol. "
        "Het vorige verslag (als dat er was) is ongewijzigd."
    )
    assert not list((out / "proeftuin-rekenvoorbeeld").iterdir())


def test_an_index_that_cannot_be_written_is_one_dutch_line(tmp_path):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map\n")
    with pytest.raises(SchrijvenMislukt) as e:
        write_index(blocker)
    assert str(e.value).startswith(f"Het overzicht kan niet geschreven worden in {blocker}: ")
