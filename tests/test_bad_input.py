"""Bad input: every problem is reported as ``file:line: error:``, the run exits 2,
and the output folder is left exactly as it was. Pages that are not operations
(an empty file, an overview page) are skipped with a note instead.

The pages used here live in ``tests/fixtures/bad/``; each names its bad line by
a text that occurs on that line only (see ``BAD_PAGES``).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.cli import EXIT_BAD_INPUT, EXIT_OK

from conftest import FIXTURES, ROOT, read_tree, run_cli

BAD = FIXTURES / "bad"
SEED_PAGE = ROOT / "specs" / "jdfusion" / "createTransferTask.md"
EXTRA_GOOD_PAGE = BAD / "good" / "describeTransferTask.md"
USER_FILE = "NOTES.txt"
USER_TEXT = b"my own notes; the generator must never touch this file\n"

# page -> (text found only on the line the error must name, a word the message must contain)
BAD_PAGES: dict[str, tuple[str, str]] = {
    # (a) a row with fewer cells than its table has columns
    "row_missing_cells.md": ("|**priority**|Integer|", "cell"),
    "row_missing_cells_in_path_table.md": ("|**taskId**|String|True|", "cell"),
    "row_missing_cells_in_model.md": ("|**startAt**|String|False|", "cell"),
    # (b) a table row outside any table
    "row_after_blank_line.md": ("|**taskId**|String|True| |ID of the task to remove|", "table"),
    "row_without_header.md": ("|**x-jdcloud-fusion-cloudid**|", "table"),
    "row_glued_to_paragraph.md": ("|**x-jdcloud-fusion-cloudid**|", "table"),
    # a Request Method section, no Request Address section (and the other way round)
    "method_without_address.md": ("## Request Method", "address"),
    "address_without_method.md": ("## Request Address", "method"),
    # a method that is not an HTTP verb: the line of the method text, not of its heading
    "method_not_http_verb.md": ("FETCH", "FETCH"),
}

def _bad_page_params() -> list[object]:
    return [pytest.param(name, id=name.removesuffix(".md")) for name in BAD_PAGES]


def line_of(page: Path, text: str) -> int:
    """The 1-based number of the one line of ``page`` that contains ``text``."""
    numbers = [n for n, line in enumerate(page.read_text("utf-8").splitlines(), 1) if text in line]
    assert len(numbers) == 1, f"fixture {page.name}: {text!r} is on lines {numbers}, not on one"
    return numbers[0]


def diagnostics_for(stderr: str, page: Path, severity: str) -> dict[int, list[str]]:
    """line -> messages of every ``<page>:<line>: <severity>: <message>`` line in stderr."""
    pattern = re.compile(
        rf"^{re.escape(page.as_posix())}:(\d+): {re.escape(severity)}: (.*)$", re.MULTILINE
    )
    found: dict[int, list[str]] = {}
    for match in pattern.finditer(stderr):
        found.setdefault(int(match.group(1)), []).append(match.group(2))
    return found


def good_specs(tmp_path: Path) -> Path:
    """A specs folder holding only the seed page."""
    specs = tmp_path / "specs"
    specs.mkdir()
    shutil.copy(SEED_PAGE, specs / SEED_PAGE.name)
    return specs


def add_page(specs: Path, source: Path) -> Path:
    target = specs / source.name
    shutil.copy(source, target)
    return target


def assert_one_error_at(stderr: str, page: Path, line: int, word: str) -> None:
    errors = diagnostics_for(stderr, page, "error")
    assert set(errors) == {line}, (
        f"expected exactly one error, at {page.as_posix()}:{line}; stderr was:\n{stderr}"
    )
    assert any(word.lower() in message.lower() for message in errors[line]), stderr


# -- 1-3: each bad page is an error naming its file and line ---------------------------


@pytest.mark.parametrize("name", _bad_page_params())
def test_bad_page_is_reported_with_file_and_line(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = good_specs(tmp_path)
    page = add_page(specs, BAD / name)
    text, word = BAD_PAGES[name]
    line = line_of(page, text)

    code = run_cli("generate", specs, "-o", tmp_path / "out")

    stderr = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT, stderr
    assert_one_error_at(stderr, page, line, word)
    assert not (tmp_path / "out").exists(), "a failed run created the output folder"


# -- 4: an existing output folder is left byte for byte as it was ----------------------


@pytest.mark.parametrize("name", _bad_page_params())
def test_bad_page_leaves_existing_output_untouched(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = good_specs(tmp_path)
    out = tmp_path / "out"
    assert run_cli("generate", specs, "-o", out) == EXIT_OK
    (out / USER_FILE).write_bytes(USER_TEXT)
    before = read_tree(out)
    assert USER_FILE in before and len(before) > 1

    # The bad run also has a new good page, so a run that wrote anything would change the tree.
    add_page(specs, EXTRA_GOOD_PAGE)
    bad = add_page(specs, BAD / name)
    capsys.readouterr()
    code = run_cli("generate", specs, "-o", out)

    stderr = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT, stderr
    assert read_tree(out) == before

    # Without the bad page the same run does change the tree: the check above can fail.
    bad.unlink()
    assert run_cli("generate", specs, "-o", out) == EXIT_OK
    after = read_tree(out)
    assert after != before
    assert after[USER_FILE] == USER_TEXT


# -- 5: an empty file or an overview page is skipped, not an error ---------------------


@pytest.mark.parametrize(
    ("name", "reason_word"),
    [
        pytest.param("empty.md", "empty", id="empty-file"),
        pytest.param("overview.md", "", id="overview-page"),
    ],
)
def test_non_operation_page_is_skipped_with_a_note(
    name: str, reason_word: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = good_specs(tmp_path)
    page = add_page(specs, BAD / "skipped" / name)
    out = tmp_path / "out"

    code = run_cli("generate", specs, "-o", out, "-v")

    stderr = capsys.readouterr().err
    assert code == EXIT_OK, stderr
    # The other page still generates.
    client = out / "jdfusion" / "client.py"
    assert client.is_file()
    assert "def create_transfer_task(" in client.read_text("utf-8")
    # -v names the skipped page and says why.
    skipped = re.findall(rf"^{re.escape(page.as_posix())}: skipped: (.+)$", stderr, re.MULTILINE)
    assert len(skipped) == 1, stderr
    assert reason_word.lower() in skipped[0].lower()
    # Skipping is not a problem: no error, warning or note about the page.
    mentions = [line for line in stderr.splitlines() if page.as_posix() in line]
    assert mentions == [f"{page.as_posix()}: skipped: {skipped[0]}"], stderr


@pytest.mark.parametrize("name", ["empty.md", "overview.md"])
def test_non_operation_page_gets_one_summary_line_and_nothing_with_quiet(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = good_specs(tmp_path)
    page = add_page(specs, BAD / "skipped" / name)

    code = run_cli("generate", specs, "-o", tmp_path / "out")
    stderr = capsys.readouterr().err
    assert code == EXIT_OK, stderr
    mentions = [line for line in stderr.splitlines() if page.as_posix() in line]
    assert len(mentions) == 1 and mentions[0].startswith(f"{page.as_posix()}: skipped: "), stderr

    code = run_cli("generate", specs, "-o", tmp_path / "quiet", "-q")
    stderr = capsys.readouterr().err
    assert code == EXIT_OK and page.as_posix() not in stderr, stderr


# -- 6: every error of a run is reported in that run -----------------------------------


def test_all_errors_of_one_run_are_reported_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = good_specs(tmp_path)
    names = ["row_missing_cells.md", "method_not_http_verb.md", "method_without_address.md"]
    pages = [add_page(specs, BAD / name) for name in names]

    code = run_cli("generate", specs, "-o", tmp_path / "out")

    stderr = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT, stderr
    for name, page in zip(names, pages):
        text, word = BAD_PAGES[name]
        assert_one_error_at(stderr, page, line_of(page, text), word)
    assert f"{len(names)} error(s)" in stderr


def test_two_errors_on_one_page_are_both_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = good_specs(tmp_path)
    source = (BAD / "row_missing_cells.md").read_text("utf-8")
    page = specs / "twoProblems.md"
    page.write_text(source.replace("\nPOST\n", "\nFETCH\n", 1), "utf-8")

    code = run_cli("generate", specs, "-o", tmp_path / "out")

    stderr = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT, stderr
    errors = diagnostics_for(stderr, page, "error")
    assert set(errors) == {line_of(page, "FETCH"), line_of(page, "|**priority**|Integer|")}
