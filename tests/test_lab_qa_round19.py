"""What lab QA round 19 (/work/qa19/lab) found in real exports: marks that a result is not to
be used, ..."""

from __future__ import annotations

from pathlib import Path

import pytest

from panelcli.check import check_file


@pytest.mark.parametrize(
    ("column", "mark", "other"),
    [
        ("Excluded", "Y", "N"),
        ("Outlier", "X", ""),
        ("Do Not Report", "Yes", "No"),
        ("Reportable", "No", "Yes"),
        ("Result Valid", "FALSE", "TRUE"),
        ("Include in report", "No", "Yes"),
        ("Excluded", "Y - clotted", ""),  # its first word (second review)
        ("Ausgeschlossen", "ja", "nein"),
    ],
)
def test_a_result_marked_not_to_be_used_is_not_judged(
    write_csv, column: str, mark: str, other: str
) -> None:
    """Lab QA round 19 #2: an 'Excluded' Y IL-6 of 38 pg/mL was judged high (exit 1), the
    column only 'not a known marker or field'."""
    path = write_csv(
        f"Sample ID,Analyte,Result,Units,{column},Exclusion Reason\n"
        f"PT-201,IL-6,38.0,pg/mL,{mark},Bead count < 35\nPT-201,TNF-alpha,4.0,pg/mL,{other},\n"
    )
    report = check_file(path)
    assert [(r.marker, r.status.value) for p in report.panels for r in p.results] == [
        ("TNF-α", "normal")
    ]
    [said] = report.warnings
    assert (said.code, said.line, said.column, said.marker) == (
        "result-not-given", 2, column, "IL-6"
    )  # fmt: skip
    assert said.message == (
        f"column '{column}' says '{mark}': this result is marked not to be used (its reason: "
        "'Bead count < 35'); this row was not judged"
    )
    assert report.panels[0].summary.text[-1] == (
        "The lab marked the IL-6 result not to be used (line 2; its reason: 'Bead count < 35'), "
        "so it is not judged here."
    )


def test_a_result_not_yet_verified_is_judged_as_preliminary(write_csv) -> None:
    path = write_csv(
        "sample_id,marker,value,unit,Verified\nS1,IL-6,45,pg/mL,N\nS2,IL-6,1,pg/mL,Y\n"
    )
    report = check_file(path)
    assert [r.status.value for p in report.panels for r in p.results] == ["high", "normal"]
    [said] = report.warnings
    assert (said.code, said.line) == ("result-preliminary", 2)
    assert said.message.startswith("column 'Verified' says 'N': this result is preliminary")


def test_a_column_of_other_than_yes_or_no_is_no_mark_column(write_csv) -> None:
    """Review: a 'Rejected' count of 1 dropped its result, and 3 was 'judged as final'."""
    path = write_csv(
        "Sample ID,Analyte,Result,Units,Rejected\nPT-201,IL-6,38.0,pg/mL,1\n"
        "PT-202,IL-6,45.0,pg/mL,0\nPT-203,IL-6,30.0,pg/mL,3\n"
    )
    report = check_file(path)
    assert [r.status.value for p in report.panels for r in p.results] == ["high"] * 3
    [said] = report.warnings
    assert (said.code, said.column) == ("column-ignored", "Rejected")
    assert said.message == (
        "column 'Rejected' was not read: it may mark results not to be used, but its cells are "
        "numbers ('1'), as a count's; every row was judged"
    )


@pytest.mark.parametrize("unset", ["-", "N/A", "n/a", ""])
def test_an_unfilled_mark_says_nothing(write_csv, unset: str) -> None:
    """Review: 'Reportable' '-' or 'N/A' dropped the result, exit 1 to 0."""
    path = write_csv(f"sample_id,marker,value,unit,Reportable\nS1,IL-6,45,pg/mL,{unset}\n")
    report = check_file(path)
    assert [r.status.value for p in report.panels for r in p.results] == ["high"]
    assert not report.warnings


def test_each_mark_column_is_read_and_its_own_name_is_a_yes(write_csv) -> None:
    """Review: 'Cancelled' in a 'Cancelled' column was judged with no word at all, and only
    the first mark column was read ('Verified' before 'Excluded')."""
    path = write_csv(
        "Accession,Test,Result,Units,Verified,Cancelled,Outlier,Excluded\n"
        "A1,IL-6,45.2,pg/mL,Y,Cancelled,,\nA2,TNF-alpha,80.0,pg/mL,Y,,Outlier,\n"
        "A3,IL-8,90,pg/mL,Y,,,Y\nA4,IL-6,1.0,pg/mL,N,,,\n"
    )
    report = check_file(path)
    judged = [(r.line, r.status.value) for p in report.panels for r in p.results]
    assert judged == [(5, "normal")]
    codes = [(w.code, w.line, w.column) for w in report.warnings]
    assert codes == [
        ("result-not-given", 2, "Cancelled"), ("result-not-given", 3, "Outlier"),
        ("result-not-given", 4, "Excluded"), ("result-preliminary", 5, "Verified"),
    ]  # fmt: skip


