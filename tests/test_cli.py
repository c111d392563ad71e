"""The command line through typer's CliRunner: exit codes, streams, formats, commands."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from panelcli import __version__
from panelcli.cli import app
from panelcli.models import NOTICE
from tests.conftest import SAMPLES, assert_no_crash

runner = CliRunner()


def run(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def flat(text: str) -> str:
    """Table output without box drawing and line wrapping, for phrase searches."""
    return " ".join(text.translate({ord(c): " " for c in "│╭╮╰╯─"}).split())


@pytest.mark.parametrize(
    ("sample", "code"),
    [("all-in-range", 0), ("cytokine-storm", 1), ("bad-rows", 2), ("infection-like", 1)],
)
def test_exit_codes_for_samples(sample, code):
    result = run("check", str(SAMPLES / f"{sample}.csv"))
    assert result.exit_code == code, result.output
    assert "healthcare provider" in flat(result.stdout)


def test_storm_summary_names_elevated_markers():
    result = run("check", str(SAMPLES / "cytokine-storm.csv"))
    for marker in ("IL-6", "IFN-γ", "IL-10", "TNF-α"):
        assert marker in result.stdout


def test_bad_rows_sample_names_each_bad_line():
    result = run("check", str(SAMPLES / "bad-rows.csv"))
    for line in (4, 5, 6, 7):
        assert f"line {line}" in result.stdout


@pytest.mark.parametrize(("fail_on", "code"), [("abnormal", 1), ("critical", 0), ("never", 0)])
def test_fail_on(fail_on, code):
    result = run("check", str(SAMPLES / "cytokine-storm.csv"), "--fail-on", fail_on)
    assert result.exit_code == code


def test_rejected_rows_give_2_even_with_fail_on_never():
    assert run("check", str(SAMPLES / "bad-rows.csv"), "--fail-on", "never").exit_code == 2


def test_json_is_one_document_with_the_contract_fields():
    result = run("check", str(SAMPLES / "bad-rows.csv"), "--format", "json")
    document = json.loads(result.stdout)
    assert set(document) >= {"panels", "rejected", "notice", "reference_set", "schema_version"}
    panel = document["panels"][0]
    assert set(panel) >= {"sample_id", "patient_id", "collected_at", "results", "summary"}
    assert set(panel["results"][0]) >= {"marker", "value", "unit", "status", "flag"}
    assert set(document["rejected"][0]) >= {"source", "line", "column", "message"}
    assert "healthcare provider" in document["notice"]
    assert document["reference_set"]["sha256"]
    assert result.stderr == ""


def test_json_marker_is_canonical_name(write_csv):
    path = write_csv("marker,value,unit\ntnf alpha,3,pg/mL\n")
    document = json.loads(run("check", path, "-f", "json").stdout)
    result = document["panels"][0]["results"][0]
    assert (result["marker"], result["marker_as_written"]) == ("TNF-α", "tnf alpha")


def test_stdin_with_dash():
    data = "Sample ID;Analyte;Result;Units\r\nE-1;IL-6;12,5;pg/mL\r\n"
    result = run("check", "-", "--format", "json", input=data)
    value = json.loads(result.stdout)["panels"][0]["results"][0]
    assert (value["value"], value["status"]) == (12.5, "high")
    assert result.exit_code == 1
    table = run("check", "-", input=data).stdout  # QA: the table said 'from -'
    assert "Sample E-1 · from standard input" in table
    # QA: the rows that could not be used, under that title, were named '-, line 3'
    table = run("check", "-", input=data + "E-1;IL-8;abc;pg/mL\r\n").stdout
    assert "✗ standard input, line 3, column 'Result'" in table and "-, line" not in table


def test_invalid_ranges_file_exits_2_naming_the_marker(tmp_path):
    ranges = tmp_path / "bad.toml"
    ranges.write_text('[markers."IL-6"]\nunit = "pg/mL"\nhigh = 2.0\nlow = 10.0\n')
    result = run("check", str(SAMPLES / "all-in-range.csv"), "--ranges", str(ranges))
    assert result.exit_code == 2
    assert "IL-6" in result.stderr and result.stdout == ""
    assert_no_crash(result)


def test_ranges_replace_the_bundled_set(tmp_path):
    ranges = tmp_path / "mine.toml"
    ranges.write_text('[markers."IL-6"]\nunit = "pg/mL"\nhigh = 100\n')
    result = run("check", str(SAMPLES / "infection-like.csv"), "-r", str(ranges), "-f", "json")
    statuses = {r["marker"]: r["status"] for r in json.loads(result.stdout)["panels"][0]["results"]}
    assert statuses["IL-6"] == "normal"
    assert statuses["TNF-α"] == "no_reference"  # the bundled set is replaced, not merged


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["check", "missing.csv"], "no such file"),
        (["check", "."], "folder"),
        (["check", str(SAMPLES / "all-in-range.csv"), "--ranges", "nope"], "no reference set"),
    ],
)
def test_fatal_problems_are_one_line_on_stderr(args, fragment):
    result = run(*args)
    assert result.exit_code == 2
    assert fragment in result.stderr
    assert_no_crash(result)
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("output_format", ["table", "json", "ndjson", "csv"])
@pytest.mark.parametrize("quiet", [[], ["-q"]])
def test_an_unreadable_file_among_others_gets_its_line_on_stderr(output_format, quiet):
    """The other files are still read (exit 2 for the unreadable one); stderr names it in
    every format and with --quiet, as it does when it is the only file."""
    for files in ([str(SAMPLES / "all-in-range.csv"), "missing.csv"], ["missing.csv"]):
        result = run("check", *files, "-f", output_format, *quiet)
        assert result.exit_code == 2
        assert result.stderr == "panelcli: missing.csv: no such file\n"
        assert (result.stdout == "") == (bool(quiet) or len(files) == 1)


def test_file_text_is_shown_inert(write_csv):
    path = write_csv(
        "sample_id,marker,value,unit\n[bold red]x[/],IL-6,1,pg/mL\n\x1b[2J,IL-6,1,pg/mL\n"
    )
    result = run("check", path)
    assert "[bold red]x[/]" in result.stdout
    assert "\x1b" not in result.stdout


def test_no_colour_when_not_a_terminal():
    result = run("check", str(SAMPLES / "cytokine-storm.csv"))
    assert "\x1b[" not in result.stdout


def test_validate_lists_problems_like_a_linter():
    result = run("validate", str(SAMPLES / "bad-rows.csv"))
    assert result.exit_code == 2
    lines = result.stdout.strip().splitlines()
    assert any(":4: value: error value-not-a-number" in line for line in lines)
    assert run("validate", str(SAMPLES / "all-in-range.csv")).exit_code == 0


def test_validate_warns_about_a_marker_the_set_cannot_judge(tmp_path: Path) -> None:
    """'IL-99' passed validate with 0 problems while check left it unjudged (found in QA)."""
    path = tmp_path / "unknown.csv"
    path.write_text("sample_id,marker,value,unit\nS1,IL-6,3,pg/mL\nS1,IL-66,5,pg/mL\n")
    result = run("validate", str(path))
    assert result.exit_code == 0  # a warning: the row is read, only not judged
    (line,) = result.stdout.strip().splitlines()
    assert line.startswith(
        f"{path}:3: marker: warning no-reference: no reference range for 'IL-66'"
    )
    assert "did you mean IL-6" in line
    assert "0 problems, 1 warning" in result.stderr


def test_demo_lists_and_runs_samples():
    listing = run("demo")
    assert listing.exit_code == 0 and "synthetic" in listing.stdout
    assert "cytokine-storm" in listing.stdout
    story = run("demo", "cytokine-storm")
    assert story.exit_code == 0 and "synthetic" in story.stdout and "IL-6" in story.stdout
    assert run("demo", "nope").exit_code == 2


@pytest.mark.parametrize("name", ["TNF-α", "tnfa", "IL-6", "IL6", "interferon gamma", "CRP"])
def test_explain_accepts_aliases(name):
    result = run("explain", name)
    assert result.exit_code == 0
    assert "can be a sign of" in result.stdout


def test_explain_overview_and_unknown_marker():
    assert "cytokine" in run("explain").stdout.lower()
    unknown = run("explain", "IL-66")
    assert unknown.exit_code == 2 and "did you mean" in unknown.stderr


def test_version_and_help_examples():
    assert run("--version").stdout.strip() == f"panelcli {__version__}"
    for command in (["check"], ["validate"], ["demo"], ["explain"], ["schema"], ["ranges", "init"]):
        help_text = run(*command, "--help").stdout
        assert "Example:" in help_text, command
        assert run(*command, "-h").stdout == help_text, command  # as most tools take it (QA)
    assert run("-h").stdout == run("--help").stdout


@pytest.mark.parametrize(
    "command",
    [["check"], ["validate"], ["demo"], ["explain"], ["ranges", "show"], ["ranges", "validate"],
     ["ranges", "init"]],
)  # fmt: skip
def test_options_name_what_they_take_not_a_python_type(command: list[str]) -> None:
    """'-o, --output <str>', '--age <float range>' showed Python's types (found in QA)."""
    help_text = run(*command, "--help").stdout
    options = [line for line in help_text.splitlines() if line.lstrip().startswith("-")]
    for python_type in ("<str>", "<float range>", "<int range>", "<path>"):
        assert not any(python_type in line for line in options), (command, python_type)
    if command == ["check"]:
        for option in ("--output FILE", "--ranges SET", "--age AGE", "--assume-unit UNIT"):
            assert option in help_text
        # QA: 'Age in years', where a child's '18 mo' is read too
        assert "(18 mo, 6 wk, 10 d)" in " ".join(help_text.split())


