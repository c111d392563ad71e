"""A study's site column read with each sample and patient id (lab QA round 16 #2: the same id
at two sites, two people, was one panel, 'high at the same time', and one trend)."""

from __future__ import annotations

from pathlib import Path

import pytest

from panelcli.check import check_file


def _patient_ids(path: str) -> list[str | None]:
    """The patient id of each panel of a file, in order."""
    return [panel.patient_id for panel in check_file(path).panels]


def test_the_same_sample_id_at_two_sites_is_two_panels(write_csv) -> None:
    path = write_csv(
        "Site ID,Sample ID,Analyte,Result,Units\nBoston,S001,IL-6,45.0,pg/mL\n"
        "Denver,S001,TNF-α,30.0,pg/mL\n"
    )
    report = check_file(path)
    assert [p.sample_id for p in report.panels] == ["S001 (site Boston)", "S001 (site Denver)"]
    assert not any("same time" in " ".join(p.summary.text) for p in report.panels)
    [said] = report.warnings
    assert (said.code, said.line, said.column) == ("ids-with-site", 1, "Site ID")
    assert "same sample or patient id at two sites can be two people" in said.message


def test_a_subject_number_restarting_at_each_site_makes_no_trend_across_sites(write_csv) -> None:
    path = write_csv(
        "SITEID,Subject,Visit Date,Analyte,Result,Unit\n01,001,2026-03-02,IL-6,1.2,pg/mL\n"
        "02,001,2026-03-09,IL-6,48.0,pg/mL\n01,001,2026-03-16,IL-6,1.4,pg/mL\n"
    )
    report = check_file(path)
    assert [p.patient_id for p in report.panels] == [
        "001 (site 01)", "001 (site 02)", "001 (site 01)",
    ]  # fmt: skip
    [trend] = report.trends
    assert trend.patient_id == "001 (site 01)"
    assert [point.value for point in trend.markers[0].points] == [1.2, 1.4]


def test_a_wide_file_reads_its_site_with_the_ids(write_csv) -> None:
    path = write_csv(
        "Centre ID,Sample ID,IL-6 (pg/mL),TNF-α (pg/mL)\nCentre A,S1,1.0,3.0\nCentre B,S1,40,3\n"
    )
    report = check_file(path)
    # a site written with its own word keeps it
    assert [p.sample_id for p in report.panels] == ["S1 (Centre A)", "S1 (Centre B)"]


def test_what_names_no_patient_and_a_blank_site_keep_their_ids(write_csv) -> None:
    """A standard is known by its name, 'N/A' is no id, an id Excel rounded keeps its
    warning, and a row with no site (and none above it) keeps its id as written."""
    path = write_csv(
        "Site ID,Sample ID,Analyte,Result,Units\n,S9,IL-6,2.0,pg/mL\n01,Standard 1,IL-6,10,pg/mL\n"
        "01,N/A,IL-6,2.0,pg/mL\n01,1.23457E+11,IL-6,2.0,pg/mL\n"
    )
    report = check_file(path)
    assert [p.sample_id for p in report.panels] == ["S9", None, "1.23457E+11"]
    codes = {w.code for w in report.warnings}
    assert {"ids-with-site", "sample-id-rounded"} <= codes
    assert any("Standard 1" in w.message for w in report.warnings)


def test_a_site_column_beside_no_id_is_not_read(write_csv) -> None:
    path = write_csv("Site ID,Analyte,Result,Units\nBoston,IL-6,2.0,pg/mL\n")
    report = check_file(path)
    [ignored] = [w for w in report.warnings if w.column == "Site ID"]
    assert ignored.code == "column-ignored"


@pytest.mark.parametrize("header", ["Site", "Center", "Site Name"])
def test_a_column_that_may_be_a_site_is_not_read_and_says_how_to_have_it_read(
    write_csv, header: str
) -> None:
    """Review: a body site ('Left arm') or an LIS's performing site ('SENDOUT') under 'Site'
    split one person's samples; an id at two of its values is named."""
    path = write_csv(
        f"Patient ID,Collection Date,{header},Test,Result,Units\n"
        "P100,2026-03-01,Left arm,IL-6,2,pg/mL\nP100,2026-03-08,Right arm,IL-6,20,pg/mL\n"
    )
    report = check_file(path)
    assert [p.patient_id for p in report.panels] == ["P100", "P100"] and report.trends
    [said] = report.warnings
    assert said.code == "column-ignored"
    assert said.message.startswith(f"column '{header}' was not read: it may name a study's site")
    assert "name it 'Site ID' to have each id read with its site" in said.message
    assert said.message.endswith(
        "; here patient id 'P100' has rows at 'Left arm', line 2, and at 'Right arm', line 3"
    )