def test_a_wide_row_marked_excluded_is_not_judged(write_csv) -> None:
    path = write_csv("Sample,IL-6 (pg/mL),IL-8 (pg/mL),Excluded\nS1,40,90,Y\nS2,1.0,5.0,N\n")
    report = check_file(path)
    assert [p.sample_id for p in report.panels if p.results] == ["S2"]
    assert [(w.code, w.line) for w in report.warnings] == [("result-not-given", 2)]


def test_every_path_reads_a_mark_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_two_processes import every_path_alike

    from panelcli import split

    monkeypatch.setattr(split, "MIN_BYTES", 0)
    rows = [f"S{n},IL-6,{n % 90}.5,pg/mL,{'Y' if n % 7 == 0 else 'N'}\n" for n in range(2000)]
    path = tmp_path / "marks.csv"
    path.write_text("Sample ID,Analyte,Result,Units,Excluded\n" + "".join(rows))
    assert every_path_alike(path).count('"code":"result-not-given"') == 286


@pytest.mark.parametrize(
    ("second", "third", "direction"),
    [("14:30", "03/13/2026 09:00", "falling"), ("2:30 PM", "", "rising")],
)
def test_two_times_of_a_day_that_may_be_two_days_are_two_points(
    write_csv, second: str, third: str, direction: str
) -> None:
    """Lab QA round 19 #1: a US file's '03/02/2026 08:00' and '03/02/2026 14:30' were one
    date, the second listed under the first's time, and the trend 'cannot tell'; with every
    draw on that day, no trend at all. Either day it is, their times order them."""
    values = ("40", "2.0", "1.0") if direction == "falling" else ("1.2", "52.0")
    rows = [f"03/02/2026 08:00,{values[0]}", f"03/02/2026 {second},{values[1]}"]
    if third:
        rows.append(f"{third},{values[2]}")
    path = write_csv(
        "patient_id,collected_at,marker,value,unit\n"
        + "".join(f"P1,{when},IL-6,{value},pg/mL\n" for when, value in (r.split(",") for r in rows))
    )
    [trend] = check_file(path).trends
    [marker] = trend.markers
    assert marker.direction == direction and len(marker.points) == len(rows)
    assert [p.trend_date for p in marker.points] == [r.split(",")[0] for r in rows]
    said = (
        "The dates of 2 samples, '03/02/2026 08:00' and '03/02/2026 "
        f"{second}', may be 3 February or 2 March 2026. Either way they "
    )
    assert any(s.startswith(said) for s in trend.text)
    assert "which of those tests came first is not known" not in " ".join(trend.text)


def test_a_day_that_may_be_two_with_and_without_a_time_is_still_one_date() -> None:
    from panelcli.trends import dates_followed

    followed = dates_followed(["03/02/2026", "03/02/2026 14:30", "03/13/2026"])
    assert followed.dates == ["03/02/2026", "03/13/2026"]


@pytest.mark.parametrize(
    "header",
    [
        "Cod probă;Analiză;Rezultat;UM;Interval de referință;Indicator",  # Romanian
        "Broj uzorka;Pretraga;Rezultat;Jedinica;Referentni interval;Oznaka",  # Croatian
        "Minta azonosító;Vizsgálat;Eredmény;Mértékegység;Referencia tartomány;Jelzés",
        "Vzorec;Preiskava;Rezultat;Enota;Referenčne vrednosti;Oznaka",  # Slovenian
    ],
)
def test_romanian_croatian_hungarian_and_slovenian_exports_are_read(write_csv, header: str) -> None:
    """Lab QA round 19 #5: refused whole, 'no header with marker and value columns found'."""
    path = write_csv(f"{header}\nR-01;IL-6;8,2;pg/mL;< 7,0;H\nR-02;IL-6;1,0;pg/mL;< 7,0;\n")
    report = check_file(path)
    judged = [(p.sample_id, r.value, r.status.value) for p in report.panels for r in p.results]
    assert judged == [("R-01", 8.2, "high"), ("R-02", 1.0, "normal")]
    assert not report.rejected
    assert "column-ignored" not in {w.code for w in report.warnings}


