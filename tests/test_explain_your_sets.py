"""`panelcli explain` lists the user's own sets and the one `check` would use (QA: it showed the
bundled sets only, took no --ranges, and knew no marker that only a user's set defines)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli import explain as explaining
from panelcli.cli import app
from panelcli.ranges import load_ranges
from panelcli.render.text import TALK_WITH_PROVIDER
from tests.conftest import assert_no_crash

runner = CliRunner()
WIDE = {"COLUMNS": "200"}  # one table row a line, so that a row can be asserted whole

MY_LAB = """\
[set]
name = "my-lab"

[markers."IL-6"]
unit = "pg/mL"
high = 5.9
source = "Our lab, validation 2025"

[markers."IL-18"]
unit = "pg/mL"
aliases = ["Interleukin 18"]
high = 468
source = "Our lab, IL-18 ELISA"
"""


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config folder holding the user's set my-lab."""
    monkeypatch.setenv("PANELCLI_CONFIG_DIR", str(tmp_path / "config"))
    folder = tmp_path / "config" / "ranges"
    folder.mkdir(parents=True)
    (folder / "my-lab.toml").write_text(MY_LAB, encoding="utf-8")
    return folder


def rows(output: str) -> list[str]:
    """The table's rows, each as its cells joined by single spaces (a row's first line: the
    lines under it, such as its specimen's, have no set's name)."""
    return [
        " ".join(line.strip("│ ").split())
        for line in output.splitlines()
        if "│" in line and line.split("│")[1].strip()
    ]


