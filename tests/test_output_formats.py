"""`panelcli check --format json|ndjson|csv|fhir`: what scripts and other programs rely on."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.operationoutcome import OperationOutcome
from schema_check import assert_valid_ndjson, assert_valid_output
from typer.testing import CliRunner, Result

from panelcli.cli import app
from panelcli.models import NOTICE, Status
from panelcli.render.csv import COLUMNS

REPO = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p.name for p in (REPO / "samples").glob("*.csv"))
V3 = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
UCUM = "http://unitsofmeasure.org"


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    # Sources are reported as given; relative names keep outputs free of machine paths.
    monkeypatch.chdir(REPO)


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def check(sample: str, fmt: str, *extra: str) -> Result:
    return run("check", f"samples/{sample}", "--format", fmt, *extra)


def json_report(sample: str, *extra: str) -> dict[str, Any]:
    result = check(sample, "json", *extra)
    document = json.loads(result.stdout)
    assert_valid_output(document)
    return document


def all_results(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for panel in document["panels"] for r in panel["results"]]


def write_csv(tmp_path: Path, rows: list[str]) -> str:
    path = tmp_path / "results.csv"
    path.write_text("sample_id,patient_id,collected_at,marker,value,unit\n" + "\n".join(rows))
    return str(path)


# --- json -----------------------------------------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLES)
def test_json_of_every_sample_validates_against_the_published_schema(sample: str) -> None:
    document = json_report(sample)
    assert document["schema_version"] == "1"
    assert document["notice"] == NOTICE


def test_the_published_schemas_require_the_notice() -> None:
    """A script can check the promise 'every output carries the notice' with the schema: a
    document or last NDJSON line without it (or any other field) does not match."""
    document = json_report(SAMPLES[0])
    for field in ("notice", "schema_version"):
        with pytest.raises(jsonschema.ValidationError, match=f"'{field}' is a required"):
            assert_valid_output({k: v for k, v in document.items() if k != field})
    last = json.loads(check(SAMPLES[0], "ndjson").stdout.splitlines()[-1])
    del last["notice"]
    with pytest.raises(jsonschema.ValidationError):
        assert_valid_ndjson(json.dumps(last) + "\n")


def test_the_published_schemas_require_a_count_for_every_status() -> None:
    """'.by_status.low' is 0 where none are low, never missing: the schema says so for the
    totals and each panel, while a status added later would still match."""
    document = json_report(SAMPLES[0])
    for holder in (document["totals"], document["panels"][0]["summary"]):
        counts = holder["by_status"]
        assert set(counts) == {status.value for status in Status}
        del counts["low"]
        with pytest.raises(jsonschema.ValidationError, match="'low' is a required"):
            assert_valid_output(document)
        counts["low"] = 0
    document["totals"]["by_status"]["added_later"] = 0
    assert_valid_output(document)
    last = json.loads(check(SAMPLES[0], "ndjson").stdout.splitlines()[-1])
    assert_valid_ndjson(json.dumps(last) + "\n")
    del last["totals"]["by_status"]["critical"]
    with pytest.raises(jsonschema.ValidationError):  # (its message names no field: anyOf)
        assert_valid_ndjson(json.dumps(last) + "\n")


def test_the_published_schemas_take_fields_added_later() -> None:
    """QA: every object said additionalProperties: false, so a schema saved by a script
    refused the output of a release that added a field, as README says releases may."""
    published = {
        which: json.loads(CliRunner().invoke(app, ["schema", which]).stdout)
        for which in ("output", "ndjson")
    }
    document = json_report(SAMPLES[0])
    document["added_later"] = 1
    document["panels"][0]["results"][0]["added_later"] = 1
    jsonschema.validate(document, published["output"])
    line = json.loads(check(SAMPLES[0], "ndjson").stdout.splitlines()[0])
    jsonschema.validate({**line, "added_later": 1}, published["ndjson"])
    ranges = json.loads(CliRunner().invoke(app, ["schema", "ranges"]).stdout)
    assert ranges["additionalProperties"] is False  # input: an unknown key is a typo


# --- ndjson ---------------------------------------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLES)
def test_ndjson_carries_the_same_results_issues_and_totals_as_json(sample: str) -> None:
    document = json_report(sample)
    result = check(sample, "ndjson")
    lines = assert_valid_ndjson(result.stdout)
    *body, end = lines
    results = [line for line in body if "status" in line]
    rejected = [line["rejected"] for line in body if "rejected" in line]
    warnings = [line["warning"] for line in body if "warning" in line]
    assert len(results) + len(rejected) + len(warnings) == len(body)

    def order(r: dict[str, Any]) -> tuple[str, int, str]:
        return (r["source"], r["line"], r["column"] or "")

    assert sorted(results, key=order) == sorted(all_results(document), key=order)
    assert rejected == document["rejected"]
    assert warnings == document["warnings"]
    assert end == {
        "notice": NOTICE,
        "synthetic_sources": document["synthetic_sources"],  # the sample's, as JSON's
        "reference_set": document["reference_set"],
        "totals": document["totals"],
        "schema_version": "1",
        "panelcli_version": document["panelcli_version"],  # the release, as JSON's
    }


def test_ndjson_writes_rejections_and_warnings_as_wrapped_lines() -> None:
    lines = assert_valid_ndjson(check("bad-rows.csv", "ndjson").stdout)
    codes = [line["rejected"]["code"] for line in lines if "rejected" in line]
    assert codes == ["value-not-a-number", "value-negative", "marker-missing", "unit-molar"]
    assert lines[1] == {
        "rejected": {
            "severity": "error", "code": "value-not-a-number", "source": "samples/bad-rows.csv",
            "line": 4, "column": "value", "sample_id": "SYN-X-01", "patient_id": "SYNTH-007",
            "collected_at": "2026-08-09", "marker": "TNF-α",
            "message": "value 'abc' is not a number",
        }
    }  # fmt: skip
    messy = assert_valid_ndjson(check("messy-export.csv", "ndjson").stdout)
    assert [line["warning"]["code"] for line in messy if "warning" in line] == ["encoding-fallback"]


def test_every_result_line_repeats_its_sample_fields() -> None:
    lines = assert_valid_ndjson(check("serial-monitoring.csv", "ndjson").stdout)
    results = [line for line in lines if "status" in line]
    assert {(r["sample_id"], r["collected_at"]) for r in results} >= {
        ("SYN-M-01", "2026-07-01"),
        ("SYN-M-03", "2026-07-03"),
    }
    assert all(r["patient_id"] == "SYNTH-006" and r["source"] for r in results)


@pytest.mark.parametrize("sample", SAMPLES)
@pytest.mark.parametrize("fail_on", ["abnormal", "critical", "never"])
def test_streamed_formats_exit_like_json(sample: str, fail_on: str) -> None:
    expected = check(sample, "json", "--fail-on", fail_on).exit_code
    for fmt in ("ndjson", "csv", "fhir", "table"):
        assert check(sample, fmt, "--fail-on", fail_on).exit_code == expected, fmt


def test_exit_codes_follow_the_documented_rules() -> None:
    assert check("all-in-range.csv", "ndjson").exit_code == 0
    assert check("cytokine-storm.csv", "ndjson").exit_code == 1
    assert check("cytokine-storm.csv", "ndjson", "--fail-on", "never").exit_code == 0
    # indeterminate results never count; a rejected row wins even with --fail-on never
    assert check("bad-rows.csv", "csv", "--fail-on", "never").exit_code == 2


def test_streamed_output_of_unreadable_files_is_nothing_but_one_line_each_on_stderr() -> None:
    for fmt in ("ndjson", "csv"):
        result = run("check", "missing-1.csv", "missing-2.csv", "--format", fmt)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr.splitlines() == [
            "panelcli: missing-1.csv: no such file",
            "panelcli: missing-2.csv: no such file",
        ]


def test_an_unreadable_file_next_to_a_readable_one_is_a_rejected_line() -> None:
    result = run("check", "missing.csv", "samples/all-in-range.csv", "--format", "ndjson")
    lines = assert_valid_ndjson(result.stdout)
    assert lines[0] == {
        "rejected": {
            "severity": "error", "code": "file-unreadable", "source": "missing.csv",
            "line": None, "column": None, "sample_id": None, "patient_id": None,
            "collected_at": None, "marker": None, "message": "no such file",
        }
    }  # fmt: skip
    assert lines[-1]["totals"]["rejected"] == 1
    assert result.exit_code == 2


# --- csv ------------------------------------------------------------------------------------


def read_csv(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


def test_csv_has_one_flat_row_per_result_then_issues_then_the_notice() -> None:
    document = json_report("bad-rows.csv")
    rows = read_csv(check("bad-rows.csv", "csv").stdout)
    results = [r for r in rows if r["status"] not in {"rejected", "warning", "notice"}]
    assert len(results) == document["totals"]["results"]
    il6 = next(r for r in results if r["marker"] == "IL-6")
    assert il6 == {
        "source": "samples/bad-rows.csv", "line": "3", "column": "value",
        "sample_id": "SYN-X-01", "patient_id": "SYNTH-007", "collected_at": "2026-08-09",
        "marker": "IL-6", "marker_as_written": "IL-6", "value": "3.9", "comparator": "",
        "unit": "pg/mL", "original_value": "3.9", "original_unit": "pg/mL", "status": "high",
        "flag": "H", "flags": "H", "times_upper_limit": "1.56", "reference_low": "",
        "reference_high": "2.5", "reference_origin": "set", "note": "", "issue_code": "",
        "reference_text": "≤ 2.5 pg/mL", "reference_critical_low": "",
        "reference_critical_high": "", "reference_critical_low_origin": "",
        "reference_critical_high_origin": "", "category": "pro-inflammatory",
        "reference_low_exclusive": "", "reference_high_exclusive": "false",
        "reference_source": "ARUP 3002601 Cytokine Panel 13 Analytes, Plasma - multiplex bead; "
        "<=2.5 pg/mL",
    }  # fmt: skip
    rejected = [r for r in rows if r["status"] == "rejected"]
    assert [(r["line"], r["issue_code"], r["note"]) for r in rejected] == [
        (str(i["line"]), i["code"], i["message"]) for i in document["rejected"]
    ]
    assert rows[-1]["status"] == "notice"
    # the consult notice last, as in every format (educator QA round 7)
    assert rows[-1]["note"].endswith(NOTICE)
    # the set's file exactly, as JSON names it (QA: the name and version alone), and the
    # release (developer QA round 7)
    sha256 = document["reference_set"]["sha256"]
    assert rows[-1]["note"].startswith(
        f"Reference set: arup-3002601 version 2026.11 (sha256 {sha256}); panelcli "
        f"{document['panelcli_version']}."
    )


def test_csv_joins_flags_with_a_space_and_keeps_comparators() -> None:
    rows = read_csv(check("below-detection.csv", "csv").stdout)
    il1 = next(r for r in rows if r["marker"] == "IL-1β")
    assert (il1["comparator"], il1["flags"], il1["original_value"]) == ("<", "< N", "<0.6")


def test_csv_neutralises_cells_a_spreadsheet_would_execute(tmp_path: Path) -> None:
    source = write_csv(
        tmp_path,
        [
            '"=HYPERLINK(""http://x"",""y"")",@SUM(A1),2026-01-01,IL-6,3.0,pg/mL',
            "+cmd|' /C calc'!A0,-12,2026-01-01,IL-6,3.0,pg/mL",
            "S-3,P-3,2026-01-01,-IL6+1,2.0,pg/mL",
        ],
    )
    result = run("check", source, "--format", "csv")
    rows = read_csv(result.stdout)
    assert rows[0]["sample_id"] == '\'=HYPERLINK("http://x","y")'
    assert rows[0]["patient_id"] == "'@SUM(A1)"
    assert rows[1]["sample_id"] == "'+cmd|' /C calc'!A0"
    assert rows[1]["patient_id"] == "-12"  # a plain number is left alone
    assert rows[2]["marker"] == "'-IL6+1"
    assert rows[2]["status"] == "no_reference"
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell


def test_csv_writes_the_source_of_standard_input_as_a_plain_dash() -> None:
    data = (REPO / "samples" / "bad-rows.csv").read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "-", "--format", "csv"], input=data)
    rows = read_csv(result.stdout)
    assert {r["source"] for r in rows if r["status"] != "notice"} == {"-"}
    assert {r["status"] for r in rows} >= {"rejected", "notice"}
    # The same source as the other formats give.
    ndjson = CliRunner().invoke(app, ["check", "-", "--format", "ndjson"], input=data).stdout
    assert json.loads(ndjson.splitlines()[0])["source"] == "-"


# --- fhir -----------------------------------------------------------------------------------


def fhir(sample: str, *extra: str) -> tuple[dict[str, Any], Bundle]:
    result = check(sample, "fhir", *extra)
    document = json.loads(result.stdout)
    return document, Bundle.model_validate(document)


def observations(bundle: Bundle) -> list[Observation]:
    return [e.resource for e in bundle.entry if isinstance(e.resource, Observation)]


@pytest.mark.parametrize("sample", SAMPLES)
def test_fhir_of_every_sample_parses_as_an_r4b_bundle(sample: str) -> None:
    document, bundle = fhir(sample)
    report = json_report(sample)
    assert bundle.type == "collection"
    found = observations(bundle)
    assert len(found) == report["totals"]["results"]
    assert all(o.status == "final" for o in found)
    assert all(o.note[-1].text == NOTICE for o in found)
    urls = [e["fullUrl"] for e in document["entry"]]
    assert len(set(urls)) == len(urls)


def test_fhir_observation_carries_loinc_ucum_interpretation_range_and_identifiers() -> None:
    document, bundle = fhir("cytokine-storm.csv")
    il6 = next(o for o in observations(bundle) if o.code.text == "IL-6")
    assert [(c.system, c.code) for c in il6.code.coding] == [("http://loinc.org", "26881-3")]
    quantity = il6.valueQuantity
    assert (quantity.system, quantity.code, quantity.unit) == (UCUM, "pg/mL", "pg/mL")
    assert (quantity.comparator, float(quantity.value)) == (">", 1000.0)  # written '>1000'
    assert [(c.coding[0].system, c.coding[0].code) for c in il6.interpretation] == [
        (V3, ">"),
        (V3, "H"),
    ]
    assert il6.referenceRange[0].high.value == 2.5
    assert il6.referenceRange[0].low is None
    sha256 = json_report("cytokine-storm.csv")["reference_set"]["sha256"]
    assert il6.referenceRange[0].text == (  # which file judged, exactly (QA: its name alone)
        f"≤ 2.5 pg/mL (reference set arup-3002601 version 2026.11, sha256 {sha256})"
    )
    assert il6.subject.identifier.value == "SYNTH-003"
    assert il6.specimen.identifier.value == "SYN-S-01"
    il2 = next(o for o in observations(bundle) if o.code.text == "IL-2")
    assert il2.code.coding is None  # the ranges file gives no LOINC code for IL-2
    # '2026-05-20T06:30' has no seconds and no zone: FHIR gets the date, and a note says so
    raw = next(e["resource"] for e in document["entry"] if e["resource"]["code"]["text"] == "IL-6")
    assert raw["effectiveDateTime"] == "2026-05-20"
    assert "without a time zone" in il6.note[0].text


def test_fhir_censored_values_keep_their_comparator_and_off_scale_code() -> None:
    _, bundle = fhir("below-detection.csv")
    by_marker = {o.code.text: o for o in observations(bundle)}
    il10 = by_marker["IL-10"]
    assert (il10.valueQuantity.comparator, il10.valueQuantity.value) == ("<", 2.0)
    assert [c.coding[0].code for c in il10.interpretation] == ["<", "N"]
    assert by_marker["IL-12"].valueQuantity.comparator == "<="
    tnf = by_marker["TNF-α"]  # 'ND' with no detection limit: no number to send
    assert tnf.valueQuantity is None
    assert tnf.valueString == "ND"
    assert [c.coding[0].code for c in tnf.interpretation] == ["<", "IND"]


def test_fhir_writes_a_day_month_year_date_in_iso_and_says_so() -> None:
    """'14.09.2026' was left out as 'not a date FHIR accepts', though every other output reads
    it as one certain date (QA)."""
    document, bundle = fhir("messy-export.csv")
    resources = [e["resource"] for e in document["entry"]]
    dated = [r for r in resources if r["resourceType"] == "Observation"]
    assert dated and all(r["effectiveDateTime"] == "2026-09-14" for r in dated)
    il8 = next(o for o in observations(bundle) if o.code.text == "IL-8")
    assert "as '14.09.2026'; effectiveDateTime holds it as 2026-09-14." in il8.note[0].text
    assert (il8.valueQuantity.value, il8.valueQuantity.code) == (21.0, "pg/mL")


def test_fhir_keeps_a_valid_date_time_and_codes_other_units(tmp_path: Path) -> None:
    source = write_csv(tmp_path, ["S-1,P-1,2026-03-02T08:15:00+01:00,CRP,12.0,mg/L"])
    result = run("check", source, "--ranges", "mayo-adult", "--format", "fhir")
    document = json.loads(result.stdout)
    (obs,) = observations(Bundle.model_validate(document))
    assert document["entry"][0]["resource"]["effectiveDateTime"] == "2026-03-02T08:15:00+01:00"
    assert (obs.valueQuantity.system, obs.valueQuantity.code) == (UCUM, "mg/L")
    assert obs.code.coding[0].code == "1988-5"
    assert obs.referenceRange[0].high.code == "mg/L"
    assert [n.text for n in obs.note] == [f"From {source}, line 2", NOTICE]


def test_fhir_names_each_result_s_file_as_the_other_formats_do(tmp_path: Path) -> None:
    """QA: S1 of labA.csv and S1 of labB.csv (two panels, two patients) were two Observations
    whose specimen was 'S1' alike, with no file named anywhere in the bundle."""
    paths = []
    for name, patient in (("labA.csv", "P1"), ("labB.csv", "P2")):
        path = tmp_path / name
        path.write_text(
            f"sample_id,patient_id,marker,value,unit\nS1,{patient},IL-6,4.2,pg/mL\n",
            encoding="utf-8",
        )
        paths.append(str(path))
    bundle = Bundle.model_validate(json.loads(run("check", *paths, "--format", "fhir").stdout))
    said = [(o.specimen.display, o.note[-2].text) for o in observations(bundle)]
    assert said == [(f"S1 from {p}", f"From {p}, line 2") for p in paths]  # as given (QA)
    piped = CliRunner().invoke(app, ["check", "-", "-f", "fhir"], input=Path(paths[0]).read_text())
    (from_stdin,) = observations(Bundle.model_validate(json.loads(piped.stdout)))
    assert from_stdin.specimen.display == "S1 from standard input"  # review: 'S1 from -'
    assert from_stdin.note[-2].text == "From standard input, line 2"


def test_fhir_gives_no_specimen_id_for_a_wide_row_named_by_its_line(tmp_path: Path) -> None:
    """QA: a wide row with a blank sample id, called 'line 3' in every format, went to FHIR as
    the specimen identifier 'line 3', as if the lab had given it."""
    path = tmp_path / "wide.csv"
    path.write_text("Sample ID,IL-6 (pg/mL)\nA1,4.2\n,1.0\n", encoding="utf-8")
    bundle = Bundle.model_validate(json.loads(run("check", str(path), "--format", "fhir").stdout))
    named, unnamed = observations(bundle)
    assert named.specimen is not None and named.specimen.display == f"A1 from {path}"
    assert unnamed.specimen is None
    assert unnamed.note[0].text == (
        "The file gives no sample id for this row; panelcli calls it 'line 3'."
    )


def test_fhir_critical_values_get_hh_and_ll(tmp_path: Path) -> None:
    ranges = tmp_path / "lab.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "ng/L"\nlow = 1.0\nhigh = 7.0\ncritical_low = 0.5\n'
        "critical_high = 500\n"
    )
    source = write_csv(tmp_path, ["S-1,P-1,2026-03-02,IL-6,600,pg/mL", "S-2,P-1,2026,IL6,0.2,ng/L"])
    result = run("check", source, "--ranges", str(ranges), "--format", "fhir")
    document = json.loads(result.stdout)
    high, low = observations(Bundle.model_validate(document))
    assert [c.coding[0].code for c in high.interpretation] == ["HH"]
    assert high.interpretation[0].coding[0].display == "Critical high"
    assert [c.coding[0].code for c in low.interpretation] == ["LL"]
    assert (high.valueQuantity.code, high.referenceRange[0].low.code) == ("ng/L", "ng/L")
    assert document["entry"][1]["resource"]["effectiveDateTime"] == "2026"  # a year is valid
    assert result.exit_code == 1


def test_fhir_puts_rejected_rows_in_an_operation_outcome_not_in_observations() -> None:
    _, bundle = fhir("bad-rows.csv")
    outcome = bundle.entry[-1].resource
    assert isinstance(outcome, OperationOutcome)
    errors = [i for i in outcome.issue if i.severity == "error"]
    assert [i.diagnostics.split(" ")[0] for i in errors] == [
        "value-not-a-number", "value-negative", "marker-missing", "unit-molar",
    ]  # fmt: skip
    assert errors[0].details.text == "value 'abc' is not a number"
    assert "line 4" in errors[0].diagnostics
    assert outcome.issue[-1].severity == "information"
    assert outcome.issue[-1].diagnostics == NOTICE
    assert len(observations(bundle)) == 3


def test_fhir_output_is_the_same_on_every_run() -> None:
    assert (
        check("serial-monitoring.csv", "fhir").stdout
        == check("serial-monitoring.csv", "fhir").stdout
    )


def full_urls(stdout: str) -> list[str]:
    return [e["fullUrl"] for e in json.loads(stdout)["entry"]]


def test_fhir_full_urls_are_unique_when_the_same_file_is_given_twice() -> None:
    once = full_urls(check("all-in-range.csv", "fhir").stdout)
    twice = run("check", *["samples/all-in-range.csv"] * 2, "--format", "fhir").stdout
    urls = full_urls(twice)
    assert len(urls) == 2 * len(once) + 1  # and an OperationOutcome: 'file-repeated'
    assert len(set(urls)) == len(urls)  # FHIR rule bdl-7
    # The first copy keeps the ids it has when the file is given once.
    assert urls[: len(once)] == once
    assert len(observations(Bundle.model_validate_json(twice))) == 2 * len(once)


def test_fhir_full_urls_do_not_depend_on_how_the_path_was_typed(tmp_path: Path) -> None:
    """`./a.csv` and `a.csv` gave other ids (found in review): a server would store both."""
    copied = tmp_path / "all-in-range.csv"
    copied.write_bytes((REPO / "samples" / "all-in-range.csv").read_bytes())
    typed = [
        "samples/all-in-range.csv",
        "./samples/all-in-range.csv",
        str(REPO / "samples" / "all-in-range.csv"),
        str(copied),
    ]
    found = [full_urls(run("check", path, "--format", "fhir").stdout) for path in typed]
    assert found[0] and all(urls == found[0] for urls in found)


def stdin_fhir(rows: str) -> str:
    data = "sample_id,patient_id,collected_at,marker,value,unit\n" + rows
    result = CliRunner().invoke(app, ["check", "-", "--format", "fhir"], input=data)
    assert result.exit_code in (0, 1, 2), result.stderr  # 2: a rejected row
    return result.stdout


@pytest.mark.parametrize(
    "other",
    [
        "S9,P1,2026-01-01,IL-6,1,pg/mL",  # sample id
        "S1,P9,2026-01-01,IL-6,1,pg/mL",  # patient id
        "S1,P1,2026-01-09,IL-6,1,pg/mL",  # date
        "S1,P1,2026-01-01,IL-6,900,pg/mL",  # value
        "S1,P1,2026-01-01,IL-6,1.0,pg/mL",  # value as written
        "S1,P1,2026-01-01,IL-6,1,ng/L",  # unit
    ],
)
def test_fhir_full_urls_differ_when_the_content_differs(other: str) -> None:
    first = full_urls(stdin_fhir("S1,P1,2026-01-01,IL-6,1,pg/mL"))
    assert not set(first) & set(full_urls(stdin_fhir(other)))


def test_fhir_full_urls_are_the_same_for_the_same_input_in_separate_runs() -> None:
    rows = "S1,P1,2026-01-01,IL-6,1,pg/mL\nS1,P1,2026-01-01,IL-6,abc,pg/mL"
    assert full_urls(stdin_fhir(rows)) == full_urls(stdin_fhir(rows))
    assert len(full_urls(stdin_fhir(rows))) == 2  # an Observation and an OperationOutcome


def test_fhir_operation_outcome_full_url_depends_on_the_messages() -> None:
    first = full_urls(stdin_fhir("S1,P1,2026-01-01,IL-6,abc,pg/mL"))
    assert first != full_urls(stdin_fhir("S1,P1,2026-01-01,IL-6,xyz,pg/mL"))


def literal_references(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["reference"]] if isinstance(node.get("reference"), str) else []
        return found + [r for value in node.values() for r in literal_references(value)]
    if isinstance(node, list):
        return [r for value in node for r in literal_references(value)]
    return []


@pytest.mark.parametrize("sample", SAMPLES)
def test_fhir_references_point_at_entries_of_the_bundle(sample: str) -> None:
    # Patient and Specimen are identifier references today; a literal one must resolve.
    document, _ = fhir(sample)
    urls = {e["fullUrl"] for e in document["entry"]}
    assert set(literal_references(document)) <= urls
    subjects = [o["subject"] for o in (e["resource"] for e in document["entry"]) if "subject" in o]
    assert all(set(s) == {"type", "identifier"} for s in subjects)


# --- help and schema ------------------------------------------------------------------------


def test_check_help_documents_formats_exit_codes_and_fail_on() -> None:
    text = " ".join(run("check", "--help").stdout.split())
    for words in (
        "table|json|ndjson|csv|fhir",
        "--output",
        "--force",
        "Exit codes: 0 nothing flagged; 1 at least one result flagged (see --fail-on)",
        "2 usage error, unreadable file, invalid ranges, output that cannot be written, or any "
        "rejected row",
        "--quiet prints nothing but sets the same code",
        "Example: panelcli check",
    ):
        assert words in text


def test_schema_ndjson_describes_each_kind_of_line() -> None:
    schema = json.loads(run("schema", "ndjson").stdout)
    assert len(schema["anyOf"]) == 4


def test_ranges_show_offers_only_the_formats_it_has() -> None:
    result = run("ranges", "show", "--format", "csv")
    assert result.exit_code == 2
    assert run("ranges", "show", "--format", "json").exit_code == 0


def test_the_json_document_written_in_pieces_is_model_dump_json(tmp_path: Path) -> None:
    """Panel by panel, for memory; the text must not change by a byte (quotes, unicode, nesting)."""
    from panelcli.check import check_files
    from panelcli.render.json_document import report_json_pieces

    odd = tmp_path / "odd.csv"
    odd.write_text(
        'sample_id,marker,value,unit\n"a ""q""\n[x]",IL-6,12,pg/mL\nβ,"TNF-α",<2.0,pg/mL\n'
        '"  panels: [],",IL-10,abc,pg/mL\n',
        encoding="utf-8",
    )
    samples = sorted(str(p) for p in (REPO / "samples").glob("*.csv"))
    for files in ([str(odd)], samples, [str(tmp_path / "missing.csv")]):
        report = check_files(files)
        assert "".join(report_json_pieces(report)) == report.model_dump_json(indent=2)
    # trend by trend too (benchmark: the trends, a point per result, were one string)
    serial = tmp_path / "serial.csv"
    serial.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        + "".join(
            f"S{p}{d},P{p},2026-0{d}-01,IL-6,{p + d},pg/mL\n" for p in (1, 2) for d in (1, 2)
        ),
        encoding="utf-8",
    )
    report = check_files([str(serial)])
    assert len(report.trends) == 2
    pieces = list(report_json_pieces(report))
    assert "".join(pieces) == report.model_dump_json(indent=2)
    assert max(piece.count('"markers"') for piece in pieces) == 1


def test_fhir_names_the_set_beside_a_labs_range_and_where_nothing_was_judged(
    tmp_path: Path,
) -> None:
    """QA: judged by the lab's '0-7' and the set's critical limit (HH), the Observation's range
    said only 'the lab's range', and a bundle of only rejected or unjudged rows named no set:
    the other formats all name it."""
    ranges = tmp_path / "crit.toml"
    ranges.write_text(
        '[set]\nname = "crit-lab"\nversion = "1"\n[markers."IL-6"]\nunit = "pg/mL"\n'
        'high = 2.5\ncritical_high = 100\nsource = "test set"\n',
        encoding="utf-8",
    )
    data = tmp_path / "lab.csv"
    data.write_text(
        "sample_id,marker,value,unit,reference_range\nS1,IL-6,150,pg/mL,0-7\n", encoding="utf-8"
    )
    done = CliRunner().invoke(app, ["check", str(data), "-r", str(ranges), "-f", "fhir"])
    bundle = Bundle.model_validate(json.loads(done.stdout))
    (found,) = observations(bundle)
    # self-review: the critical limit is the set's, and the text says so
    assert found.referenceRange[0].text.startswith(
        "0 - 7 pg/mL, critical ≥ 100 (the lab's range with the critical high limit of reference "
        "set crit-lab version 1, sha256 "
    )
    data.write_text(
        # (its unit given: a unitless range 240 times the set's is in doubt, not used)
        "sample_id,marker,value,unit,reference_range\nS1,IL-6,50,pg/mL,0-600 pg/mL\n",
        encoding="utf-8",
    )  # a range taking in the set's critical limit: the lab's alone
    done = CliRunner().invoke(app, ["check", str(data), "-r", str(ranges), "-f", "fhir"])
    (found,) = observations(Bundle.model_validate(json.loads(done.stdout)))
    assert found.referenceRange[0].text.startswith(
        "0 - 600 pg/mL (the lab's range, judged with reference set crit-lab version 1, sha256 "
    )
    data.write_text("sample_id,marker,value,unit\nS1,IL-99,150,pg/mL\nS2,IL-6,x,pg/mL\n")
    done = CliRunner().invoke(app, ["check", str(data), "-r", str(ranges), "-f", "fhir"])
    bundle = Bundle.model_validate(json.loads(done.stdout))
    (unjudged,) = observations(bundle)
    assert any(
        n.text.startswith("Reference set: crit-lab version 1, sha256 ") for n in unjudged.note
    )
    (outcome,) = [e.resource for e in bundle.entry if isinstance(e.resource, OperationOutcome)]
    said = [issue.diagnostics or "" for issue in outcome.issue]
    assert any(d.startswith("Reference set: crit-lab version 1, sha256 ") for d in said)


def test_fhir_gives_a_preliminary_or_corrected_results_status(tmp_path: Path) -> None:
    """QA: both were sent as 'final', their status only in the OperationOutcome, where a
    clinical system importing the bundle stores a preliminary value as final."""
    data = tmp_path / "lis.csv"
    data.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit,result_status\n"
        "Q-1,P-50,2026-03-02,IL-6,4.2,pg/mL,P\nQ-1,P-50,2026-03-02,IL-10,6,pg/mL,C\n"
        "Q-1,P-50,2026-03-02,IL-8,6,pg/mL,F\nQ-1,P-50,2026-03-02,TNF-α,6,pg/mL,Zwischenstand\n",
        encoding="utf-8",
    )
    done = CliRunner().invoke(app, ["check", str(data), "-f", "fhir"])
    found = observations(Bundle.model_validate(json.loads(done.stdout)))
    # QA: a status panelcli cannot read was sent on as final too ('Unverified' was such a
    # one; it is preliminary now: review of lab QA round 8)
    assert [o.status for o in found] == ["preliminary", "corrected", "final", "unknown"]
    assert found[0].note is not None and any(
        n.text == "The lab's result status says this result is preliminary." for n in found[0].note
    )


def test_a_critical_results_limit_is_shown_in_every_format(tmp_path: Path) -> None:
    """QA: a critical IL-6 showed its critical limit in JSON only: the table's Range, CSV's
    reference_text, FHIR's range text and the summary gave none, so no one could see why it
    was called critical."""
    ranges = tmp_path / "crit.toml"
    ranges.write_text(
        '[set]\nname = "crit-demo"\nversion = "1"\n[markers."IL-6"]\nunit = "pg/mL"\n'
        'high = 7.0\ncritical_high = 100.0\nsource = "demo"\n',
        encoding="utf-8",
    )
    data = tmp_path / "crit.csv"
    data.write_text("sample_id,marker,value,unit\nK-3,IL-6,100,pg/mL\n", encoding="utf-8")

    def run(*options: str) -> str:
        return (
            CliRunner()
            .invoke(app, ["check", str(data), "-r", str(ranges), *options], env={"COLUMNS": "160"})
            .stdout
        )

    table = run()
    assert "│ ≤ 7, critical ≥ 100 │" in table
    assert "IL-6 is at or above the critical limit of 100 pg/mL." in table
    [row] = [r for r in csv.DictReader(io.StringIO(run("-f", "csv"))) if r["marker"]]
    assert row["reference_text"] == "≤ 7 pg/mL, critical ≥ 100"
    (found,) = observations(Bundle.model_validate(json.loads(run("-f", "fhir"))))
    assert found.referenceRange[0].text.startswith("≤ 7 pg/mL, critical ≥ 100 (reference set")


def test_fhir_gives_each_marker_of_a_wide_row_its_own_status(tmp_path: Path) -> None:
    """QA: a wide row's own status columns ('IL-8 Status' P) gave every marker of the row the
    status, IL-6 'F' sent as preliminary; a status for the whole row still goes to each."""
    data = tmp_path / "wide.csv"
    data.write_text(
        "Sample ID,IL-6 (pg/mL),IL-6 Status,IL-8 (pg/mL),IL-8 Status\nS1,45,F,5,P\nS2,45,,5,C\n",
        encoding="utf-8",
    )
    done = CliRunner().invoke(app, ["check", str(data), "-f", "fhir"])
    found = observations(Bundle.model_validate(json.loads(done.stdout)))
    assert [o.status for o in found] == ["final", "preliminary", "final", "corrected"]
    data.write_text(
        "Sample ID,Result Status,IL-6 (pg/mL),IL-8 (pg/mL)\nS1,P,45,5\n", encoding="utf-8"
    )
    done = CliRunner().invoke(app, ["check", str(data), "-f", "fhir"])
    assert [o.status for o in observations(Bundle.model_validate(json.loads(done.stdout)))] == [
        "preliminary", "preliminary",
    ]  # fmt: skip


def test_csv_gives_the_critical_limits_and_whose_each_is(tmp_path: Path) -> None:
    """JSON said whose a critical limit is (the set's or the lab's in the file); CSV had only
    reference_text, so a spreadsheet could not filter on it. Both paths: a plain row (the
    short path) and one with the lab's critical limit (the general path)."""
    ranges = tmp_path / "crit.toml"
    ranges.write_text(
        '[set]\nname = "crit-demo"\nversion = "1"\n[markers."IL-6"]\nunit = "pg/mL"\n'
        'high = 7.0\ncritical_high = 100.0\nsource = "demo"\n'
        '[markers."IL-8"]\nunit = "pg/mL"\nhigh = 5.0\nsource = "demo"\n',
        encoding="utf-8",
    )
    data = tmp_path / "crit.csv"
    data.write_text(
        "sample_id,marker,value,unit,Critical Low,Critical High\n"
        "K-3,IL-6,120,pg/mL,,\nK-4,IL-6,60,pg/mL,,50\nK-4,IL-8,3,pg/mL,,\n",
        encoding="utf-8",
    )
    done = CliRunner().invoke(app, ["check", str(data), "-r", str(ranges), "-f", "csv"])
    rows = [r for r in csv.DictReader(io.StringIO(done.stdout)) if r["marker"]]
    assert list(rows[0])[-8:] == [
        "reference_critical_low", "reference_critical_high",
        "reference_critical_low_origin", "reference_critical_high_origin", "category",
        "reference_low_exclusive", "reference_high_exclusive", "reference_source",
    ]  # fmt: skip
    assert [
        (r["status"], r["reference_critical_low"], r["reference_critical_high"],
         r["reference_critical_low_origin"], r["reference_critical_high_origin"])
        for r in rows
    ] == [
        ("critical", "", "100.0", "", "set"),
        ("critical", "", "50.0", "", "file"),
        ("normal", "", "", "", ""),
    ]  # fmt: skip
    notice = read_csv(done.stdout)[-1]
    assert notice["status"] == "notice" and notice["reference_critical_high"] == ""