def _every_command(group: object = None, path: tuple[str, ...] = ()) -> list[list[str]]:
    """Each command's words on the command line, subcommands too (`ranges show`)."""
    group = typer.main.get_command(app) if group is None else group
    found = []
    for name, command in getattr(group, "commands", {}).items():
        found.append([*path, name])
        found += _every_command(command, (*path, name))
    return found


def test_every_command_lists_its_arguments_as_a_command_line_does() -> None:
    """QA: 'FILE <list[str]>' in check's and validate's help, 'SAMPLE <list[str]>' in demo's,
    'SET <str>' in ranges show's: typer's Python types, jargon to a reader."""
    commands = _every_command()
    assert ["check"] in commands and ["ranges", "show"] in commands
    for command in commands:
        help_text = run(*command, "--help").stdout
        for jargon in ("list[", "str]", "<str>", "<path>", "<list"):
            assert jargon not in help_text, (command, jargon)
        assert not re.search(r"\{[A-Z]+\}|<[a-z|\[\]]+>", help_text), command
    check_help = run("check", "--help").stdout
    assert "Usage: panelcli check [OPTIONS] FILE..." in check_help
    assert re.search(r"^  FILE\.\.\.  CSV files to read", check_help, re.MULTILINE)
    assert re.search(r"^  SAMPLE\.\.\.  A sample", run("demo", "--help").stdout, re.MULTILINE)


