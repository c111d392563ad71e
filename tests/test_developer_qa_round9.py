"""A developer's ninth QA round: panelcli's outputs as scripts read them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.check import CheckOptions, Interpreter, check_file
from panelcli.cli import app
from panelcli.models import STATUS_UNREAD_NOTE, Result
from panelcli.ranges import load_ranges

runner = CliRunner()
STORM = str(Path(__file__).resolve().parent.parent / "samples" / "cytokine-storm.csv")

STATUSES = (
    "sample_id,marker,value,unit,result_status\nA1,IL-6,5,pg/mL,Draft\nA2,IL-6,6,pg/mL,Draft\n"
    "B1,IL-8,3,pg/mL,In progress\nB2,IL-8,4,pg/mL,In progress\nC1,IL-8,4,pg/mL,F\n"
)


@pytest.mark.parametrize("short_path", [True, False])
def test_each_result_of_a_status_panelcli_cannot_read_says_so(write_csv, short_path) -> None:
    """Developer QA round 9: 'Draft' on two rows gave one warning (once per status, as lab QA
    round 7 asked), and the second row's result had no word of it in any format."""
    path = write_csv(STATUSES)
    interpreter = Interpreter(load_ranges(None), CheckOptions(), short_path=short_path)
    events = list(interpreter.events([path]))
    notes = [(e.sample_id, e.note) for e in events if isinstance(e, Result)]
    assert notes == [
        ("A1", STATUS_UNREAD_NOTE), ("A2", STATUS_UNREAD_NOTE), ("B1", STATUS_UNREAD_NOTE),
        ("B2", STATUS_UNREAD_NOTE), ("C1", None),
    ]  # fmt: skip
    # the warning is still once a status
    warned = [(e.line, e.code) for e in events if not isinstance(e, Result)]
    assert warned == [(2, "result-status-unread"), (4, "result-status-unread")]


def test_fhir_sends_each_result_of_an_unread_status_as_unknown(write_csv) -> None:
    """Developer QA round 9: A2 and B2 (draft, in progress) went out as 'final'."""
    result = runner.invoke(app, ["check", write_csv(STATUSES), "--format", "fhir"])
    bundle = json.loads(result.stdout)
    statuses = [
        (e["resource"]["specimen"]["identifier"]["value"], e["resource"]["status"])
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "Observation"
    ]
    assert statuses == [
        ("A1", "unknown"), ("A2", "unknown"), ("B1", "unknown"), ("B2", "unknown"),
        ("C1", "final"),
    ]  # fmt: skip


def test_export_to_a_folder_it_cannot_write_in_stops_before_any_output(
    tmp_path, monkeypatch
) -> None:
    """Developer QA round 9: the whole JSON went to stdout, then 'cannot write', exit 2."""
    import tempfile

    def refused(*args: object, **kwargs: object) -> object:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(tempfile, "TemporaryFile", refused)
    page = tmp_path / "r.html"
    result = runner.invoke(app, ["check", STORM, "-f", "json", "--export", str(page)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"panelcli: cannot write '{page}': Read-only file system\n"
    assert not page.exists()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["-f", "ndjson"], "out of memory: this run streams its results in flat memory, but "
         "panelcli itself needs about 50 MB"),
        (["-f", "csv"], "out of memory: this run streams"),
        (["-f", "json"], "out of memory: --format json holds the whole report; for big files "
         "use --format ndjson or csv"),
        (["-f", "fhir"], "out of memory: --format fhir holds the whole report"),
        (["-f", "ndjson", "--export", "{tmp}/r.html"], "out of memory: --export holds the "
         "whole report; leave it out for big files: --format ndjson alone streams"),
        # developer QA round 13: the table was told json and fhir held the report
        ([], "out of memory: the table holds the whole report (past 1,000 results, a line per "
         "sample)"),
    ],
)  # fmt: skip
def test_out_of_memory_advises_streaming_only_where_the_run_does_not(
    monkeypatch, tmp_path, args, said
) -> None:
    """Developer QA round 9: a 13-row NDJSON run was told to use --format ndjson."""
    import panelcli.ranges

    def no_memory(*args: object, **kwargs: object) -> None:
        raise MemoryError

    # load_ranges runs once the format is known: the message is chosen by it
    monkeypatch.setattr(panelcli.ranges, "load_ranges", no_memory)
    args = [arg.format(tmp=tmp_path) for arg in args]
    result = runner.invoke(app, ["check", STORM, *args])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"panelcli: {said}")


#: File names, and how validate's lines start with them
FILE_NAMES_SAID = {
    "x:3: y.csv": "'x:3: y.csv':4:", "run:10.csv": "run:10.csv:4:", "a:3": "'a:3':4:",
    "plain.csv": "plain.csv:4:",
}  # fmt: skip