def test_fhir_says_which_limits_of_a_lab_range_are_the_set_s(tmp_path: Path) -> None:
    """Review: 'the lab's range with limits from reference set …' said neither which limits
    nor whether range or critical limits; the text now names each (as reference.source)."""
    ranges = tmp_path / "j.toml"
    ranges.write_text(
        '[set]\nname = "j"\nversion = "1"\n[markers."IL-6"]\nunit = "pg/mL"\nlow = 0.5\n'
        'high = 2.5\ncritical_low = 0.1\ncritical_high = 100\nsource = "test set"\n',
        encoding="utf-8",
    )
    data = tmp_path / "j.csv"
    data.write_text(
        "sample_id,marker,value,unit,reference_range,Critical Low\n"
        "S1,IL-6,150,pg/mL,>= 1,\nS2,IL-6,150,pg/mL,0.5-7,0.2\n",
        encoding="utf-8",
    )
    done = CliRunner().invoke(app, ["check", str(data), "-r", str(ranges), "-f", "fhir"])
    texts = [
        o.referenceRange[0].text for o in observations(Bundle.model_validate_json(done.stdout))
    ]
    assert [t.split(" (", 1)[1].split(" version")[0] for t in texts] == [
        "the lab's range with the upper limit and the critical limits of reference set j",
        "the lab's range with the critical high limit of reference set j",
    ]
    assert texts[1].endswith(", and the lab's critical low limit printed in the file)")


