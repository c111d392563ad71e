"""An educator's QA round: text a lay reader sees says what a value can be a sign of, in plain
words, and never what it means for the person or what they must do."""

from __future__ import annotations

from pathlib import Path

import pytest
from made_up import CRITICAL_SET_TOML, made_up_result
from typer.testing import CliRunner

from panelcli.check import check_file
from panelcli.cli import app
from panelcli.explain import known_markers
from panelcli.models import Issue, Result, Status
from panelcli.summary import report_sentences, summarise_panel

runner = CliRunner(env={"COLUMNS": "200"})


def _said(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())  # lines joined: the width can wrap a sentence


def test_the_storm_pattern_is_a_possible_sign_and_asks_for_a_talk_not_for_care() -> None:
    """'This pattern is seen when the immune system is in overdrive. Such a pattern needs
    prompt medical attention.' stated a meaning and came close to advice."""
    demo = _said(["demo", "cytokine-storm"])
    assert (
        "This pattern can be a sign that the immune system is in overdrive. Results like these "
        "should be talked over with a healthcare provider soon." in demo
    )
    assert "is seen when" not in demo and "prompt medical attention" not in demo
    explained = _said(["explain", "IFN-γ"])
    assert (
        "Very high levels with very high IL-6 and high IL-10 can be a sign that the immune "
        "system is in overdrive." in explained
    )
    assert "are seen when" not in explained


def test_the_storm_demo_says_what_a_cytokine_storm_is() -> None:
    """Its title says 'Storm-like pattern', and nothing said what a cytokine storm is."""
    assert "A 'cytokine storm' means the body makes far too many immune messengers" in _said(
        ["demo", "storm"]
    )


def test_a_value_with_no_number_and_no_limit_is_explained_without_lab_terms_first(
    tmp_path: Path,
) -> None:
    """'… gives no limit of detection (lod) or lower limit of quantification (lloq) for TNF-α'
    was lab jargon; the set's keys stay at the end, for lab staff."""
    path = tmp_path / "nd.csv"
    path.write_text(
        "sample_id,marker,value,unit\nA,TNF-α,ND,pg/mL\nA,IL-6,OOR >,pg/mL\n", encoding="utf-8"
    )
    notes = [r.note for r in check_file(str(path)).panels[0].results]
    assert notes == [
        "'ND' has no number, so panelcli cannot judge it; the reference set does not give the "
        "lowest level the test can measure for TNF-α. Lab staff can add that level to a ranges "
        "file as lod or lloq.",
        "'OOR >' has no number, so panelcli cannot judge it; the reference set does not give "
        "the highest level the test can measure for IL-6. Lab staff can add that level to a "
        "ranges file as uloq.",
    ]
    # QA: the note a patient reads beside the value was grade 12.6 in one sentence; its parts
    # ('; ' between them) are scored as the corpus's notes are, as a table may show them apart
    from test_plain_language import MAX_GRADE, grade, sentences

    parts = [part for note in notes for part in (note or "").split("; ")]
    assert all(grade(said) <= MAX_GRADE for part in parts for said in sentences(part))


def test_a_molar_unit_is_refused_in_plain_words_with_the_same_code(tmp_path: Path) -> None:
    path = tmp_path / "molar.csv"
    path.write_text("sample_id,marker,value,unit\nA,IL-6,12,pmol/L\n", encoding="utf-8")
    (issue,) = check_file(str(path)).rejected
    assert issue.code == "unit-molar"
    assert issue.message == (
        "unit 'pmol/L' counts molecules (a molar unit), but pg/mL is a weight; a molecule's "
        "weight differs between tests, so panelcli does not convert it; a ranges file in "
        "pmol/L, or (one row per result) the lab's range in the row, lets it be judged"
    )


def test_the_gauge_legend_says_log_is_for_very_small_values_too() -> None:
    """A log gauge is drawn for '<0.6' as well; the legend spoke only of very big values.
    It is said under gauges that show one (educator QA round 7: also under those that did not)."""
    legend = "A gauge marked log is squeezed to fit very big or very small values (a log scale)."
    assert legend in _said(["demo", "cytokine-storm"])  # '>1000' is drawn on a log scale
    assert legend not in _said(["demo", "all-in-range"])  # no gauge there is
    assert "◀ means at or below that point" in _said(["demo", "all-in-range"])