def test_python_dash_m_works():
    done = subprocess.run(
        [sys.executable, "-m", "panelcli", "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and "check" in done.stdout
    version = subprocess.run(
        [sys.executable, "-m", "panelcli", "--version"], capture_output=True, text=True, timeout=60
    )
    assert version.stdout.strip() == f"panelcli {__version__}"


def test_ranges_commands(tmp_path):
    assert "arup-3002601 (default)" in run("ranges", "list").stdout
    shown = json.loads(run("ranges", "show", "mayo-adult", "--format", "json").stdout)
    assert shown["reference_set"]["name"] == "mayo-adult" and "Ferritin" in shown["markers"]
    assert "IL-6" in run("ranges", "show").stdout
    bad = tmp_path / "bad.toml"
    bad.write_text('[markers."IL-6"]\nunit = "pg/mL"\nhihg = 2\n')
    checked = run("ranges", "validate", str(bad))
    assert checked.exit_code == 2 and "did you mean 'high'" in checked.stdout


def test_ranges_init_then_edit_changes_the_verdict_and_sha(tmp_path):
    sample = str(SAMPLES / "infection-like.csv")
    before = json.loads(run("check", sample, "-f", "json").stdout)
    dest = tmp_path / "mylab"
    assert run("ranges", "init", str(dest)).exit_code == 0
    copied = dest / "arup-3002601.toml"
    text = copied.read_text()
    il6_block = text.index('[markers."IL-6"]')
    edited = text[:il6_block] + text[il6_block:].replace("high = 2.5", "high = 50.0", 1)
    copied.write_text(edited)
    after = json.loads(run("check", sample, "-f", "json", "--ranges", str(dest)).stdout)
    assert after["reference_set"]["sha256"] != before["reference_set"]["sha256"]

    def il6(document):
        return next(r for r in document["panels"][0]["results"] if r["marker"] == "IL-6")

    assert (il6(before)["status"], il6(after)["status"]) == ("high", "normal")
    assert run("ranges", "init", str(dest)).exit_code == 2  # never overwrites


def test_ranges_init_with_a_sets_name_copies_that_set_only_when_asked(tmp_path, monkeypatch):
    """QA: 'ranges init mayo-adult' copied the default set into ./mayo-adult, and the
    '--ranges mayo-adult' it suggested was refused (a set's name and a folder here)."""
    monkeypatch.chdir(tmp_path)
    refused = run("ranges", "init", "mayo-adult")
    assert refused.exit_code == 2 and not (tmp_path / "mayo-adult").exists()
    assert "panelcli ranges init ./my-lab --from mayo-adult" in refused.stderr
    as_file = run("ranges", "init", "mayo-adult.toml")  # QA: made a folder so named
    assert as_file.exit_code == 2 and not (tmp_path / "mayo-adult.toml").exists()
    assert "panelcli ranges init ./my-lab --from mayo-adult" in as_file.stderr
    # QA: 'lab.toml --from mayo-adult' was told to run '--from lab' (no such set)
    for args, suggested in (
        (["lab.toml", "--from", "mayo-adult"], "panelcli ranges init ./my-lab --from mayo-adult"),
        (["lab.toml"], "panelcli ranges init ./my-lab\n"),
    ):
        as_file = run("ranges", "init", *args)
        assert as_file.exit_code == 2 and suggested in as_file.stderr
        assert run(*suggested.split()[1:]).exit_code == 0
        shutil.rmtree(tmp_path / "my-lab")
    copied = run("ranges", "init", "./mayo-adult", "--from", "mayo-adult")
    assert copied.exit_code == 0 and (tmp_path / "mayo-adult" / "mayo-adult.toml").is_file()
    use = copied.stderr.split("use: ")[1].split()
    assert use == ["--ranges", "./mayo-adult"]
    sample = str(SAMPLES / "all-in-range.csv")
    assert run("check", sample, *use, "-f", "json", "--fail-on", "never").exit_code == 0


def test_schemas_are_json():
    for which in ("output", "ranges", "ndjson"):
        result = run("schema", which)
        document = json.loads(result.stdout)
        assert result.exit_code == 0 and ("properties" in document or "anyOf" in document)
        # which draft, said: a validator need not guess (found in QA)
        assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert document["title"]


def test_notice_in_table_and_json():
    table = run("check", str(SAMPLES / "all-in-range.csv"))
    assert " ".join(NOTICE.split()) in flat(table.stdout)


def test_ranges_init_into_a_file_or_an_impossible_place_is_one_clear_line(tmp_path):
    a_file = tmp_path / "a.toml"
    a_file.write_text("x", encoding="utf-8")
    for dest, expected in (
        (a_file, "is a file, not a folder"),
        (a_file / "sub", "cannot create"),
        (Path("/proc/panelcli-no-such/x"), "cannot create"),
    ):
        result = run("ranges", "init", str(dest))
        assert result.exit_code == 2
        assert expected in result.stderr and "internal error" not in result.stderr
        assert result.stderr.count("\n") == 1


def test_choices_are_accepted_in_any_case():
    result = run("check", "samples/all-in-range.csv", "--format", "JSON", "--fail-on", "NEVER",
                 "--sex", "Female")  # fmt: skip
    assert result.exit_code == 0
    assert json.loads(result.stdout)["totals"]["results"] == 13
    # QA: these were case-sensitive where check's options were not
    assert run("validate", "samples/all-in-range.csv", "--assume-unit", "RANGE").exit_code == 0
    assert json.loads(run("ranges", "show", "-f", "JSON").stdout)["markers"]
    assert "properties" in json.loads(run("schema", "Output").stdout)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["check", "x.csv", "-f", "xml"], "'xml' is not one of table, json, ndjson, csv, fhir"),
        (["check", "x.csv", "--fail-on", "sometimes"],
         "'sometimes' is not one of abnormal, critical, never"),
        (["ranges", "show", "-f", "yaml"], "'yaml' is not one of table, json"),
        (["schema", "xml"], "'xml' is not one of output, ndjson, ranges"),
        (["check", "x.csv", "--max-line-length", "5"],
         "give a whole number of characters from 1024 to 2147483647, not '5'"),
        (["validate", "x.csv", "--max-line-length", "99999999999999999999"], "not '9999"),
    ],
)  # fmt: skip
def test_a_wrong_choice_or_number_is_said_in_plain_words(args: list[str], said: str) -> None:
    """QA: typer's own messages said "Value error, 'xml' is not one of …" and "Input should be
    greater than or equal to 1024" (pydantic's words); a huge number was an internal error."""
    result = run(*args)
    assert result.exit_code == 2
    assert said in " ".join(result.stderr.split())
    assert "Value error" not in result.stderr and "Input should" not in result.stderr


