"""What the educator and patient-reader QA of round 19 (/work/qa19/probe) found."""

from __future__ import annotations

from panelcli.check import check_file, check_files


def test_a_failed_run_is_said_first_in_each_sample_s_summary(write_csv) -> None:
    """Educator QA round 19 #1: with 'QC FAILED - DO NOT REPORT' below the table, the summary
    read the values ('can be a sign of inflammation') with no word of it, and JSON's text
    said nothing of it at all."""
    path = write_csv(
        "sample_id,marker,value,unit\nS1,IL-6,7.1,pg/mL\nS2,IL-8,3,pg/mL\n"
        "QC FAILED - DO NOT REPORT\n"
    )
    report = check_file(path)
    assert [p.summary.text[0] for p in report.panels] == [
        "The file says this test run failed its quality checks, so these results may not be "
        "right. Ask the lab before you rely on them."
    ] * 2
    other = write_csv("sample_id,marker,value,unit\nS1,IL-6,7.1,pg/mL\n", name="other.csv")
    both = check_files([path, other])
    firsts = {p.source: p.summary.text[0] for p in both.panels}
    assert firsts[other].startswith("1 marker was tested")