def test_a_report_grouped_by_site_gives_each_row_the_site_above_it(write_csv) -> None:
    """Review: with the site on a group's first row only, subject 002 of two sites was one
    trend, beside a warning that said sites were kept apart."""
    path = write_csv(
        "Site ID,Subject,Visit Date,Analyte,Result,Unit\n01,001,2026-03-02,IL-6,1.2,pg/mL\n"
        ",002,2026-03-02,IL-6,1.0,pg/mL\n02,001,2026-03-09,IL-6,48.0,pg/mL\n"
        ",002,2026-03-09,IL-6,40.0,pg/mL\n"
    )
    report = check_file(path)
    assert [p.patient_id for p in report.panels] == [
        "001 (site 01)", "002 (site 01)", "001 (site 02)", "002 (site 02)",
    ]  # fmt: skip
    assert report.trends == []


def test_a_patient_id_pandas_wrote_as_a_float_is_one_with_its_site(write_csv) -> None:
    path = write_csv(
        "Site ID,patient_id,collected_at,marker,value,unit\n01,123,2026-03-08,IL-6,10,pg/mL\n"
        "01,123.0,2026-03-15,IL-6,20,pg/mL\n01,123,2026-03-22,IL-6,1,pg/mL\n"
    )
    [trend] = check_file(path).trends
    assert [p.value for p in trend.markers[0].points] == [10, 20, 1]


def test_every_path_reads_the_site_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One process, two processes and batches read the ids with their sites alike."""
    from test_two_processes import every_path_alike

    from panelcli import split

    monkeypatch.setattr(split, "MIN_BYTES", 0)
    # a site on the first row of each group of ten only: each part starts at a row that
    # gives one
    rows = [
        f"{n // 10 % 3 if n % 10 == 0 else ''},S{n % 500},IL-6,{n % 9}.5,pg/mL\n"
        for n in range(2000)
    ]
    path = tmp_path / "sites.csv"
    path.write_text("Site ID,Specimen ID,Component,Result,Units\n" + "".join(rows))
    expected = every_path_alike(path)
    assert '"sample_id":"S1 (site 0)"' in expected and '"code":"ids-with-site"' in expected
    assert '"sample_id":"S11 (site 1)"' in expected  # line 13, under line 12's site
    assert '"sample_id":"S3 (site 0)"' in expected  # line 5, under line 2's site
    assert "marker-repeated" not in expected


def test_only_a_row_that_gives_an_id_gives_or_takes_a_site(write_csv) -> None:
    """Second review: a skipped '# comment' line's text became the site of the rows below it;
    the header again (two exports joined, each with a BOM) leaves no site above it."""
    path = write_csv(
        "Site ID,Subject,Visit Date,Analyte,Result,Unit\n01,001,2026-03-02,IL-6,1.2,pg/mL\n"
        ",002,2026-03-02,IL-6,1.0,pg/mL\n# plate 2 re-run\n,001,2026-03-09,IL-6,48.0,pg/mL\n"
    )
    assert _patient_ids(path) == [
        "001 (site 01)", "002 (site 01)", "001 (site 01)",
    ]  # fmt: skip
    joined = write_csv(
        "\ufeffSite ID,Sample ID,Analyte,Result,Units\n01,S1,IL-6,2,pg/mL\n"
        "\ufeffSite ID,Sample ID,Analyte,Result,Units\n,S2,IL-6,3,pg/mL\n02,S3,IL-6,4,pg/mL\n"
    )
    report = check_file(joined)
    assert [p.sample_id for p in report.panels] == ["S1 (site 01)", "S2", "S3 (site 02)"]
    assert "header-repeated" in {w.code for w in report.warnings} and not report.rejected


def test_a_site_is_read_as_an_id_is(write_csv) -> None:
    """Second review: '="01"' was not unwrapped, and '1.0' was another site than '1'."""
    path = write_csv(
        "Site ID,Subject,Visit Date,Analyte,Result,Unit\n"
        '"=""01""",001,2026-03-01,IL-6,2,pg/mL\n01,001,2026-03-08,IL-6,20,pg/mL\n'
        "1.0,002,2026-03-01,IL-6,2,pg/mL\n1,002,2026-03-08,IL-6,20,pg/mL\n"
    )
    report = check_file(path)
    assert [t.patient_id for t in report.trends] == ["001 (site 01)", "002 (site 1)"]