@pytest.mark.parametrize("sample", ["PT-301 1:100", "PT-301 x10", "PT-301 (x10)", "PT-301_dil10"])
def test_a_sample_id_ending_in_a_dilution_reads_its_values_at_least(write_csv, sample: str) -> None:
    """Lab QA round 19 #3: 'PT-301 1:100' was a sample of its own, its 2.0 judged normal (exit
    0), where 'IL-6 1:100' was indeterminate with a value-diluted warning."""
    path = write_csv(
        f"Sample,Analyte,Conc,Units\nPT-301,IL-6,>ULOQ,pg/mL\n{sample},IL-6,2.0,pg/mL\n"
        f"{sample},IL-8,90,pg/mL\n{sample},IL-10,<1.0,pg/mL\nPT-301-D10,IL-6,2.0,pg/mL\n"
    )
    report = check_file(path)
    judged = [
        (p.sample_id, r.marker, r.comparator, r.status.value)
        for p in report.panels
        for r in p.results
    ]
    assert judged == [
        ("PT-301", "IL-6", ">", "indeterminate"),
        (sample, "IL-6", ">=", "indeterminate"),
        (sample, "IL-8", ">=", "high"),
        ("PT-301-D10", "IL-6", None, "normal"),  # may be day 10
    ]
    [diluted] = [w for w in report.warnings if w.code == "value-diluted"]
    assert diluted.line == 3 and diluted.message.startswith(
        f"sample '{sample}' names a diluted sample: its values are read as at least"
    )
    assert [(i.code, i.line) for i in report.rejected] == [("value-diluted-censored", 5)]


def test_every_path_reads_a_diluted_sample_id_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_two_processes import every_path_alike

    from panelcli import split

    monkeypatch.setattr(split, "MIN_BYTES", 0)
    rows = [f"S{n}{' 1:10' if n % 9 == 0 else ''},IL-6,{n % 9}.5,pg/mL\n" for n in range(2000)]
    path = tmp_path / "diluted.csv"
    path.write_text("Sample ID,Analyte,Result,Units\n" + "".join(rows))
    assert every_path_alike(path).count('"comparator":">="') == 223