@pytest.mark.parametrize(("given", "high"), [("F", True), ("woman", True), ("m", False)])
def test_sex_option_takes_what_a_sex_column_takes(tmp_path, given, high):
    """--sex F works as a file's 'F' does: 200 ug/L ferritin is high for women, not men."""
    path = tmp_path / "ferritin.csv"
    path.write_text("marker,value,unit\nFerritin,200,ug/L\n")
    result = run("check", str(path), "--ranges", "mayo-adult", "--sex", given, "--age", "30",
                 "-f", "json")  # fmt: skip
    status = json.loads(result.stdout)["panels"][0]["results"][0]["status"]
    assert (status == "high") == high and result.exit_code == (1 if high else 0)


def test_validate_takes_sex_and_age_and_lists_what_check_warns_of(tmp_path):
    """validate had no --sex/--age, so it gave 'value-flag-unjudged' where check gave
    'value-flag-disagrees', though README says it lists every problem (QA)."""
    path = tmp_path / "ferritin.csv"
    path.write_text("sample_id,marker,value,unit\nA,Ferritin,500 N,ug/L\nB,Ferritin,100 H,ug/L\n")
    person = ["--ranges", "mayo-adult", "--sex", "m", "--age", "40"]
    validated = run("validate", str(path), *person)
    checked = json.loads(run("check", str(path), *person, "-f", "json").stdout)
    codes = [line.split()[3] for line in validated.stdout.splitlines()]
    assert codes == [w["code"].rstrip(":") + ":" for w in checked["warnings"]]
    assert codes.count("value-flag-disagrees:") == 2 and validated.exit_code == 0


