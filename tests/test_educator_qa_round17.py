"""What educator QA round 17 (/work/qa17/edu) found."""

from __future__ import annotations

from panelcli.check import check_file


def test_a_result_too_high_to_measure_keeps_its_talk_it_over_soon(write_csv) -> None:
    """Educator QA round 17: beside IL-10 13 times its limit, IL-6 'OOR >' lost its 'talked
    over soon', and the only such sentence named IL-10."""
    path = write_csv(
        "patient_id,collected_at,marker,value,unit\nBo,2026-11-01,IL-6,OOR >,pg/mL\n"
        "Bo,2026-11-01,IL-10,70,pg/mL\n"
    )
    [panel] = check_file(path).panels
    assert (
        "A result 10 times the upper limit or more, like IL-10 here, should be talked over with "
        "a healthcare provider soon. So should IL-6, which was too high for the test to measure."
    ) in panel.summary.text
    # once a panel (educator QA): not again after the sentence that explains IL-6
    assert sum("talked over" in t for t in panel.summary.text) == 1


def test_a_result_too_high_to_measure_is_named_beside_a_storm_pattern(write_csv) -> None:
    """Review: beside a critical or a storm's pattern, the sentence that asks to talk it over
    soon named only the others."""
    path = write_csv(
        "patient_id,collected_at,marker,value,unit\nBo,2026-11-01,IL-6,900,pg/mL\n"
        "Bo,2026-11-01,IFN-γ,500,pg/mL\nBo,2026-11-01,IL-10,60,pg/mL\n"
        "Bo,2026-11-01,IL-8,OOR >,pg/mL\n"
    )
    [panel] = check_file(path).panels
    asked = [t for t in panel.summary.text if "healthcare provider soon" in t]
    assert len(asked) == 1
    assert asked[0].endswith("So should IL-8, which was too high for the test to measure.")


def test_a_marker_named_already_is_not_named_again(write_csv) -> None:
    """Fuzzing: 'like IL-6 here … So should IL-6', of IL-6's other result."""
    path = write_csv("sample_id,marker,value,unit\nS1,IL-6,50,pg/mL\nS1,IL-6,OOR >,pg/mL\n")
    [panel] = check_file(path).panels
    assert not any("So should" in t for t in panel.summary.text)
    assert sum("healthcare provider soon" in t for t in panel.summary.text) == 1


def test_a_marker_is_not_taken_as_named_by_a_longer_name(write_csv, tmp_path) -> None:
    """Second review: 'like IL-12 p70 here' was taken as naming IL-12, whose 'OOR >' then
    got no 'soon' anywhere; and a lab's critical mark and an 'OOR >' said 'soon' twice."""
    ranges = tmp_path / "set.toml"
    ranges.write_text(
        '[set]\nname = "t"\n[markers."IL-12"]\nunit = "pg/mL"\nhigh = 5\nsource = "t"\n'
        '[markers."IL-12 p70"]\nunit = "pg/mL"\nhigh = 5\nsource = "t"\n',
        encoding="utf-8",
    )
    path = write_csv("sample_id,marker,value,unit\nS1,IL-12 p70,60,pg/mL\nS1,IL-12,OOR >,pg/mL\n")
    [panel] = check_file(path, str(ranges)).panels
    asked = [t for t in panel.summary.text if "provider soon" in t]
    assert len(asked) == 1 and asked[0].endswith(
        "So should IL-12, which was too high for the test to measure."
    )
    flagged = write_csv(
        "sample_id,marker,value,unit,flag\nS1,IL-6,2,pg/mL,HH\nS1,IL-8,OOR >,pg/mL,\n"
    )
    [panel] = check_file(flagged).panels
    assert sum("provider soon" in t for t in panel.summary.text) == 1


def test_the_trend_table_keeps_the_decimals_the_lab_wrote(write_csv) -> None:
    """Educator QA round 17 #7: '4.0' and '3.0' in the panels were '4 → 3' in the trend; a
    value converted from another unit has no decimals of the lab's to keep."""
    from panelcli.render.table import trend_cells

    path = write_csv(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "A,P0,2026-01-05,IL-10,4.0,pg/mL\nB,P0,2026-01-12,IL-10,8.90,pg/mL\n"
        "C,P0,2026-01-19,IL-10,3.0,pg/mL\nA,P0,2026-01-05,IL-6,0.0040,ng/mL\n"
        "C,P0,2026-01-19,IL-6,0.0020,ng/mL\n"
    )
    [trend] = check_file(path).trends
    cells = {m.marker: trend_cells(m, trend.dates) for m in trend.markers}
    assert cells["IL-10"]["First → last"].plain == "4.0 → 3.0 pg/mL"
    assert cells["IL-10"]["Highest"].plain == "8.90 pg/mL on 2026-01-12"
    assert cells["IL-6"]["First → last"].plain == "4 → 2 pg/mL"  # from ng/mL: no '0.0040'


def test_one_unknown_marker_written_two_ways_is_not_counted_as_two(write_csv) -> None:
    """Educator QA round 17 #8: 'IL-1α' and 'IL-1 alpha', a name the set lacks, were "2
    markers were tested"; the same spelling twice is still "tested more than once"."""
    path = write_csv(
        "sample_id,marker,value,unit\nS1,IL-1α,9,pg/mL\nS1,IL-1 alpha,9,pg/mL\n"
        "S1,IL18,2,pg/mL\nS1,IL18,400,pg/mL\nS1,IL-6,2,pg/mL\n"
    )
    [panel] = check_file(path).panels
    text = panel.summary.text
    assert text[0].startswith("There are 5 results.")
    assert "IL18 was tested more than once in this sample; each result is shown." in text
    assert "IL-1α and IL-1 alpha may be one marker written two ways; each result is shown." in text
    assert any(t.startswith("One result for IL18 is 200 times another") for t in text)


def test_no_color_on_a_terminal_draws_nothing_faint(monkeypatch) -> None:
    """Educator QA round 17 #4: with NO_COLOR the legends stayed dim (a grey, hard to read on
    a projector); bold, which is no colour, stays."""
    import io

    from rich.text import Text

    from panelcli.render.console import make_console

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for no_color, dim in (("1", False), ("", True)):
        monkeypatch.setenv("NO_COLOR", no_color)
        out = Terminal()
        console = make_console(out)
        console.print(Text("How to read the gauges", style="dim"), style="dim")
        console.print(Text("high", style="bold red"))
        assert ("\x1b[2m" in out.getvalue()) is dim
        assert ("\x1b[1;31m" if dim else "\x1b[1m") in out.getvalue()  # red only without it


def test_rows_with_no_number_share_one_note_under_the_table(write_csv) -> None:
    """Educator QA round 17 #3: five 'not detected' rows each repeated the same three
    sentences (13 lines a row at 100 columns); what is not the row's own is said once."""
    from typer.testing import CliRunner

    from panelcli.cli import app

    path = write_csv(
        "sample_id,marker,value,unit\nA,IL-6,ND,pg/mL\nA,TNF-α,<LOD,pg/mL\n"
        "A,IL-2,not detected,pg/mL\nA,IL-8,3,pg/mL\n"
    )
    result = CliRunner().invoke(app, ["check", path], env={"COLUMNS": "200"})
    output = result.output
    assert output.count("Lab staff can add that level to a ranges file as lod or lloq.") == 1
    assert (
        "¹ the reference set does not give the lowest level the test can measure. Lab staff can "
        "add that level to a ranges file as lod or lloq."
    ) in output
    assert output.count("has no number, so panelcli cannot judge it¹") == 3