@pytest.mark.parametrize("columns", [80, 100, 200])
def test_the_flag_codes_are_explained_under_tables_that_show_them(columns: int) -> None:
    """N, H, L, HH, LL, IND, < and > were explained nowhere; a narrow terminal leaves the
    Flag column out, and then there is nothing to explain."""
    output = CliRunner(env={"COLUMNS": str(columns)}).invoke(app, ["demo", "storm"]).output
    drawn = "┃ Flag ┃" in output
    assert drawn is (columns == 200)
    said = " ".join(output.split())
    assert (
        "How to read the flags (panelcli's, in the codes labs use): N is normal" in said
    ) is drawn
    if drawn:  # only what the table shows (educator QA round 7): '>' but no LL, HH or IND
        assert "< or > means the value is below or above the number shown." in said
        assert "LL and HH" not in said and "IND means" not in said


def _high(names: str) -> list[Result]:
    return [made_up_result(n, Status.HIGH, 5, times=2) for n in names.split()]


def _low(names: str) -> list[Result]:
    return [made_up_result(n, Status.LOW, 1, low=2) for n in names.split()]


def _unclear(names: str) -> list[Result]:
    return [made_up_result(n, Status.INDETERMINATE, 12, comparator="<") for n in names.split()]


@pytest.mark.parametrize(
    ("results", "first"),
    [
        (_high("IL-6 IL-8 IL-10 TNF-α"), "4 markers were tested. All 4 are above the range."),
        (_high("IL-6 IL-8"), "2 markers were tested. Both are above the range."),
        (_high("IL-6"), "1 marker was tested. It is above the range."),
        (_low("IL-6 IL-8 IL-10"), "3 markers were tested. All 3 are below the range."),
        (_unclear("IL-6 IL-8 IL-10"), "3 markers were tested. None could be judged."),
        (_unclear("IL-6 IL-8"), "2 markers were tested. Neither could be judged."),
        (_unclear("IL-6"), "1 marker was tested. It could not be judged."),
        (
            _high("IL-6 IL-8") + _low("IL-10"),
            "3 markers were tested. 2 are above the range and 1 is below it.",
        ),
        ([made_up_result("IL-6"), made_up_result("IL-6")], "There are 2 results."),
    ],
)
def test_the_counts_sentence_says_all_when_it_is_all(results: list[Result], first: str) -> None:
    """'4 markers were measured. 4 are above the range.' read like a typo; and "13 markers
    were measured" next to "5 results were too low for the test to measure" read as a
    contradiction: they were tested."""
    assert summarise_panel(results).text[0] == first


def test_one_row_that_could_not_be_used_is_it_not_each_one() -> None:
    one = [Issue(code="value-negative", source="t.csv", line=3, message="m")]
    assert report_sentences(one)[0] == (
        "1 row could not be used. It is listed with its line and the reason."
    )
    two = [*one, one[0].model_copy(update={"line": 4})]
    assert report_sentences(two)[0] == (
        "2 rows could not be used. Each one is listed with its line and the reason."
    )


def test_a_medicine_that_blocks_il_6_really_raises_the_measured_level() -> None:
    """'can make the measured level look higher' said the rise is not real; a medicine that
    blocks IL-6's receptor does raise the IL-6 measured in blood."""
    said = _said(["explain", "IL-6"])
    assert "Some medicines that block IL-6's action can raise the measured level." in said
    assert "look higher" not in said


@pytest.mark.parametrize("group", [[], ["ranges"]])
def test_help_lists_every_command_in_full_at_80_columns(group: list[str]) -> None:
    """'Show the bundled synthetic sample panels, or interpret one...' and 'List the
    reference sets: bundled ones and yours (in the...' were cut off."""
    result = CliRunner(env={"COLUMNS": "80"}).invoke(app, [*group, "--help"])
    assert result.exit_code == 0, result.output
    commands = result.output.split("Commands:")[1].strip().splitlines()
    assert len(commands) >= 4
    for line in commands:
        assert not line.endswith("...") and len(line) <= 80, line
        assert line.endswith("."), line  # a whole sentence