@pytest.mark.parametrize(("name", "said"), FILE_NAMES_SAID.items())
def test_validate_quotes_a_file_name_a_line_reader_would_misread(
    tmp_path, monkeypatch, name, said
) -> None:
    """Developer QA round 9: 'x:3: y.csv:4: value: error …' read as file 'x', line 3."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text("sample_id,marker,value,unit\nS1,IL-6,1,pg/mL\nS1,IL-8,2,pg/mL\n"
                                 "S1,TNF-a,abc,pg/mL\n")  # fmt: skip
    result = runner.invoke(app, ["validate", name])
    assert result.stdout.startswith(f"{said} value: error value-not-a-number")


@pytest.mark.parametrize("name", ["r.json.gz", "r.tsv", "r.xlsx", "r.ndjson.gz"])
def test_a_data_formats_name_panelcli_does_not_write_gets_a_note(tmp_path, name) -> None:
    """Developer QA round 9: '-o r.json.gz' wrote the text table, unsaid."""
    path = tmp_path / name
    result = runner.invoke(app, ["check", STORM, "-o", str(path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"panelcli: note: writing the table (text) to {path}: its name is not one panelcli "
        "writes (.json, .ndjson, .csv, .fhir.json, .fhir or .txt; none is compressed); give "
        "--format to choose\n"
    )
    assert "Sample SYN-S-01" in path.read_text(encoding="utf-8")  # the table, as text


def test_a_data_formats_name_beside_format_gets_no_note(tmp_path) -> None:
    path = tmp_path / "r.tsv"
    result = runner.invoke(app, ["check", STORM, "-f", "csv", "-o", str(path)])
    assert (result.exit_code, result.stderr) == (1, "")


def test_the_library_names_the_options_class_for_a_dict(write_csv) -> None:
    """Developer QA round 9: options={'age': 40} gave an AttributeError about 'assume_unit'."""
    path = write_csv("sample_id,marker,value,unit\nS1,IL-6,3,pg/mL\n")
    with pytest.raises(TypeError, match=r"options must be a CheckOptions, such as "
                       r"CheckOptions\(age=40\), not dict"):  # fmt: skip
        check_file(path, options={"age": 40})  # type: ignore[arg-type]


def test_ranges_list_gives_each_sets_own_name_and_matches_its_schema(tmp_path, monkeypatch) -> None:
    """Developer QA round 9: your foo.toml naming itself 'bar' was listed as 'foo' only, while
    reports name it 'bar'; and the listing had no schema to validate it by."""
    import jsonschema

    folder = tmp_path / "ranges"
    folder.mkdir(parents=True)
    (folder / "foo.toml").write_text(
        '[set]\nname = "bar"\nversion = "1"\n\n[markers."IL-6"]\nunit = "pg/mL"\nhigh = 7.0\n'
        'source = "a lab"\n',
        encoding="utf-8",
    )
    (folder / "broken.toml").write_text("[set\n", encoding="utf-8")
    monkeypatch.setenv("PANELCLI_CONFIG_DIR", str(tmp_path))
    monkeypatch.delenv("PANELCLI_RANGES", raising=False)
    result = runner.invoke(app, ["ranges", "list", "--format", "json"])
    assert result.exit_code == 2  # one broken set
    listing = json.loads(result.stdout)
    named = {s["name"]: (s["set_name"], s["tags"], s["problems"]) for s in listing["sets"]}
    assert named["foo"] == ("bar", ["yours"], None)
    assert named["broken"][:2] == (None, ["yours", "broken"])
    assert named["arup-3002601"] == ("arup-3002601", ["default"], None)
    schema = json.loads(runner.invoke(app, ["schema", "ranges-list"]).stdout)
    jsonschema.validate(listing, schema)
    assert all(set(s) == set(listing["sets"][0]) for s in listing["sets"])  # every field, always


@pytest.mark.parametrize(
    "value", [1e-7, 1e-5, 2.5e-10, 1e16, 1.5e20, 0.1, 12.5, 1000000000000000.0]
)
def test_csv_spells_a_number_as_json_does(value) -> None:
    """Developer QA round 8 (known till round 9): CSV wrote '1e-07' where JSON wrote '1e-7'."""
    from pydantic_core import to_json

    from panelcli.render.csv import number_text

    assert number_text(value) == to_json(value).decode()
    assert float(number_text(value)) == value


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (
            "title\nsample_id,marker,Result (xyz),unit\nS1,IL-6,1,pg/mL\n",
            ":2: error file-unreadable",
        ),
        ("sample_id,marker,unit\nS1,IL-6,pg/mL\n", ":1: error file-unreadable"),
    ],
)
def test_validate_names_the_header_line_a_header_problem_is_on(write_csv, content, said) -> None:
    """Developer QA round 8, open till round 9: 'hdr2.csv: error file-unreadable: the header on
    line 2 …' gave no FILE:LINE for an editor to jump to."""
    path = write_csv(content)
    result = runner.invoke(app, ["validate", path])
    assert result.exit_code == 2 and result.stdout.startswith(path + said)