def test_ranges_option_shows_that_set_s_range_marked_in_use(config: Path) -> None:
    result = runner.invoke(app, ["explain", "IL-6", "--ranges", "my-lab"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "my-lab (yours, in use) │ ≤ 5.9 pg/mL │ Our lab, validation 2025" in rows(result.output)
    assert any(row.startswith("arup-3002601 │") for row in rows(result.output))  # not in use


def test_without_ranges_the_default_is_marked_and_your_sets_follow_the_bundled(
    config: Path,
) -> None:
    result = runner.invoke(app, ["explain", "IL-6"], env=WIDE)
    assert result.exit_code == 0, result.output
    names = [row.split(" │ ")[0] for row in rows(result.output)]
    assert names == ["arup-3002601 (in use)", "mayo-adult", "my-lab (yours)"]
    assert "Reference ranges in the bundled sets and yours" in result.output


def test_panelcli_ranges_chooses_the_set_in_use(
    config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PANELCLI_RANGES", "my-lab")
    result = runner.invoke(app, ["explain", "IL-6"], env=WIDE)
    assert result.exit_code == 0, result.output
    names = [row.split(" │ ")[0] for row in rows(result.output)]
    assert names == ["arup-3002601", "mayo-adult", "my-lab (yours, in use)"]


def test_a_file_given_by_ranges_is_listed_after_the_others(tmp_path: Path) -> None:
    file = tmp_path / "elsewhere.toml"
    file.write_text(MY_LAB.replace("my-lab", "bench"), encoding="utf-8")
    result = runner.invoke(app, ["explain", "IL-6", "-r", str(file)], env=WIDE)
    assert result.exit_code == 0, result.output
    assert rows(result.output)[-1].startswith("bench (yours, in use) │ ≤ 5.9 pg/mL")


def test_a_marker_without_text_that_your_set_defines_is_shown_with_its_range(
    config: Path,
) -> None:
    result = runner.invoke(app, ["explain", "Interleukin 18"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "panelcli has no text that explains IL-18" in result.output
    assert "my-lab (yours) │ ≤ 468 pg/mL │ Our lab, IL-18 ELISA" in rows(result.output)
    # check would not judge it by the default set: said, not left for the reader to guess
    assert "arup-3002601 (in use) │ none (the set does not list it)" in rows(result.output)
    assert result.output.rstrip().endswith(TALK_WITH_PROVIDER)
    unknown = runner.invoke(app, ["explain", "IL-66"])  # no set knows it: as before
    assert unknown.exit_code == 2 and "did you mean IL-6?" in unknown.stderr


def test_a_broken_set_of_yours_is_said_once_and_the_others_still_shown(
    config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (config / "broken.toml").write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nlow = 9\nhigh = 2\n', encoding="utf-8"
    )
    result = runner.invoke(app, ["explain", "IL-6"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert result.stderr.count("broken.toml") == 1
    assert "low (9) is greater than high (2); its ranges are not shown" in result.stderr
    assert "my-lab (yours) │ ≤ 5.9 pg/mL │ Our lab, validation 2025" in rows(result.stdout)
    asked = runner.invoke(app, ["explain", "IL-6", "--ranges", "broken"])
    assert asked.exit_code == 2  # asked for by name: refused, as check refuses it
    assert "is invalid" in asked.stderr
    assert_no_crash(asked)


def test_a_default_set_of_yours_that_is_broken_is_said_once(config: Path) -> None:
    """Yours overrides the bundled default by its name: in use and in the folder, said once."""
    (config / "arup-3002601.toml").write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nlow = 9\nhigh = 2\n', encoding="utf-8"
    )
    result = runner.invoke(app, ["explain", "IL-6"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert result.stderr.count("arup-3002601.toml") == 1


@pytest.mark.parametrize("chosen", ["broken", "FILE"])
def test_a_broken_set_chosen_by_panelcli_ranges_is_refused_as_by_the_option(
    config: Path, monkeypatch: pytest.MonkeyPatch, chosen: str
) -> None:
    """QA: PANELCLI_RANGES naming a broken set exited 0 with no set in use, though `check` and
    `explain --ranges` refuse it (exit 2)."""
    broken = config / "broken.toml"
    broken.write_text('[markers."IL-6"]\nunit = "pg/mL"\nhihg = 2.5\n', encoding="utf-8")
    monkeypatch.setenv("PANELCLI_RANGES", str(broken) if chosen == "FILE" else chosen)
    for words in (["explain", "IL-6"], ["explain"]):
        result = runner.invoke(app, words, env=WIDE)
        assert result.exit_code == 2, result.output
        assert "is invalid" in result.stderr and "unknown key 'hihg'" in result.stderr
        assert result.stdout == ""
        assert_no_crash(result)
    checked = runner.invoke(app, ["check", "-"], input="marker,value,unit\nIL-6,1,pg/mL\n")
    assert checked.exit_code == 2  # as check does


def test_a_set_s_text_is_shown_as_written_not_as_markup(config: Path) -> None:
    (config / "my-lab.toml").write_text(
        MY_LAB.replace("Our lab, validation 2025", "[bold]Our[/bold] lab").replace(
            'name = "my-lab"', 'name = "[red]lab"'
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["explain", "IL-6", "--ranges", "my-lab"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "[red]lab (yours, in use) │ ≤ 5.9 pg/mL │ [bold]Our[/bold] lab" in rows(result.output)


def test_explain_gives_a_set_s_range_for_a_marker_with_no_text(tmp_path: Path) -> None:
    file = tmp_path / "my-lab.toml"
    file.write_text(MY_LAB, encoding="utf-8")
    mine = explaining.SetShown(load_ranges(file), yours=True, in_use=True)
    found = explaining.explain("il18", [explaining.SetShown(load_ranges()), mine])
    assert found is not None and not found.explained
    assert found.marker == "IL-18" and found.other_names == ["Interleukin 18"]
    assert [(r.set_name, r.text, r.in_use) for r in found.ranges] == [
        ("arup-3002601", "none (the set does not list it)", False),
        ("my-lab", "≤ 468 pg/mL", True),
    ]
    assert explaining.explain("IL-18") is None  # the bundled sets alone do not know it


def test_the_overview_names_your_markers_that_have_no_text(config: Path) -> None:
    """The overview (explain with no marker) ignored --ranges and the user's sets: IL-18,
    which only my-lab defines, was named nowhere."""
    output = " ".join(runner.invoke(app, ["explain"], env=WIDE).output.split())
    assert "Your sets also have markers panelcli has no text for: IL-18 (my-lab)." in output
    assert output.endswith(TALK_WITH_PROVIDER)


def test_the_overview_without_sets_of_yours_is_as_before(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PANELCLI_CONFIG_DIR", str(tmp_path))
    assert "Your sets" not in runner.invoke(app, ["explain"], env=WIDE).output


def test_explain_groups_a_marker_as_the_set_in_use_does_in_a_report(tmp_path: Path) -> None:
    """QA: a set in use calling IL-6 'regulatory' made check's summary say it helps calm the
    immune system down, while explain said panelcli groups it with those that start
    inflammation (the bundled sets' group)."""
    ranges = tmp_path / "cat.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nhigh = 2\nsource = "x"\ncategory = "regulatory"\n'
    )
    data = tmp_path / "d.csv"
    data.write_text("sample_id,marker,value,unit\nA,IL-6,50,pg/mL\n")
    explained = runner.invoke(app, ["explain", "IL-6", "--ranges", str(ranges)])
    checked = runner.invoke(app, ["check", str(data), "--ranges", str(ranges)])
    calm = "help calm the immune system down"
    assert calm in checked.stdout
    assert f"groups it with the markers that {calm}" in " ".join(explained.stdout.split())
    bundled = runner.invoke(app, ["explain", "IL-6"])
    assert "groups it with the markers that help start inflammation" in bundled.stdout


def test_explain_falls_back_on_panelcli_s_group_for_a_category_word_it_does_not_know(
    tmp_path: Path,
) -> None:
    """Review: a set in use calling IL-6 'foo' lost explain's group line, while check's
    summary falls back on panelcli's own group, as the README says."""
    ranges = tmp_path / "foo.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nhigh = 2\nsource = "x"\ncategory = "foo"\n'
    )
    explained = runner.invoke(app, ["explain", "IL-6", "--ranges", str(ranges)])
    assert "groups it with the markers that help start inflammation" in " ".join(
        explained.stdout.split()
    )


def test_a_name_only_your_set_gives_a_marker_shows_the_other_sets_range_of_it(
    tmp_path: Path,
) -> None:
    """QA: 'Chemokine X', added to IL-8's aliases in a lab's copy, made ARUP's IL-8 'another
    form of it', and ARUP's own names for IL-8 (IL8, CXCL8) 'the lab's set only'."""
    mine = tmp_path / "al.toml"
    mine.write_text(
        '[set]\nname = "al"\n[markers."IL-8"]\nunit = "pg/mL"\nhigh = 9.4\n'
        'aliases = ["Chemokine X", "IL8", "CXCL8"]\nsource = "x"\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["explain", "Chemokine X", "--ranges", str(mine)], env=WIDE)
    assert result.exit_code == 0, result.output
    # (a name in full, 'Interleukin 8', is read by every set: lab QA round 8)
    assert (
        "Also written as: Chemokine X (al only) · CXCL8 · IL 8 · IL8 · Interleukin 8 · "
        "Interleukin-8" in " ".join(result.output.split())
    )
    assert (
        "arup-3002601 │ ≤ 9.4 pg/mL (for its IL-8; it does not read 'Chemokine X' as IL-8) │ "
        "ARUP 3002601" in " ".join(rows(result.output))
    )
    assert "another form" not in result.output


def test_a_name_your_set_reads_as_a_form_shows_only_that_form_elsewhere(config: Path) -> None:
    """Review: 'NKSF', your alias of IL-12 p70, showed ARUP's IL-12 (which states no form)
    as its range, and called Mayo's IL-12 p70 'another form of it'."""
    (config / "p70.toml").write_text(
        '[markers."IL-12 p70"]\nunit = "pg/mL"\nhigh = 300\naliases = ["NKSF"]\nsource = "x"\n',
        encoding="utf-8",
    )
    explained = explaining.explain("NKSF", explaining.sets_to_show()[0])
    assert explained is not None
    by_set = {shown.set_name: shown.text for shown in explained.ranges}
    assert by_set["arup-3002601"] == (
        "none for 'NKSF'; it has one for IL-12, which may be another form of it"
    )
    assert by_set["mayo-adult"] == (
        "age 18 and over: < 200 pg/mL (for its IL-12 p70; it does not read 'NKSF' as IL-12 p70)"
    )


def test_a_config_folder_that_cannot_be_entered_is_said_once_by_explain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review: explain said the unreadable folder twice, the first time as 'its ranges are not
    shown' of the set in use."""
    from panelcli import ranges as ranges_module
    from panelcli.errors import RangesError

    def locked() -> dict[str, Path]:
        raise RangesError("cannot read the folder 'x/ranges' (Permission denied)")

    monkeypatch.delenv("PANELCLI_RANGES", raising=False)
    monkeypatch.setattr(ranges_module, "user_sets", locked)
    monkeypatch.setattr("panelcli.explain.user_sets", locked)
    result = CliRunner().invoke(app, ["explain", "IL-6"])
    assert result.exit_code == 0, result.output
    assert result.output.count("cannot read the folder 'x/ranges'") == 1


def test_a_set_s_note_on_a_marker_is_shown_under_its_source(tmp_path: Path) -> None:
    """QA: a lab's 'notes' (results above 100 are phoned to the ward) reached no reader: not
    explain, not check, not the ranges show table."""
    path = tmp_path / "notes.toml"
    path.write_text(
        '[set]\nname = "stmary"\n[markers."IL-6"]\nunit = "pg/mL"\nhigh = 7\n'
        'notes = "Results above 100 pg/mL are phoned to the ward."\nsource = "St Mary\'s 2026"\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["explain", "IL-6", "--ranges", str(path)], env=WIDE)
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if "stmary" in line)
    note = result.stdout.splitlines()[result.stdout.splitlines().index(row) + 1]
    assert "St Mary's 2026" in row
    assert "Note: Results above 100 pg/mL are phoned to the ward." in note


def test_a_set_s_assay_limits_specimen_and_method_are_shown(tmp_path: Path) -> None:
    """QA: README says explain shows lod, lloq, uloq, specimen and method; it showed none, though
    lod and lloq decide how 'ND' and 'BLQ' are judged, and specimen whether a range applies."""
    path = tmp_path / "meta.toml"
    path.write_text(
        '[set]\nname = "meta"\n[markers."IL-6"]\nunit = "pg/mL"\nhigh = 7\nlod = 1.5\nlloq = 2\n'
        'uloq = 5000\nspecimen = "EDTA plasma"\nmethod = "ECLIA"\nsource = "test source"\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["explain", "IL-6", "--ranges", str(path)], env=WIDE)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    at = next(n for n, line in enumerate(lines) if "meta (yours, in use)" in line)
    assert "lod 1.5, lloq 2, uloq 5000 pg/mL" in lines[at + 1]  # QA: with no unit
    assert "Specimen: EDTA plasma" in lines[at + 1] and "Method: ECLIA" in lines[at + 2]
    assert "lod, lloq, uloq: the least the lab's test can detect" in result.stdout
    # ranges show says what they are where a marker gives them, not where none does (QA)
    shown = runner.invoke(app, ["ranges", "show", str(path)], env=WIDE).stdout
    assert "lod, lloq, uloq: the least the lab's test can detect" in shown
    [meta] = [r for r in explaining.explain("IL-6", explaining.sets_to_show(str(path))[0]).ranges
              if r.set_name == "meta"]  # fmt: skip
    assert (meta.assay_limits, meta.specimen, meta.method) == (
        "lod 1.5, lloq 2, uloq 5000 pg/mL", "EDTA plasma", "ECLIA"
    )  # fmt: skip
    path.write_text('[markers."IL-6"]\nunit = "pg/mL"\nhigh = 7\n', encoding="utf-8")
    shown = runner.invoke(app, ["ranges", "show", str(path)], env=WIDE).stdout
    assert "lod, lloq" not in shown and "Aliases and notes: --format json." in shown


@pytest.mark.parametrize(
    ("header", "said"),
    [
        ('source = "Textbook X, 2020"\n',
         "none given for this marker (the set as a whole cites: Textbook X, 2020)"),
        ("", "none given for this marker"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("own", ["", 'source = "  "\n'])  # QA round 2: spaces showed blank
def test_a_marker_with_no_source_of_its_own_is_not_credited_to_the_set_s(
    tmp_path: Path, header: str, said: str, own: str
) -> None:
    """QA: an IL-18 added with no source to a copy of ARUP's set was shown as ARUP's, where
    `check` and `ranges show` give it no source."""
    path = tmp_path / "mini.toml"
    path.write_text(
        f'[set]\nname = "mini"\n{header}[markers."IL-18"]\nunit = "pg/mL"\nhigh = 500\n{own}',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["explain", "IL-18", "--ranges", str(path)], env=WIDE)
    assert result.exit_code == 0, result.output
    assert f"mini (yours, in use) │ ≤ 500 pg/mL │ {said}" in rows(result.output)