def test_explain_help_says_plainly_where_the_ranges_come_from() -> None:
    """'Its range is listed in each bundled set and each of yours (the config folder's
    ranges/), and in the set check would use, which is marked.' was hard to follow."""
    said = _said(["explain", "--help"])
    assert (
        "It shows the marker's range in every reference set, yours too; the set that check "
        "uses is marked." in said
    )
    assert "check would use" not in said


@pytest.mark.parametrize(
    ("sil2r", "soon"),
    [
        ("20", "Results like these should be talked over with a healthcare provider soon."),
        ("<300", "A result like this should be talked over with a healthcare provider soon."),
        ("500", None),  # the storm sentence's own 'soon' is the only one
    ],
)
def test_a_critically_low_result_beside_a_storm_pattern_keeps_its_own_talk_soon(
    tmp_path: Path, sil2r: str, soon: str | None
) -> None:
    """QA: a critically low sIL-2R alone was to be talked over soon, but beside a storm-like
    pattern only the storm's markers were, and sIL-2R's last word was 'many causes'."""
    ranges = tmp_path / "crit.toml"
    ranges.write_text(CRITICAL_SET_TOML, encoding="utf-8")
    path = tmp_path / "storm.csv"
    path.write_text(
        "sample_id,marker,value,unit\nS1,IL-6,150,pg/mL\nS1,IFN-γ,250,pg/mL\n"
        f"S1,IL-10,20,pg/mL\nS1,sIL-2R,{sil2r},pg/mL\n",
        encoding="utf-8",
    )
    (panel,) = check_file(str(path), str(ranges)).panels
    text = panel.summary.text
    storm = next(t for t in text if "overdrive" in t)
    assert storm.endswith("should be talked over with a healthcare provider soon.")
    after = " ".join(text[text.index(storm) + 1 :])
    assert (soon in after) if soon else ("soon" not in after)


def test_no_explanation_says_how_long_something_has_lasted() -> None:
    """QA: 'a sign of ongoing inflammation' (IL-17), where one panel is one moment."""
    said = " ".join(_said(["explain", marker]) for marker in known_markers())
    for word in ("ongoing", "chronic", "long-term", "lasting", "for a long time"):
        assert word not in said.casefold(), word


def test_explain_spells_a_unit_as_check_does(tmp_path: Path) -> None:
    """QA: explain showed Mayo's Ferritin range in 'ug/L' where check's table and summary say
    'µg/L'; a reader could not tell they are one unit."""
    explained = _said(["explain", "Ferritin", "--ranges", "mayo-adult"])
    assert "6 - 175 µg/L" in explained and "ug/L" not in explained.replace("mcg/L", "")
    path = tmp_path / "ferritin.csv"
    path.write_text("sample_id,marker,value,unit\nS1,Ferritin,4,ug/L\n", encoding="utf-8")
    checked = runner.invoke(
        app, ["check", str(path), "-r", "mayo-adult", "--sex", "F", "--age", "40"]
    )
    assert "lower limit of 6 µg/L" in " ".join(checked.stdout.split())


def test_the_overview_says_what_pg_ml_and_nd_mean() -> None:
    """QA: 'pg/mL' on every row and 'ND' in a narrow table were never explained."""
    said = _said(["explain"])
    assert "pg/mL, which means picograms per milliliter" in said
    assert "ND, short for not detected" in said


def test_a_wrapped_summary_bullet_hangs_under_its_first_word() -> None:
    """At 60 columns a bullet's second line started under the '•', and the list read as one
    block of text."""
    output = CliRunner(env={"COLUMNS": "60"}).invoke(app, ["demo", "cytokine-storm"]).output
    lines = output.splitlines()
    bullets = [n for n, line in enumerate(lines) if line.startswith("• ") and "times" in line]
    assert bullets, output
    for number in bullets:
        following = lines[number + 1]
        assert following.startswith("  ") and following.strip(), output
    assert all(len(line) <= 60 for line in lines), output