@pytest.mark.parametrize("command", ["check", "validate"])
@pytest.mark.parametrize("age", ["nan", "inf", "-1", "150.5", "abc", "", "1_0"])
def test_an_age_that_is_no_number_of_years_is_refused_in_plain_words(command, age):
    """'--age nan' said 'Input should be less than or equal to 150' (QA)."""
    result = run(command, "samples/all-in-range.csv", "--age", age)
    assert result.exit_code == 2
    said = " ".join(result.stderr.replace("│", " ").split())
    assert "give a number of years from 0 to 150 (or a child's age such as 18 mo" in said
    assert f"not '{age}'" in said
    # review: the forms an age column takes, as its warning suggests them
    assert run(command, "samples/all-in-range.csv", "--age", "18 mo").exit_code == 0


def test_an_unreadable_sex_option_is_a_usage_error():
    result = run("check", "samples/all-in-range.csv", "--sex", "x")
    assert result.exit_code == 2
    assert "'x' is not female or male (F, M)" in result.stderr


def test_excels_sep_line_is_not_reported_as_a_skipped_preamble(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(b"sep=;\r\nSample ID;Analyte;Result;Units\r\nE-1;IL-6;12,5;pg/mL\r\n")
    result = run("check", str(path), "--format", "json")
    report = json.loads(result.stdout)
    assert report["warnings"] == []
    assert report["panels"][0]["results"][0]["value"] == 12.5


@pytest.mark.parametrize("command", [["check", "samples/all-in-range.csv"], ["demo"]])
def test_export_never_replaces_a_file_without_force(tmp_path, command):
    target = tmp_path / "report.html"
    target.write_text("keep me", encoding="utf-8")
    refused = run(*command, "--export", str(target))
    assert refused.exit_code == 2 and "add --force" in refused.stderr
    assert refused.stdout == "", "refused before anything was read or printed"
    assert target.read_text(encoding="utf-8") == "keep me"
    replaced = run(*command, "--export", str(target), "--force")
    assert replaced.exit_code == 0 and "<html" in target.read_text(encoding="utf-8")


def test_ranges_validate_takes_the_folder_ranges_init_made(tmp_path):
    dest = tmp_path / "mylab"
    assert run("ranges", "init", str(dest)).exit_code == 0
    checked = run("ranges", "validate", str(dest))
    assert checked.exit_code == 0 and checked.stderr.strip().endswith("valid")


def test_a_bad_panelcli_ranges_says_the_name_came_from_the_environment(monkeypatch):
    monkeypatch.setenv("PANELCLI_RANGES", "junk")
    result = run("check", "samples/all-in-range.csv")
    assert result.exit_code == 2
    assert result.stderr.startswith("panelcli: PANELCLI_RANGES=junk: no reference set named")


@pytest.mark.parametrize("command", [["check", "samples/all-in-range.csv"], ["explain", "IL-6"]])
def test_a_broken_panelcli_ranges_file_says_it_came_from_the_environment(
    monkeypatch, tmp_path, command
):
    """QA: a missing file named by PANELCLI_RANGES said so, a broken one did not."""
    broken = tmp_path / "broken.toml"
    broken.write_text('[markers."IL-6"]\nunit = "pg/mL"\nhihg = 3\nsource = "x"\n')
    monkeypatch.setenv("PANELCLI_RANGES", str(broken))
    result = run(*command)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"panelcli: PANELCLI_RANGES={broken}: ranges file ")


def test_an_assumed_unit_no_row_could_use_is_refused_before_reading():
    refused = run("check", "samples/all-in-range.csv", "--assume-unit", "furlongs")
    assert refused.exit_code == 2 and refused.stdout == ""
    assert refused.stderr.startswith(
        "panelcli: --assume-unit: the unit to assume, 'furlongs', is not a unit"
    )
    for unit in ("ng/L", "range", "PG/ML"):
        assert run("check", "samples/all-in-range.csv", "--assume-unit", unit).exit_code == 0


@pytest.mark.parametrize("command", ["check", "validate"])
def test_a_file_name_that_is_not_utf8_is_refused_in_one_line(command: str) -> None:
    """Such a name (bytes from the file system) cannot be written into UTF-8 output."""
    arguments = [command, "caf\udce9.csv"] + (["-f", "ndjson"] if command == "check" else [])
    result = runner.invoke(app, arguments)
    assert result.exit_code == 2
    assert "not valid UTF-8" in result.stderr and "caf\\xe9.csv" in result.stderr
    assert "internal error" not in result.stderr and result.stdout == ""


