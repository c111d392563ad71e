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


def test_a_result_marked_not_to_be_used_is_named_with_its_reason(write_csv) -> None:
    """Educator QA round 19 #5: a reader holding a printout of IL-6 85 found no IL-6 in the
    summary, only 'the result of 1 more test … the warnings say why'."""
    path = write_csv(
        "sample_id,marker,value,unit,Excluded,Reason\nC6,IL-6,85,pg/mL,Y,Hemolyzed\n"
        "C6,IL-8,90,pg/mL,Y,Hemolyzed\nC6,IL-10,2,pg/mL,N,\n"
    )
    [panel] = check_file(path).panels
    assert panel.summary.text[-1] == (
        "The lab marked the IL-6 and IL-8 results not to be used (lines 2 and 3; the reason "
        "given: 'Hemolyzed'), so they are not judged here."
    )
    # one row's reason is not said of another's (second review)
    path = write_csv(
        "sample_id,marker,value,unit,Excluded,Exclusion Reason\nC8,IL-6,85,pg/mL,Y,\n"
        "C8,TNF-α,19.0,pg/mL,Y,Hemolyzed\nC8,IL-10,2,pg/mL,,\n"
    )
    [panel] = check_file(path).panels
    assert panel.summary.text[-1] == (
        "The lab marked the IL-6 and TNF-α results not to be used (lines 2 and 3), so they are "
        "not judged here."
    )


def test_two_draws_of_one_day_are_two_tests_on_one_day_not_two_dates(write_csv) -> None:
    """Educator QA round 19 #2: 'Patient PT-10 was tested on 2 dates' of two draws of one
    day, beside 'they are on one day'; with ISO times too."""
    from panelcli.trends import dates_said

    path = write_csv(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "D1,PT-10,2026-03-02T08:00,IL-6,1.2,pg/mL\nD2,PT-10,2026-03-02T14:30,IL-6,52,pg/mL\n"
        "D3,PT-10,2026-03-05,IL-6,3.0,pg/mL\n"
    )
    [trend] = check_file(path).trends
    assert trend.text[0] == (
        "Patient PT-10 was tested 3 times on 2 days, from 2026-03-02T08:00 to 2026-03-05."
    )
    assert dates_said(trend.dates) == "3 tests on 2 days"
    assert dates_said(["03/02/2026 08:00", "03/02/2026 14:30"]) == "2 tests on one day"
    assert dates_said(["2026-03-02", "2026-03-05"]) == "2 dates"


def test_a_diluted_sample_s_summary_says_it_was_diluted(write_csv) -> None:
    """Educator QA round 19 #3: 'the test does not say by how much' of a diluted sample's
    9.0, and 'a problem that is explained in the list' of its '<2.0'."""
    path = write_csv(
        "sample_id,marker,value,unit\nS1 1:10,TNF-α,9.0,pg/mL\nS1 1:10,IL-10,<2.0,pg/mL\n"
    )
    report = check_file(path)
    [result] = [r for p in report.panels for r in p.results]
    assert result.note is not None and result.note.startswith(
        "sample 'S1 1:10' is a diluted sample, read as at least the number written"
    )
    said = " ".join(report.panels[0].summary.text)
    assert (
        "TNF-α is at least 9 pg/mL. The sample was diluted, and the lab may not have multiplied "
        "the number back, so it could be inside or outside the range." in said
    )
    from panelcli.summary import rejected_sentences

    assert "1 row has a diluted sample's 'less than' value, which cannot be judged." in (
        rejected_sentences({"value-diluted-censored": 1})
    )


def test_explain_answers_the_report_s_own_words_with_the_overview() -> None:
    """Educator QA round 19 #4: 'what is a reference range', 'normal range', 'what does ND
    mean', 'indeterminate', 'pg/mL' were refused, though the overview explains them; 'what
    does it mean if IL-6 is high' was too."""
    from panelcli import explain

    sets, _ = explain.sets_to_show(None)
    for asked in (
        "what is a reference range", "normal range", "what is the normal range?",
        "what does ND mean", "what does indeterminate mean", "what is pg/mL",
    ):  # fmt: skip
        marker, _ = explain.question_read(asked.split(), sets)
        assert marker is not None and explain.asks_for_the_overview(marker), asked
    words = "what does it mean if IL-6 is high"
    assert explain.question_read(words.split(" "), sets)[0] == "IL-6"


def test_a_number_kept_in_a_unit_of_the_same_size_is_not_said_to_have_been_another(
    write_csv,
) -> None:
    """Educator QA round 19 #6: 'Ferritin 250 (was 250 ng/mL)' read as a change."""
    from panelcli.render.table import value_text

    path = write_csv(
        "sample_id,marker,value,unit,sex,age\nS1,Ferritin,250,ng/mL,F,40\n"
        "S1,IL-6,0.005,ng/mL,F,40\n"
    )
    results = [r for p in check_file(path, ranges="mayo-adult").panels for r in p.results]
    shown = [value_text(r).plain for r in results]
    assert shown == ["250 (written in ng/mL)", "5 (was 0.005 ng/mL)"]


def test_a_report_word_beside_a_marker_is_kept_in_the_name_asked() -> None:
    """Third review of round 19 (R5): 'what is the normal range of IL-6' was refused as
    'normal of IL-6', words the user never wrote (educator QA round 22: it asks of IL-6, and
    is read so); 'my IL-6 is high' is IL-6."""
    from panelcli import explain

    sets, _ = explain.sets_to_show(None)
    marker, _ = explain.question_read(["what", "is", "the", "normal", "range", "of", "IL-6"], sets)
    assert marker == "IL-6"
    marker, _ = explain.question_read(["the", "normal", "range", "of", "IL-99"], sets)
    assert marker == "IL-99"  # a name panelcli does not know, as the user wrote it
    assert explain.question_read(["my", "IL-6", "is", "high"], sets)[0] == "IL-6"