def test_a_wrapped_problem_hangs_under_its_first_word() -> None:
    """The rows that could not be used: a long reason's second line started at the screen's
    edge, under the '✗', where the summary's bullets now hang."""
    output = CliRunner(env={"COLUMNS": "60"}).invoke(app, ["demo", "bad-rows"]).output
    lines = output.splitlines()
    marks = [n for n, line in enumerate(lines) if line.startswith("  ✗ ")]
    assert marks, output
    for number in marks:
        following = lines[number + 1]
        assert following.startswith("    ") and following.strip(), output


def test_a_samples_title_wraps_at_the_screens_width_not_its_tables() -> None:
    """At 100 columns the healthy sample's title broke before 'all-in-range.csv',
    at the edge of its 79-column table, with room to spare on the screen."""
    output = CliRunner(env={"COLUMNS": "100"}).invoke(app, ["demo", "all-in-range"]).output
    (title,) = [line for line in output.splitlines() if line.startswith("Sample SYN-H-01")]
    assert title.endswith("from all-in-range.csv"), output


def test_a_note_most_rows_share_is_said_once_under_the_table() -> None:
    """Mayo's 'interval for age 18 and over' filled the Note of every row, hiding the notes
    that differ."""
    sample = str(Path(__file__).parent.parent / "samples" / "all-in-range.csv")
    result = CliRunner(env={"COLUMNS": "120"}).invoke(
        app, ["check", sample, "--ranges", "mayo-adult", "--age", "40"]
    )
    lines = result.output.splitlines()
    assert sum("range for age 18 and over" in line for line in lines) == 1, result.output
    assert "¹ range for age 18 and over" in result.output
    il2 = next(line for line in lines if line.startswith("│ IL-2 "))
    assert il2.rstrip(" │").endswith("¹"), result.output
    # a note only some rows give stays in its row
    il12 = [line for line in lines if "IL-12" in line and "read as" in line]
    assert il12, result.output


def test_a_narrow_screen_puts_the_unit_of_a_value_with_no_number_after_its_range(
    tmp_path: Path,
) -> None:
    """'ND pg/mL · range ≤ 14.5' showed 'ND' as if it had a unit, and the range none."""
    path = tmp_path / "nd.csv"
    path.write_text("sample_id,marker,value,unit\nS1,TNF-a,ND,pg/mL\nS1,IL-6,<2,pg/mL\n")
    output = CliRunner(env={"COLUMNS": "60"}).invoke(app, ["check", str(path)]).output
    assert "  ND · range ≤ 14.5 pg/mL\n" in output
    assert "  <2 pg/mL · range ≤ 2.5\n" in output  # a number keeps its unit beside it


@pytest.mark.parametrize("columns", [50, 80, 200])
def test_indeterminate_is_explained_where_the_flag_legend_is_not(columns: int) -> None:
    """At 80 columns the Flag column (and its legend's 'IND means it cannot be judged') was
    left out, and '? indeterminate' was shown with no plain meaning."""
    output = (
        CliRunner(env={"COLUMNS": str(columns)}).invoke(app, ["demo", "below-detection"]).output
    )
    flat = " ".join(output.split())
    assert "indeterminate" in flat
    explained = "Indeterminate means panelcli cannot judge the result. Its note says why."
    if "How to read the flags" in flat:
        assert "IND means it cannot be judged" in flat and explained not in flat
    else:
        assert explained in flat
    assert ("How to read the flags" in flat) == (columns == 200)


def test_a_result_above_what_the_test_measures_is_to_be_talked_over_soon(tmp_path: Path) -> None:
    """Educator QA: 'OOR >' was said to be 'most often far above the range', with no word to
    talk it over soon, where a value 10 times the limit had one; said once a panel."""
    from panelcli.check import check_file

    alone = tmp_path / "alone.csv"
    alone.write_text("sample_id,marker,value,unit\nS1,IL-6,OOR >,pg/mL\nS1,IL-8,3,pg/mL\n")
    text = check_file(str(alone)).panels[0].summary.text
    assert text[-1].endswith(
        "ask the lab for the number. A result like this should be talked over with a "
        "healthcare provider soon."
    )
    beside = tmp_path / "beside.csv"
    beside.write_text("sample_id,marker,value,unit\nS1,IL-6,OOR >,pg/mL\nS1,IL-8,300,pg/mL\n")
    text = check_file(str(beside)).panels[0].summary.text
    assert sum("talked over with a healthcare provider soon" in t for t in text) == 1