def test_every_file_name_that_is_not_utf8_is_named_apart() -> None:
    """Developer QA: only the first was named, and two names were both '\ufffd.csv'."""
    result = runner.invoke(
        app, ["validate", "\udcff.csv", "samples/all-in-range.csv", "\udcfe.csv"]
    )
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        "panelcli: the file names '\\xff.csv' and '\\xfe.csv' are not valid UTF-8, so they "
        "cannot be written in the output; rename the files\n"
    )


@pytest.mark.parametrize("command", [["check", "samples/all-in-range.csv"], ["explain", "IL-6"]])
def test_a_ranges_file_name_that_is_not_utf8_is_not_sent_to_standard_input(command) -> None:
    """QA: the advice to give the file on standard input is the lab file's, not a ranges
    file's (it would be read as lab data)."""
    result = runner.invoke(app, [*command, "--ranges", "cr\udcffit.toml"])
    assert result.exit_code == 2
    assert "not valid UTF-8" in result.stderr and "rename the file" in result.stderr
    assert "standard input" not in result.stderr
    lab = runner.invoke(app, ["check", "caf\udce9.csv"])
    assert "or give it on standard input ('panelcli check - < FILE')" in lab.stderr


def test_a_utf8_file_name_read_in_an_ascii_locale_is_said_to_be_the_locales(tmp_path) -> None:
    """QA: with LC_ALL=C and PYTHONUTF8=0, 'ünï.csv' (UTF-8 bytes read as ASCII) was called
    'not valid UTF-8', and a missing such file the same."""
    (tmp_path / "ü.csv").write_text("marker,value,unit\nIL-6,3,pg/mL\n", encoding="utf-8")
    for name, missing in (("\udcc3\udcbc.csv", False), ("n\udcc3\udcb6.csv", True)):
        result = runner.invoke(app, ["check", str(tmp_path / name)])
        assert result.exit_code == 2 and "not valid UTF-8" not in result.stderr
        assert "run it with PYTHONUTF8=1 or LC_ALL=C.UTF-8" in result.stderr
        assert ("there is no such file" in result.stderr) is missing


def test_standard_input_given_twice_is_read_once_and_the_second_is_named() -> None:
    """'cat r.csv | panelcli check - -' said 'the file is empty' (found in review)."""
    result = runner.invoke(
        app, ["check", "-", "-", "-f", "csv"], input="marker,value,unit\nIL-6,1,pg/mL\n"
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "panelcli: standard input: '-' is given more than once; it is read once\n"
    )
    assert result.stdout.count("\n-,2,value,") == 1  # its one row, read once
    # QA: '- /dev/stdin' said 'the file is empty' for the second: it is standard input too
    for name in ("/dev/stdin", "/dev/fd/0"):
        again = runner.invoke(
            app, ["check", "-", name, "-f", "csv"], input="marker,value,unit\nIL-6,1,pg/mL\n"
        )
        assert again.exit_code == 2 and again.stderr == (
            f"panelcli: {name}: standard input is given more than once (as '-' and here as "
            f"'{name}'); it is read once\n"
        )
    table = runner.invoke(app, ["check", "-", "-"], input="marker,value,unit\nIL-6,x,pg/mL\n")
    # A file among the row problems: the heading said 'Rows that could not be used (2)' (QA)
    assert "Rows and files that could not be used (2)" in table.stdout


@pytest.mark.parametrize(
    ("command", "hint"),
    [(["demo", "strom"], "did you mean cytokine-storm?"),
     (["demo", "healty"], "did you mean all-in-range?"),
     (["explain", "IL-6 (pg/mL)"], "did you mean IL-6?")],
)  # fmt: skip
def test_a_mistyped_sample_or_marker_gets_a_hint(command: list[str], hint: str) -> None:
    """'demo strom' and 'explain Interleukin-6 (IL-6)' got no hint, though check gives one for
    the latter (found in QA)."""
    result = run(*command)
    assert result.exit_code == 2 and hint in result.stderr


def test_stderr_names_standard_input_as_such() -> None:
    """QA: 'panelcli: -: the file is empty', while the table says 'from standard input'."""
    result = runner.invoke(app, ["check", "-"], input="")
    assert result.exit_code == 2
    assert result.stderr == "panelcli: standard input: the file is empty\n"


def test_the_table_titles_a_patient_with_no_trend_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "serial.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "A1,P1,2026-03-01,GM-CSF,3,pg/mL\nA2,P1,2026-03-05,GM-CSF,5,pg/mL\n"
    )
    result = runner.invoke(app, ["check", str(path)], env={"COLUMNS": "200"})
    assert "Changes over time · patient P1 · 2 dates, 2026-03-01 to 2026-03-05" in result.stdout
    assert (
        "GM-CSF has no range in this set, so its results are not compared from test to test."
        in result.stdout
    )
    assert "First → last" not in result.stdout  # no empty trend table


