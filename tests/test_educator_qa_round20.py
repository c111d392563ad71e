"""Educator and patient-reader QA round 20 (/work/qa20/probe/report.md)."""

from __future__ import annotations

from collections.abc import Callable

from panelcli.check import check_file

PENDING_AND_PRELIMINARY = (
    "sample_id,patient_id,collected_at,marker,value,unit,result_status\n"
    "S5,P5,2026-03-02,IL-6,,pg/mL,Pending\nS5,P5,2026-03-02,TNF-α,22,pg/mL,Preliminary\n"
    "S5,P5,2026-03-02,IL-10,3.0,pg/mL,Corrected\nS5,P5,2026-03-02,IL-8,,pg/mL,Cancelled\n"
    "S5,P5,2026-03-02,IFN-γ,QNS,pg/mL,Final\nS5,P5,2026-03-02,IL-2,Hemolyzed,pg/mL,Final\n"
)


def test_a_preliminary_result_and_tests_with_no_result_are_named_in_the_summary(
    write_csv: Callable[..., str],
) -> None:
    """#2: a preliminary TNF-α was read as final ('can be a sign of inflammation', nothing
    said of it being preliminary), and the tests not back or not given were only counted."""
    [panel] = check_file(write_csv(PENDING_AND_PRELIMINARY)).panels
    text = panel.summary.text
    preliminary = text.index(
        "The TNF-α result is not final yet: the lab's number may still change."
    )
    reads = next(i for i, said in enumerate(text) if said.startswith("TNF-α is 1.5 times"))
    assert preliminary < reads  # said before what reads it
    assert "The IL-6 result of this sample is not back yet (line 2)." in text
    assert (
        "The lab gave no result for IL-8, IFN-γ and IL-2 of this sample (lines 5, 6 and 7). The "
        "warnings say why." in text
    )


def test_a_sample_of_preliminary_results_only_says_so_once(write_csv: Callable[..., str]) -> None:
    rows = "".join(
        f"S1,{marker},{value},pg/mL,P\n" for marker, value in (("IL-6", 40), ("IL-8", 3))
    )
    [panel] = check_file(write_csv(f"sample_id,marker,value,unit,result_status\n{rows}")).panels
    said = [s for s in panel.summary.text if "final yet" in s]
    assert said == ["None of these results is final yet: the lab's numbers may still change."]


def test_ranges_show_as_json_carries_the_notice() -> None:
    """#6: every output format carries the notice; `ranges show --format json` had none."""
    import json

    from typer.testing import CliRunner

    from panelcli.cli import app
    from panelcli.models import NOTICE

    shown = CliRunner().invoke(app, ["ranges", "show", "--format", "json"])
    assert shown.exit_code == 0
    assert json.loads(shown.stdout)["notice"] == NOTICE


def test_the_words_a_report_prints_are_explained_in_the_overview() -> None:
    """#4: 'explain critical', 'explain LLOQ', 'explain mg/L' were refused, though the reports
    print them; the overview now says what they mean, and a refusal says where to look."""
    from typer.testing import CliRunner

    from panelcli.cli import app

    runner = CliRunner()
    overview = runner.invoke(app, ["explain"], env={"COLUMNS": "300"}).stdout
    for words, said in (
        (["critical"], "Critical means far past the range"),
        (["LLOQ"], "LOD or LLOQ (the lowest) and ULOQ (the highest)"),
        (["mg/L"], "CRP is often given in mg/L (milligrams per liter)"),
        (["what", "is", "a", "flag?"], "LL or HH for critically low or high"),
        (["AA"], "(AA when the side is not known)"),  # third review: the legend's AA
    ):
        shown = runner.invoke(app, ["explain", *words], env={"COLUMNS": "300"})
        assert shown.exit_code == 0, words
        assert shown.stdout == overview and said in overview
    refused = runner.invoke(app, ["explain", "foo"])
    assert refused.exit_code == 2
    assert "panelcli explain with no name explains the words a report uses" in (
        " ".join(refused.output.split())
    )


def test_an_explain_handout_of_an_edited_set_says_what_stderr_said_of_it(tmp_path) -> None:
    """#3: a teacher's copy with IL-6's limit edited to 10 gave a handout with '≤ 10 pg/mL'
    beside its copied source's '<=2.5 pg/mL', and the warning only on stderr."""
    import html
    import re

    from typer.testing import CliRunner

    from panelcli.cli import app

    runner = CliRunner()
    folder = tmp_path / "edited"
    assert runner.invoke(app, ["ranges", "init", str(folder)]).exit_code == 0
    [copy] = folder.glob("*.toml")
    text = copy.read_text(encoding="utf-8")
    at = text.index('[markers."IL-6"]')
    copy.write_text(text[:at] + text[at:].replace("high = 2.5", "high = 10.0", 1), encoding="utf-8")
    page = tmp_path / "il6.html"
    made = runner.invoke(app, ["explain", "IL-6", "--ranges", str(folder), "--export", str(page)])
    assert made.exit_code == 0, made.output
    words = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page.read_text("utf-8"))).split())
    warned = words.index("Warnings about the reference set")
    assert "marker 'IL-6': its 'source' is copied word for word" in words[warned:]
    assert words.index("This is only here to inform you", warned) > warned  # the notice last


def test_a_file_with_no_sample_ids_keeps_its_first_row_s_status(
    write_csv: Callable[..., str],
) -> None:
    """Review of round 20 (#1): the first row's 'P' was lost in a file with no sample ids (its
    status said before the sample began), so the summary named only the second as not final,
    and the high IL-6 read as final."""
    path = write_csv("Test,Result,Units,Status\nIL-6,30,pg/mL,P\nTNF-a,3,pg/mL,P\n")
    [panel] = check_file(path).panels
    assert all(r.note and "a preliminary result" in r.note for r in panel.results)
    assert "None of these results is final yet: the lab's numbers may still change." in (
        panel.summary.text
    )


def test_a_report_word_beside_a_marker_is_pointed_at_the_overview_too() -> None:
    """Review of round 20 (#10): 'explain IL-6 critical' was refused with no word of where a
    report's words are explained."""
    from typer.testing import CliRunner

    from panelcli.cli import app

    refused = CliRunner().invoke(app, ["explain", "IL-6", "critical"])
    assert refused.exit_code == 2
    said = " ".join(refused.output.split())
    assert "'IL-6' names IL-6, which panelcli explains: panelcli explain IL-6" in said
    assert said.endswith("panelcli explain with no name explains the words a report uses")