def test_a_shared_note_that_names_each_rows_marker_is_said_once_too() -> None:
    """Educator QA round 7: under Mayo's set with no age, ten rows each gave a ten-line note
    that differed only in the marker's name ('the range for IL-1β depends on age …')."""
    sample = str(Path(__file__).parent.parent / "samples" / "cytokine-storm.csv")
    result = CliRunner(env={"COLUMNS": "100"}).invoke(
        app, ["check", sample, "--ranges", "mayo-adult"]
    )
    said = " ".join(result.output.split())
    assert said.count("depends on age, which is not given") == 1  # the caption alone
    assert "¹ the range depends on age, which is not given (give it in a column 'age'" in said
    tnf = next(line for line in result.output.splitlines() if line.startswith("│ TNF-α "))
    assert tnf.rstrip(" │").endswith("¹"), result.output


def test_the_flag_legend_explains_each_flag_the_table_shows() -> None:
    from panelcli.render.table import flag_legend

    critical = made_up_result("IL-6", Status.CRITICAL, 500, times=200)
    critical = critical.model_copy(update={"flag": "HH", "flags": ["HH"]})
    unclear = made_up_result("IL-8", Status.INDETERMINATE, 1.0).model_copy(
        update={"flag": "IND", "flags": ["IND"]}
    )
    said = flag_legend([critical, unclear])
    assert "LL and HH are critically low and high." in said and "IND means" in said
    assert "< or >" not in said


def test_explain_on_a_narrow_screen_lists_ranges_and_a_few_other_names() -> None:
    """Educator QA round 7: at 60 columns the Source column wrapped to 19 one-word lines, and
    25 other spellings of sIL-2R came before the ranges."""
    output = CliRunner(env={"COLUMNS": "60"}).invoke(app, ["explain", "sIL-2R"]).output
    assert "┏" not in output and "• arup-3002601 (in use)" in output
    assert "  Source: ARUP 3002601 Cytokine Panel" in output
    said = " ".join(output.split())
    assert "more (panelcli ranges show --format json lists them)" in said
    also = said.split("Also written as: ", 1)[1].split(" · and ", 1)[0]
    assert len(also.split(" · ")) == 8
    wide = CliRunner(env={"COLUMNS": "120"}).invoke(app, ["explain", "sIL-2R"]).output
    assert "┏" in wide


def _commented_table(tmp_path: Path, comment: str) -> str:
    """The table of three results whose lab comments are `comment` with each marker's name
    put for '{m}'."""
    path = tmp_path / "commented.csv"
    rows = "".join(f"S1,{m},3,pg/mL,{comment.format(m=m)}\n" for m in ("IL-6", "IL-8", "IL-10"))
    path.write_text(f"sample_id,marker,value,unit,comment\n{rows}", encoding="utf-8")
    return CliRunner(env={"COLUMNS": "160"}).invoke(app, ["check", str(path)]).output


@pytest.mark.parametrize(
    "comment",
    [
        # review: the shared note took ' for IL-6' out of the lab's quoted words too
        "Repeat testing advised for {m}",
        # second review: the lab's own '; ' split it in two, one half a caption
        "Hemolysed; repeat testing advised for {m}",
        # third review: an apostrophe inside ended the quote for the pattern
        "lab's repeat advised for {m}",
    ],
)
def test_a_lab_comment_naming_each_rows_marker_is_quoted_as_written(
    tmp_path: Path, comment: str
) -> None:
    output = _commented_table(tmp_path, comment)
    assert "¹" not in output
    assert f"comment from the lab: '{comment.format(m='IL-10')}'" in output