def test_panelcli_s_own_csv_report_given_back_is_named_as_such(tmp_path):
    """QA: yesterday's report.csv in today's '*.csv' was told to rename 'flag' or 'flags'."""
    report = tmp_path / "report.csv"
    made = runner.invoke(
        app, ["check", str(SAMPLES / "all-in-range.csv"), "-f", "csv", "-o", str(report)]
    )
    assert made.exit_code == 0, made.output
    again = runner.invoke(app, ["check", str(report)])
    assert again.exit_code == 2
    assert "this is a report panelcli wrote (--format csv), not a lab's export" in again.stderr


def test_check_and_validate_keep_the_same_line_limit_whatever_ran_before(tmp_path: Path) -> None:
    """validate kept csv's default limit where check set --max-line-length, so a quoted value
    over two lines was fatal for one and a row problem for the other (review); and a limit
    lowered by one run was kept by the next, in one process."""
    path = tmp_path / "long.csv"
    path.write_text(
        f'sample_id,marker,value,unit\nS1,IL-6,"{"x" * 600}\n{"y" * 600}",pg/mL\n'
        "S2,IL-6,3.0,pg/mL\n",
        encoding="utf-8",
    )
    limit = ("--max-line-length", "1024")
    for command in ("validate", "check", "validate"):
        small = run(command, str(path), *limit)
        assert small.exit_code == 2
        assert "is longer than 1,024 characters" in small.output, command
        default = run(command, str(path))
        assert "is longer than" not in default.output, command
        assert "value-not-a-number" in default.stdout or "not a number" in default.stdout


def test_ranges_show_json_escapes_a_set_s_control_and_bidi_characters(tmp_path: Path) -> None:
    """A U+202E in a set's description reached the terminal raw through `ranges show -f json`,
    which check's JSON escapes (review)."""
    text = (SAMPLES.parent / "reference_ranges" / "mayo-adult.toml").read_text(encoding="utf-8")
    own = tmp_path / "own.toml"
    own.write_text(
        text.replace('description = "', 'description = "\\u202e\\u001b[31m', 1), encoding="utf-8"
    )
    shown = run("ranges", "show", str(own), "-f", "json")
    assert shown.exit_code == 0
    assert "\u202e" not in shown.stdout and "\x1b" not in shown.stdout
    assert json.loads(shown.stdout)["reference_set"]["description"].startswith("\u202e\x1b[31m")


