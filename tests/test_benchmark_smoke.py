"""The benchmark scripts (benchmarks/) work and measure what they claim: correctness only.

No test here looks at a time or a memory figure; those belong to `python benchmarks/run.py`.
What is checked: the generator writes the rows, markers, bad and censored values it reports;
the floor script reads them; panelcli accounts for every generated row (rejecting exactly the
bad ones, keeping the comparators of the censored ones); and run.py runs end to end.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
ROWS = 3000
SEED = 7


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


generate = _load("generate")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    path = tmp_path_factory.mktemp("bench") / "long.csv"
    stats = generate.generate(ROWS, path, SEED)
    return path, stats


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_generator_writes_what_it_reports(generated: tuple[Path, Any]) -> None:
    path, stats = generated
    rows = _rows(path)
    assert list(rows[0]) == list(generate.HEADER)
    assert len(rows) == ROWS == stats.rows

    ranges = tomllib.loads((ROOT / "reference_ranges" / "arup-3002601.toml").read_text("utf-8"))
    names = {
        alias: canonical
        for canonical, spec in ranges["markers"].items()
        for alias in (canonical, *spec.get("aliases", []))
    }
    # 13 markers per sample, each once, each written as its name or one of its aliases.
    by_sample: dict[str, list[str]] = {}
    for row in rows:
        by_sample.setdefault(row["sample_id"], []).append(names[row["marker"]])
    assert len(by_sample) == stats.samples == -(-ROWS // 13)
    full = [markers for markers in by_sample.values() if len(markers) == 13]
    assert len(full) == ROWS // 13
    assert all(sorted(markers) == sorted(ranges["markers"]) for markers in full)
    assert len({row["marker"] for row in rows}) > 40  # aliases are really used

    values = [row["value"] for row in rows]
    bad = [v for v in values if v in generate.BAD_VALUES]
    censored = [v for v in values if v[:1] in "<>"]
    assert len(bad) == stats.bad == sum(stats.bad_values.values()) >= 1
    assert len(censored) == stats.censored
    assert 0.015 <= len(censored) / ROWS <= 0.025
    assert len(bad) / ROWS <= 0.002
    for value in values:
        if value not in generate.BAD_VALUES and value[:1] not in "<>":
            assert float(value) >= 0
    units = {row["unit"] for row in rows}
    assert units == {"pg/mL", "ng/L", "ng/mL"}
    assert all(len(row["collected_at"]) == 10 for row in rows)  # YYYY-MM-DD


def test_generator_is_deterministic(tmp_path: Path) -> None:
    first, second, other = tmp_path / "a.csv", tmp_path / "b.csv", tmp_path / "c.csv"
    generate.generate(500, first, 1)
    generate.generate(500, second, 1)
    generate.generate(500, other, 2)
    assert first.read_bytes() == second.read_bytes() != other.read_bytes()


def test_floor_counts_every_row(generated: tuple[Path, Any]) -> None:
    path, stats = generated
    done = subprocess.run(
        [sys.executable, str(BENCH / "floor.py"), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    counts = dict(item.split("=") for item in done.stdout.split())
    assert int(counts["rows"]) == ROWS
    assert int(counts["unknown_marker"]) == 0
    # Everything float() refuses: censored values, and bad values except '-3'.
    refused = stats.censored + stats.bad - stats.bad_values.get("-3", 0)
    assert int(counts["not_a_number"]) == refused
    assert int(counts["normal"]) + int(counts["flagged"]) == ROWS - refused


@pytest.fixture(scope="module")
def many_bad(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """The same generator with 2% bad values, so that every kind of bad value occurs."""
    path = tmp_path_factory.mktemp("bench") / "many-bad.csv"
    stats = generate.generate(ROWS, path, SEED, bad_share=0.02)
    assert set(stats.bad_values) == set(generate.BAD_VALUES)
    return path, stats


REJECTION_CODES = {
    "abc": "value-not-a-number",
    "n/a": "value-not-a-number",
    "-3": "value-negative",
    "": "value-missing",
}


@pytest.mark.parametrize("fixture", ["generated", "many_bad"])
def test_panelcli_accounts_for_every_generated_row(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    path, stats = request.getfixturevalue(fixture)
    done = subprocess.run(
        [sys.executable, "-m", "panelcli", "check", str(path), "--format", "ndjson"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert done.returncode == 2, done.stderr  # the bad values are rejected rows
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    totals = lines[-1]["totals"]
    assert totals["results"] + totals["rejected"] == ROWS
    assert totals["rejected"] == stats.bad
    assert totals["warnings"] == 0
    assert totals["by_status"]["no_reference"] == 0

    rejected = {line["rejected"]["line"]: line["rejected"] for line in lines if "rejected" in line}
    assert sorted(rejected) == sorted(stats.bad_lines)
    written = {number: row["value"] for number, row in enumerate(_rows(path), start=2)}
    for number, issue in rejected.items():
        assert issue["code"] == REJECTION_CODES[written[number]]
    results = [line for line in lines if "status" in line]
    assert len(results) == totals["results"]
    censored = {r["line"]: r for r in results if r["comparator"] is not None}
    assert sorted(censored) == sorted(stats.censored_lines)
    assert {r["comparator"] for r in censored.values()} == {"<", ">"}
    assert all(r["original_value"][0] == r["comparator"] for r in censored.values())
    # ng/mL values were converted to the reference unit, pg/mL, by a factor of 1000.
    converted = [r for r in results if r["original_unit"] == "ng/mL"]
    assert converted
    assert all(r["unit"] == "pg/mL" for r in converted)
    assert all(r["value"] == pytest.approx(float(r["original_value"]) * 1000) for r in converted)


def test_an_excel_style_export_gives_the_same_results_as_the_plain_file(
    generated: tuple[Path, Any], tmp_path: Path
) -> None:
    """`--excel` writes the same rows with ';', decimal commas and the lab's range: the
    benchmark line comparing the two times the same work."""
    plain, stats = generated
    excel = tmp_path / "excel.csv"
    assert generate.generate(ROWS, excel, SEED, excel=True).bad_lines == stats.bad_lines
    header = excel.read_text(encoding="utf-8").splitlines()[:2]
    assert header[0] == ";".join(generate.HEADER) + ";reference_range"

    def ndjson(path: Path) -> list[dict[str, Any]]:
        command = [sys.executable, "-m", "panelcli", "check", str(path), "--format", "ndjson"]
        done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
        assert done.returncode == 2, done.stderr
        return [json.loads(line) for line in done.stdout.splitlines()]

    same = ("line", "marker", "value", "comparator", "unit", "status", "flag", "times_upper_limit")
    from_plain, from_excel = ndjson(plain), ndjson(excel)
    # No warning in either: the export's '1,455' (ng/mL with three decimals) is no doubt, as
    # its first values already show ',' as its decimal mark.
    warned = [line["warning"]["code"] for line in from_excel if "warning" in line]
    assert warned == []
    assert not any("warning" in line for line in from_plain)
    from_excel = [line for line in from_excel if "warning" not in line]
    totals = {**from_excel[-1]["totals"], "warnings": 0}  # the warning, if any
    assert totals == from_plain[-1]["totals"]
    results = [(p, e) for p, e in zip(from_plain, from_excel, strict=True) if "status" in p]
    assert len(results) == from_plain[-1]["totals"]["results"]
    for p, e in results:
        assert {k: e[k] for k in same} == {k: p[k] for k in same}
        assert e["original_value"] == p["original_value"].replace(".", ",")
        assert e["reference"] == p["reference"]  # the lab prints the set's own interval


def test_run_py_smoke_prints_the_table(tmp_path: Path) -> None:
    """`run.py --smoke` (2k/1k rows, one run each) ends with exit 0 and prints the table.

    The slowest test here (a few seconds: about 40 short panelcli runs); figures not checked.
    """
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH / "run.py"),
            "--smoke",
            "--frictionless",
            "off",
            "--no-hyperfine",
            "--data-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    header = next(line for line in out.splitlines() if line.startswith("target"))
    assert "ratio" in header and "ok?" in header
    # a small run judges no goal: 2k rows cannot miss a 1M-row goal (found in QA)
    assert "(full run)" in out and " NO " not in out and "missed" not in out
    for target in (
        "`panelcli --version`",
        "imports alone: typer + pydantic (",
        "imports alone: typer + pydantic + rich table",
        "rows/s",
        "vs floor",
        "peak RSS, --format ndjson",
        "Excel-style export",
    ):
        assert target in out
    assert "skipped (frictionless" in out
    assert "results + 1 rejected = all rows" in out
    assert "ndjson 1k Excel-style:" in out
    assert "By top-level package" in out
    assert (tmp_path / "long-2000-seed0.csv").exists()


def test_import_script_imports_the_libraries_and_skips_a_missing_one() -> None:
    """The "imports alone" lines time real imports; a module a library version lacks (a
    private one, such as typer._adapters before typer 0.29) is skipped, not a failed run."""
    run = _load("run")
    code = run.import_script(["json", "no_such_module_for_panelcli", "csv"])
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            code + "import sys; print(sorted({'json', 'csv'} & set(sys.modules)))",
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['csv', 'json']"
    assert "pydantic.plugin._loader" in run.LIBRARIES_JSON
    assert set(run.LIBRARIES_JSON) < set(run.LIBRARIES_TABLE)


def test_generator_says_in_one_line_when_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder that does not exist gave a FileNotFoundError traceback (QA)."""
    out = tmp_path / "missing" / "x.csv"
    assert generate.main(["10", str(out)]) == 1
    err = capsys.readouterr().err
    assert err == f"generate.py: cannot write {out}: No such file or directory\n"