def test_every_path_says_a_diluted_marker_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Batches joined (ndjson_join, as Dask's partitions are) said 'value-diluted' once a
    batch: it was no once-per-file warning there, as it is in one process."""
    from test_two_processes import every_path_alike

    from panelcli import split

    monkeypatch.setattr(split, "MIN_BYTES", 0)
    rows = [f"S{n},IL-6{' x10' if n % 9 == 0 else ''},{n % 9}.5,pg/mL\n" for n in range(2000)]
    path = tmp_path / "diluted.csv"
    path.write_text("Sample ID,Analyte,Result,Units\n" + "".join(rows))
    assert every_path_alike(path).count('"code":"value-diluted"') == 1


@pytest.mark.parametrize(
    ("written", "marker"),
    [
        ("löslicher IL-2-Rezeptor", "sIL-2R"),
        ("löslicher Interleukin-2-Rezeptor", "sIL-2R"),
        ("Récepteur soluble de l'IL-2", "sIL-2R"),
        ("Receptor soluble de IL-2", "sIL-2R"),
        ("IL-6 im Serum", "IL-6"),
        ("IL-6 plasmatique", "IL-6"),
        ("IL-6 sérico", "IL-6"),
        ("TNF-alpha sérique", "TNF-α"),
        ("IL-6 en suero", "IL-6"),
    ],
)
def test_a_marker_named_in_another_language_with_its_specimen_is_read(
    write_csv, written: str, marker: str
) -> None:
    """Lab QA round 19 #4: each at 5000 pg/mL was no_reference with no hint, exit 0."""
    path = write_csv(f"sample_id,marker,value,unit\nS1,{written},5000,pg/mL\n")
    [result] = [r for p in check_file(path).panels for r in p.results]
    assert (result.marker, result.status.value) == (marker, "high")


def test_a_high_sensitivity_assay_in_german_gets_the_hint() -> None:
    from panelcli.ranges import load_ranges

    hint = load_ranges(None).suggest("IL-6 hochsensitiv")
    assert hint is not None and "IL-6" in hint


@pytest.mark.parametrize("cell", ["#ERROR!", "#LOADING...", "Err:502", "#N/A"])
def test_a_google_sheets_or_libreoffice_error_is_said_to_be_one(write_csv, cell: str) -> None:
    """Lab QA round 19 #6: Google Sheets' '#ERROR!' got a bare 'is not a number'."""
    path = write_csv(f"sample_id,marker,value,unit\nS1,IL-6,{cell},pg/mL\n")
    [refused] = check_file(path).rejected
    assert "is a spreadsheet's error (a formula that failed)" in refused.message


def test_a_sample_id_that_names_none_is_said_so(write_csv) -> None:
    """Lab QA round 19 #6: 'Unknown' was told 'this row gives no sample id', though it gave one."""
    path = write_csv("sample_id,marker,value,unit\nUnknown,IL-6,12.0,pg/mL\n")
    [missing] = [w for w in check_file(path).warnings if w.code == "sample-id-missing"]
    assert missing.message.startswith(
        "this row gives no sample id (blank, or a word that names none, such as 'N/A' or "
        "'Unknown'): its result is in a panel of no sample"
    )


def test_excel_s_fraction_of_a_day_in_a_time_column_is_its_time(write_csv) -> None:
    """Lab QA round 19 #6: '0.3333333333' (Excel's 08:00) was 'no time of day', and two draws
    of the day made one panel, 'Both of them are high in this sample'."""
    path = write_csv(
        "MRN,Collection Date,Collection Time,Test,Result,Units\n"
        "001,2026-03-02,0.3333333333,IL-6,1.2,pg/mL\n001,2026-03-02,0.6041666667,IL-6,52,pg/mL\n"
        "001,2026-03-02,0.51234,IL-8,5,pg/mL\n001,2026-03-02,0.75,IL-8,6,pg/mL\n"
        "001,2026-03-02,0.25,IL-8,7,pg/mL\n"
    )
    report = check_file(path)
    assert [p.collected_at for p in report.panels] == [
        "2026-03-02 08:00", "2026-03-02 14:30", "2026-03-02 12:17:46", "2026-03-02 18:00",
        "2026-03-02",  # '0.25': 06:00 or a German 00:25, read as neither (third review)
    ]  # fmt: skip
    [unread] = [w for w in report.warnings if w.code == "time-unreadable"]
    assert unread.line == 6  # only the '0.25'


@pytest.mark.parametrize(
    "sample",
    [
        "PT-301 (1/2)",
        "PT-301 (1/12)",
        "PT-305 1/15",
        "Box 1 1/81",
        "PT-303 2x",
        "PT-304 x2",
        "PT-307_X3",
    ],
)
def test_an_id_that_may_be_an_aliquot_a_date_or_a_count_is_no_dilution(
    write_csv, sample: str
) -> None:
    """Review of round 19 (R3): these were read 'at least', their '<1.5' refused (exit 2)."""
    path = write_csv(
        f"Sample,Analyte,Conc,Units\n{sample},IL-6,<1.5,pg/mL\n{sample},IL-8,1.0,pg/mL\n"
    )
    report = check_file(path)
    assert not report.rejected and not report.warnings
    assert [r.comparator for p in report.panels for r in p.results] == ["<", None]


def test_an_indicator_column_beside_a_flag_column_leaves_the_flag_read(write_csv) -> None:
    """Review of round 19 (R9): 'Indicator', read as Romanian exports' flag, refused a file
    with a 'Flag' column too ('both look like the lab flag column')."""
    path = write_csv("Sample,Analyte,Result,Units,Flag,Indicator\nS1,IL-6,40,pg/mL,H,Fasting\n")
    report = check_file(path)
    assert [r.status.value for p in report.panels for r in p.results] == ["high"]


def test_a_zoned_and_an_unzoned_time_of_a_day_that_may_be_two_are_not_ordered(write_csv) -> None:
    """Review of round 19 (R10): with US dates they were put in order and a trend drawn,
    where ISO dates say they cannot be."""
    path = write_csv(
        "patient_id,collected_at,marker,value,unit\nP1,03/02/2026 07:30 +00:00,IL-6,1.0,pg/mL\n"
        "P1,03/02/2026 08:00,IL-6,40,pg/mL\n"
    )
    [trend] = check_file(path).trends
    assert not trend.markers
    assert trend.text == [
        "Patient P1 has 2 tests on 03/02/2026, at times that cannot be put in order. So "
        "panelcli cannot show how the results changed over time."
    ]


def test_a_two_digit_fraction_that_may_be_minutes_is_no_time(write_csv) -> None:
    """Third review of round 19 (R1): a German '0.30' (00:30) beside '1.15' was read as
    Excel's 07:12, and the trend said IL-6 rose when it fell; Excel's '0.25' (06:00) beside
    '0.2083333333' had reversed it the other way. Such a cell is read as neither."""
    path = write_csv(
        "Subject,Collection Date,Collection Time,Analyte,Result,Units\n"
        "P1,02.03.2026,0.30,IL-6,40,pg/mL\nP1,02.03.2026,1.15,IL-6,1.0,pg/mL\n"
    )
    report = check_file(path)
    assert [p.collected_at for p in report.panels] == ["02.03.2026", "02.03.2026 1:15"]
    assert "time-unreadable" in {w.code for w in report.warnings}


@pytest.mark.parametrize("cell", ["N/A - not reviewed", "N/A (pending)"])
def test_an_unset_mark_with_words_after_it_says_nothing(write_csv, cell: str) -> None:
    """Third review of round 19 (R2): read by its first letter 'N' as 'No', the result was
    dropped as marked not to be used."""
    path = write_csv(f"sample_id,marker,value,unit,Reportable\nS1,IL-6,45,pg/mL,{cell}\n")
    report = check_file(path)
    assert [r.status.value for p in report.panels for r in p.results] == ["high"]