def test_the_warning_of_a_maybe_site_reads_its_own_column_under_a_wrapped_header(
    write_csv,
) -> None:
    """Second review: under a header wrapped over two lines it read another column (two
    dates as two sites), and named a row by its last line."""
    path = write_csv(
        'Patient ID,Collection Date,"Lab\nComment",Site,Analyte,Result,Unit\n'
        "P1,2026-03-01,,Boston,IL-6,1.2,pg/mL\nP1,2026-03-08,,Boston,IL-6,30,pg/mL\n"
        'P1,2026-03-09,"a\nnote",Denver,IL-6,3,pg/mL\n'
    )
    [said] = [w for w in check_file(path).warnings if w.column == "Site"]
    assert said.message.endswith(
        "; here patient id 'P1' has rows at 'Boston', line 3, and at 'Denver', line 5"
    )


def test_two_processes_start_a_part_where_a_row_gives_its_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Second review: the part after a header repeated mid-file, or after blank sites written
    as a no-break space, lost the site the rows above gave."""
    from test_two_processes import every_path_alike

    from panelcli import split

    monkeypatch.setattr(split, "MIN_BYTES", 0)
    head = "Site ID,Specimen ID,Component,Result,Units\n"
    rows = [
        f"{n // 10 % 3 if n % 10 == 0 else chr(0xA0)},S{n},IL-6,{n % 9}.5,pg/mL\n"
        for n in range(2000)
    ]
    rows[1003:1003] = [head]
    path = tmp_path / "sites.csv"
    path.write_text(head + "".join(rows), encoding="utf-8")
    expected = every_path_alike(path)
    assert '"sample_id":"S1001 (site 1)"' in expected  # under line 1001's site


def test_a_line_of_a_site_alone_gives_the_rows_below_it_their_site(write_csv) -> None:
    """Third review: a grouped report's line of its site alone ('01,,,,,') gave no site, and
    patient 001 of two sites was one; a site said unknown ('N/A') takes none from above."""
    path = write_csv(
        "Site ID,Subject,Visit Date,Analyte,Result,Unit\n01,,,,,\n,001,2026-03-02,IL-6,1.2,pg/mL\n"
        "02,,,,,\n,001,2026-03-02,IL-6,40,pg/mL\nN/A,001,2026-03-09,IL-6,30,pg/mL\n"
    )
    assert _patient_ids(path) == [
        "001 (site 01)", "001 (site 02)", "001",
    ]  # fmt: skip


def test_a_page_line_gives_no_site_and_an_unknown_site_leaves_none_above(write_csv) -> None:
    """Fourth review: 'Page 1 of 2,,,,,' and 'End of report,,,,,' became sites, and rows
    below an 'N/A' site took the site above it."""
    path = write_csv(
        "Site ID,Subject,Visit Date,Analyte,Result,Unit\n01,001,2026-03-02,IL-6,1.2,pg/mL\n"
        "Page 1 of 2,,,,,\n,001,2026-03-09,IL-6,30,pg/mL\nN/A,002,2026-03-02,IL-6,2,pg/mL\n"
        ",002,2026-03-09,IL-6,20,pg/mL\nN/A,,,,,\n,003,2026-03-09,IL-6,2,pg/mL\n"
    )
    assert _patient_ids(path) == [
        "001 (site 01)", "001 (site 01)", "002", "002", "003",
    ]  # fmt: skip


def test_a_note_in_the_site_column_gives_no_site(write_csv) -> None:
    """Fifth review: a report's note alone in the site column ('(continued)', 'Subtotal')
    became the site of the rows below it, splitting subject 001 of site 01 in two."""
    path = write_csv(
        "Site ID,Subject,Visit Date,Analyte,Result,Unit\n01,,,,,\n,001,2026-03-02,IL-6,1.2,pg/mL\n"
        "(continued),,,,,\n,001,2026-03-09,IL-6,30,pg/mL\nSubtotal,,,,,\n"
        ",001,2026-03-16,IL-6,3,pg/mL\n02 North,,,,,\n,001,2026-03-02,IL-6,4,pg/mL\n"
    )
    assert _patient_ids(path) == [
        "001 (site 01)", "001 (site 01)", "001 (site 01)", "001 (site 02 North)",
    ]  # fmt: skip


def test_a_line_of_a_site_alone_is_read_not_refused(write_csv) -> None:
    """Fifth review: each line of a grouped report's site alone ('01,,,,,') was refused as a
    row with no marker, so the report exited 2; it is read, with a warning naming its line."""
    path = write_csv(
        "Site ID,Subject,Visit Date,Analyte,Result,Unit\n01,,,,,\n,001,2026-03-02,IL-6,1.2,pg/mL\n"
        "N/A,,,,,\n,002,2026-03-02,IL-6,1.3,pg/mL\n"
    )
    report = check_file(path)
    assert not report.rejected
    said = [(w.code, w.line, w.column, w.message) for w in report.warnings[1:]]
    assert said == [
        ("site-line-read", 2, "Site ID", "this line gives only a site, '01': the rows below it "
         "with a blank site are read as that site's"),
        ("site-line-read", 4, "Site ID", "this line gives only a site, 'N/A', which says none is "
         "known: the rows below it with a blank site are read with no site"),
    ]  # fmt: skip
    assert _patient_ids(path) == ["001 (site 01)", "002"]


def test_every_path_reads_a_line_of_a_site_alone_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_two_processes import every_path_alike

    from panelcli import split

    monkeypatch.setattr(split, "MIN_BYTES", 0)
    # a line of its site alone above each group of ten, or (where a part may start) its
    # first row with its site
    rows = [
        (f"{n // 10 % 3},,,,\n" if n % 20 == 0 else "")
        + f"{n // 10 % 3 if n % 20 == 10 else ''},S{n % 500},IL-6,{n % 9}.5,pg/mL\n"
        for n in range(2000)
    ]
    path = tmp_path / "sites.csv"
    path.write_text("Site ID,Specimen ID,Component,Result,Units\n" + "".join(rows))
    expected = every_path_alike(path)
    assert expected.count('"code":"site-line-read"') == 100
    assert '"sample_id":"S11 (site 1)"' in expected and "marker-missing" not in expected


@pytest.mark.parametrize(
    ("line", "failed"),
    [
        ("QC Failed,No,,,,", False),
        ("Run Failed,No,,,,", False),
        ("Failed QC,Excluded,,,,", False),
        ("QC Fail Count,0,,,,", False),
        ("Run Invalid Reason,,,,,", False),
        ("Run QC,FAILED,,,,", True),
    ],
)
def test_a_lims_field_about_failures_is_no_site(tmp_path: Path, line: str, failed: bool) -> None:
    """Fifth review of lab QA round 18: in the site column, 'QC Failed,No' was read with its
    site ('QC Failed, No (site QC Failed)') and so said a failed run, and 'Run Invalid Reason'
    became the site of the rows below it."""
    path = tmp_path / "sites.csv"
    path.write_text(
        "Site ID,Subject,Visit Date,Analyte,Result,Unit\n01,001,2026-03-01,IL-6,1.2,pg/mL\n"
        f"{line}\n,002,2026-03-01,IL-6,1.5,pg/mL\n"
    )
    report = check_file(path)
    codes = {i.code for i in [*report.rejected, *report.warnings]}
    assert ("run-qc-failed" in codes) is failed and "site-line-read" not in codes
    assert "(site" not in " ".join(i.message for i in report.rejected)
    assert [p.patient_id for p in report.panels if p.results] == ["001 (site 01)", "002 (site 01)"]