def test_a_ranges_file_in_a_folder_whose_name_is_not_utf8_gives_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder 'lab' + byte 0xE9 made --format json and ndjson an internal error (the set's
    path could not be written as UTF-8), while csv and the table worked (QA)."""
    import os

    folder = tmp_path / os.fsdecode(b"lab\xe9")
    folder.mkdir()
    (folder / "my_lab.toml").write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nhigh = 7.0\nsource = "test"\n', encoding="utf-8"
    )
    (folder / "results.csv").write_text("sample_id,marker,value,unit\nS1,IL-6,10,pg/mL\n")
    monkeypatch.chdir(folder)
    for fmt in ("json", "ndjson"):
        result = run("check", "results.csv", "--ranges", "my_lab.toml", "-f", fmt)
        assert result.exit_code == 1, result.output
        last = json.loads(result.stdout.splitlines()[-1] if fmt == "ndjson" else result.stdout)
        assert last["reference_set"]["path"].endswith("lab\\xe9/my_lab.toml")


@pytest.mark.parametrize("fmt", ["table", "json", "ndjson", "csv", "fhir"])
def test_quiet_keeps_stdout_empty_with_output_dash_too(fmt: str) -> None:
    """'-q -o -' printed the whole report: '-o -' is stdout, which --quiet keeps empty (QA)."""
    result = run("check", "-q", "-o", "-", "-f", fmt, str(SAMPLES / "cytokine-storm.csv"))
    assert result.exit_code == 1 and result.stdout == ""


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["check", "--help"]])
def test_version_or_help_into_a_closed_pipe_exits_141_not_1(args: list[str]) -> None:
    """'panelcli --version | true' (and '--help | true') exited 1, which means flagged; every
    other command 141 (QA)."""
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before panelcli writes
    try:
        done = subprocess.run(
            [sys.executable, "-m", "panelcli", *args], stdout=write_end,
            stderr=subprocess.PIPE, timeout=60, check=False,
        )  # fmt: skip
    finally:
        os.close(write_end)
    assert done.returncode == 141 and done.stderr == b""


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["check", "FILE", "--ranges", "arup-3002601", "--ranges=mayo-adult"],
         "Invalid value for '--ranges': given twice ('arup-3002601', then 'mayo-adult'); give it "
         "once (one set is used: sets are not added together)"),
        (["check", "FILE", "-f", "json", "--format", "csv"],
         "Invalid value for '--format': given twice ('json', then 'csv'); give it once"),
        (["validate", "FILE", "--sex", "F", "--sex", "M"],
         "Invalid value for '--sex': given twice ('F', then 'M'); give it once"),
    ],
)  # fmt: skip
def test_an_option_of_one_value_given_twice_is_a_usage_error(args: list[str], said: str) -> None:
    """QA: '--ranges base.toml --ranges extra.toml' judged by extra.toml alone, without a word:
    the parser keeps the last value."""
    sample = str(SAMPLES / "all-in-range.csv")
    result = runner.invoke(app, [sample if a == "FILE" else a for a in args])
    assert result.exit_code == 2
    assert "Usage: panelcli" in result.stderr and said in " ".join(result.stderr.split())
    # the same value twice says one thing; after '--' names are files
    again = runner.invoke(app, ["check", sample, "-f", "json", "-f", "json", "-q"])
    assert again.exit_code == 0, again.stderr
    # QA: '--sex F --sex female' say one thing too
    again = runner.invoke(app, ["check", sample, "--sex", "F", "--sex", "female", "-q"])
    assert again.exit_code == 0, again.stderr
    files = runner.invoke(app, ["check", "-q", "--", sample, "--ranges", "--ranges"])
    assert "given twice" not in files.stderr


def test_a_file_redirected_to_standard_input_may_be_named_twice(tmp_path: Path) -> None:
    """Review: with a file (not a pipe) on standard input, '/dev/stdin /dev/stdin' was refused
    as standard input given twice, and 'a.csv /dev/stdin < a.csv' lost its warning that the
    file was given before: such a name is that file, read again with the warning."""
    import subprocess
    import sys

    path = tmp_path / "a.csv"
    path.write_text("marker,value,unit\nIL-6,1,pg/mL\n", encoding="utf-8")
    # review: '- /dev/stdin < a.csv' read the file twice without a word
    for names in (
        ["/dev/stdin", "/dev/stdin"], [str(path), "/dev/stdin"], ["-", "/dev/stdin"],
        ["/dev/stdin", "-"], [str(path), "-"],  # review: these two were refused
    ):  # fmt: skip
        with path.open("rb") as stdin:
            done = subprocess.run(
                [sys.executable, "-m", "panelcli", "check", *names, "-f", "csv"],
                stdin=stdin, capture_output=True, text=True, check=False,
            )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "this file was given before" in done.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX's")
def test_standard_input_from_a_terminal_says_how_to_end_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: 'panelcli check -' on a terminal waited without a word and looked hung; piped, it
    says nothing (stderr is for the run's messages)."""
    import os

    from panelcli.cli import _say_if_typed_in

    main, typed = os.openpty()
    with open(typed, encoding="utf-8", closefd=True) as terminal:
        monkeypatch.setattr(sys, "stdin", terminal)
        _say_if_typed_in(["results.csv"])
        assert capsys.readouterr().err == ""
        _say_if_typed_in(["-"])
    os.close(main)
    assert capsys.readouterr().err == (
        "panelcli: reading standard input: type or paste the rows, then press Ctrl-D to end them\n"
    )
    result = CliRunner().invoke(app, ["check", "-", "-f", "json"], input="marker,value\n")
    assert "reading standard input" not in result.stderr


@pytest.mark.parametrize("suffix", ["/", "/.", "/x.csv"])
def test_a_path_through_a_file_as_a_folder_is_no_such_file(suffix: str) -> None:
    """Developer QA: 'norm.csv/' was read (and written into each result's source) where the
    system says it does not exist, while -o refuses a name ending in '/'."""
    result = runner.invoke(app, ["check", f"samples/all-in-range.csv{suffix}", "-f", "csv"])
    assert result.exit_code == 2 and "all-in-range.csv" not in result.stdout
    assert result.stderr.endswith(
        f"all-in-range.csv{suffix}: no such file: a part of the name before a '/' is a file, "
        "not a folder\n"
    )


def test_validate_quiet_prints_nothing_and_sets_the_same_exit_code() -> None:
    """Developer QA: 'validate -q' was 'No such option', where check has it."""
    clean = runner.invoke(app, ["validate", "-q", "samples/all-in-range.csv"])
    bad = runner.invoke(app, ["validate", "--quiet", "samples/bad-rows.csv"])
    assert (clean.exit_code, clean.stdout, clean.stderr) == (0, "", "")
    assert (bad.exit_code, bad.stdout, bad.stderr) == (2, "", "")
    assert runner.invoke(app, ["validate", "samples/bad-rows.csv"]).exit_code == 2
