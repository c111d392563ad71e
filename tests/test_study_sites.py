"""A study's site column read with each sample and patient id (lab QA round 16 #2: the same id
at two sites, two people, was one panel, 'high at the same time', and one trend)."""

from __future__ import annotations

from pathlib import Path

import pytest

from panelcli.check import CheckOptions, check_file


def test_the_same_sample_id_at_two_sites_is_two_panels(write_csv) -> None:
    path = write_csv(
        "Site,Sample ID,Analyte,Result,Units\nBoston,S001,IL-6,45.0,pg/mL\n"
        "Denver,S001,TNF-α,30.0,pg/mL\n"
    )
    report = check_file(path)
    assert [p.sample_id for p in report.panels] == ["S001 (site Boston)", "S001 (site Denver)"]
    assert not any("same time" in " ".join(p.summary.text) for p in report.panels)
    [said] = report.warnings
    assert (said.code, said.line, said.column) == ("ids-with-site", 1, "Site")
    assert "same sample or patient id at two sites can be two people" in said.message


def test_a_subject_number_restarting_at_each_site_makes_no_trend_across_sites(write_csv) -> None:
    path = write_csv(
        "Site,Subject,Visit Date,Analyte,Result,Unit\n01,001,2026-03-02,IL-6,1.2,pg/mL\n"
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
        "Centre,Sample ID,IL-6 (pg/mL),TNF-α (pg/mL)\nCentre A,S1,1.0,3.0\nCentre B,S1,40,3\n"
    )
    report = check_file(path)
    # a site written with its own word keeps it
    assert [p.sample_id for p in report.panels] == ["S1 (Centre A)", "S1 (Centre B)"]


def test_what_names_no_patient_and_a_blank_site_keep_their_ids(write_csv) -> None:
    """A standard is known by its name, 'N/A' is no id, an id Excel rounded keeps its
    warning, and a row with no site keeps its id as written."""
    path = write_csv(
        "Site,Sample ID,Analyte,Result,Units\n01,Standard 1,IL-6,10,pg/mL\n01,N/A,IL-6,2.0,pg/mL\n"
        "01,1.23457E+11,IL-6,2.0,pg/mL\n,S9,IL-6,2.0,pg/mL\n"
    )
    report = check_file(path)
    assert [p.sample_id for p in report.panels] == [None, "1.23457E+11", "S9"]
    codes = {w.code for w in report.warnings}
    assert {"ids-with-site", "sample-id-rounded"} <= codes
    assert any("Standard 1" in w.message for w in report.warnings)


def test_a_site_column_beside_no_id_is_not_read(write_csv) -> None:
    path = write_csv("Site,Analyte,Result,Units\nBoston,IL-6,2.0,pg/mL\n")
    report = check_file(path)
    [ignored] = [w for w in report.warnings if w.column == "Site"]
    assert ignored.code == "column-ignored"


def test_every_path_reads_the_site_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One process, two processes and batches read the ids with their sites alike."""
    from test_two_processes import one_process, two

    from panelcli import split
    from panelcli.batches import read_batches
    from panelcli.ranges import load_ranges
    from panelcli.render.ndjson import ndjson_batch, ndjson_join, ndjson_texts

    monkeypatch.setattr(split, "MIN_BYTES", 0)
    rows = [f"{n % 3},S{n // 3},IL-6,{n % 9}.5,pg/mL\n" for n in range(2000)]
    path = tmp_path / "sites.csv"
    path.write_text("Site ID,Specimen ID,Component,Result,Units\n" + "".join(rows))
    expected = one_process(path, ndjson_texts, CheckOptions())
    assert '"sample_id":"S1 (site 2)"' in expected and '"code":"ids-with-site"' in expected
    assert "marker-repeated" not in expected
    assert two(path, ndjson_texts, CheckOptions()) == expected
    ranges = load_ranges(None)
    parts = [ndjson_batch(b, ranges) for b in read_batches(str(path), ranges, 300)]
    assert "".join(ndjson_join(parts, ranges.info)) == expected