def test_a_wide_marker_s_own_corrected_status_replaces_only_its_earlier_result(
    tmp_path: Path,
) -> None:
    """QA (carried): 'IL-6 Status' C was said to correct a result, but both IL-6 results were
    judged; once read, a row's one status must not make the row's other markers (status F)
    replace theirs too."""
    data = tmp_path / "wide.csv"
    data.write_text(
        "Sample ID,IL-6 (pg/mL),IL-6 Status,IL-8 (pg/mL),IL-8 Status\nS1,40,F,50,F\nS1,4,C,30,F\n",
        encoding="utf-8",
    )
    done = CliRunner().invoke(app, ["check", str(data), "-f", "ndjson"])
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    results = [(d["line"], d["marker"], d["value"]) for d in lines if "marker" in d]
    assert results == [(2, "IL-8", 50.0), (3, "IL-6", 4.0), (3, "IL-8", 30.0)]
    codes = [(d["warning"]["code"], d["warning"]["marker"]) for d in lines if "warning" in d]
    assert ("result-superseded", "IL-6") in codes and ("marker-repeated", "IL-8") in codes
    assert ("result-superseded", "IL-8") not in codes


def test_csv_gives_each_results_category_as_json_does() -> None:
    """Developer QA: JSON and NDJSON gave each result's category, CSV had no such column."""
    document = json_report("cytokine-storm.csv")
    rows = read_csv(check("cytokine-storm.csv", "csv").stdout)
    categories = [r["category"] for r in rows if r["status"] not in {"warning", "notice"}]
    expected = [r["category"] for p in document["panels"] for r in p["results"]]
    assert categories == expected and "pro-inflammatory" in categories
