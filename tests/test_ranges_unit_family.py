"""A ranges file in a unit of activity gets no 'cannot convert' warning (black-box QA: a set in
kU/L was told 'only results written in exactly this unit can be judged' in the same run that
converted U/mL and U/L results to kU/L and judged them). Units of activity and molar units
convert among themselves as mass units do; a unit that converts to nothing keeps its warning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.cli import app
from panelcli.ranges import ranges_warnings
from panelcli.units import UnitProblem, conversion_exponent, has_family

runner = CliRunner()
CANNOT = "is not a mass concentration panelcli can convert"


def _set(unit: str) -> bytes:
    return f'[markers."sIL-2R"]\nunit = "{unit}"\nhigh = 623\nsource = "x"\n'.encode()


@pytest.mark.parametrize(
    ("unit", "others"),
    [("kU/L", ["U/mL", "U/L", "mU/mL", "U/dL"]), ("U/mL", ["kU/L", "U/L"]),
     ("IU/mL", ["kIU/L", "IU/L", "mIU/mL"]), ("mIU/L", ["IU/L", "mIU/mL", "µIU/mL"]),
     ("uU/mL", ["mU/L"]), ("pg/mL", ["ng/L"]), ("pmol/L", ["nmol/L", "fmol/mL"])],
)  # fmt: skip
def test_a_unit_that_converts_among_its_family_gets_no_warning(unit: str, others: list) -> None:
    for other in others:  # what makes the warning false: these are converted and judged
        conversion_exponent(other, unit)
    assert has_family(unit)
    assert not [w for w in ranges_warnings(_set(unit)) if CANNOT in w]


@pytest.mark.parametrize("unit", ["copies/mL", "AU/mL", "MFI"])
def test_a_unit_that_converts_to_nothing_keeps_its_warning(unit: str) -> None:
    assert not has_family(unit)
    for other in ("nmol/L", "mIU/L", "mU/L", "pg/mL"):
        with pytest.raises(UnitProblem):
            conversion_exponent(other, unit)
    assert [w for w in ranges_warnings(_set(unit)) if CANNOT in w]


def test_u_and_iu_stay_apart() -> None:
    with pytest.raises(UnitProblem):
        conversion_exponent("IU/mL", "U/mL")


def test_check_judges_activity_results_without_a_false_warning(tmp_path: Path) -> None:
    ranges = tmp_path / "uu.toml"
    ranges.write_bytes(_set("kU/L"))
    data = tmp_path / "uu.csv"
    data.write_text(
        "sample_id,marker,value,unit\nA,sIL-2R,900,U/mL\nB,sIL-2R,600000,U/L\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["check", str(data), "--ranges", str(ranges), "-f", "ndjson"])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line.get("status") for line in lines[:2]] == ["high", "normal"]
    assert lines[-1]["reference_set"]["warnings"] == []
    assert "warning" not in result.stderr


@pytest.mark.parametrize(
    ("given", "unit", "exponent"),
    [("nmol/L", "pmol/L", 3), ("pmol/mL", "nmol/L", 0), ("µIU/mL", "mIU/L", 0),
     ("uU/mL", "U/L", -3)],
)  # fmt: skip
def test_molar_and_micro_activity_units_convert_exactly(
    given: str, unit: str, exponent: int
) -> None:
    """fixR QA: nmol/L against a pmol/L set was refused as 'pmol/L is a weight'; µIU/mL is
    mIU/L written another way."""
    assert conversion_exponent(given, unit) == exponent


@pytest.mark.parametrize(
    ("given", "unit", "said"),
    [("pmol/L", "pg/mL", "unit 'pmol/L' counts molecules (a molar unit), but pg/mL is a weight"),
     ("pg/mL", "pmol/L", "unit 'pg/mL' is a weight, but pmol/L counts molecules (a molar")],
)  # fmt: skip
def test_a_weight_and_a_count_of_molecules_never_convert(given: str, unit: str, said: str) -> None:
    with pytest.raises(UnitProblem) as problem:
        conversion_exponent(given, unit)
    assert problem.value.code == "unit-molar" and str(problem.value).startswith(said)


def test_an_assumed_unit_that_converts_to_the_sets_unit_is_taken(tmp_path: Path) -> None:
    """fixR QA: `--assume-unit U/mL` with a set in kU/L was refused as 'not a unit panelcli
    converts'."""
    ranges = tmp_path / "uu.toml"
    ranges.write_bytes(_set("kU/L"))
    data = tmp_path / "no-unit.csv"
    data.write_text("sample_id,marker,value\nA,sIL-2R,900\n", encoding="utf-8")
    arguments = ["check", str(data), "--ranges", str(ranges), "-f", "ndjson"]
    result = runner.invoke(app, [*arguments, "--assume-unit", "U/mL"])
    assert result.exit_code == 1, result.stderr  # 900 U/mL = 900 kU/L: high
    assert json.loads(result.stdout.splitlines()[0])["status"] == "high"
    refused = runner.invoke(app, [*arguments, "--assume-unit", "copies/mL"])
    assert refused.exit_code == 2 and "is not a unit panelcli converts" in refused.stderr


@pytest.mark.parametrize(
    ("given", "unit", "exponent"),
    [("mcIU/mL", "uIU/mL", 0), ("mcU/mL", "mU/L", 0), ("pM", "pmol/L", 0), ("nM", "pmol/L", 3),
     ("µM", "nmol/L", 3), ("mcM", "umol/L", 0)],
)  # fmt: skip
def test_mc_for_micro_and_molarity_abbreviations_are_their_units(
    given: str, unit: str, exponent: int
) -> None:
    """Regression QA: 'mcIU/mL' against a set in uIU/mL and 'pM' against one in pmol/L had
    'no fixed factor', though README lists mc as a spelling of µ and pM is pmol/L."""
    assert conversion_exponent(given, unit) == exponent


def test_a_bare_m_or_a_lower_case_pm_is_no_molarity() -> None:
    for unit in ("M", "pm"):
        with pytest.raises(UnitProblem):
            conversion_exponent(unit, "pmol/L")


PMOL_SET = '[markers."IL-6"]\nunit = "pmol/L"\nhigh = 5\nsource = "t"\n'


@pytest.mark.parametrize(
    ("data", "statuses"),
    [("sample_id,IL-6 (pM)\nW1,120\n", ["high"]),  # a wide header
     ("sample_id,IL-6 [nM]\nW1,0.003\n", ["normal"]),
     ("sample_id,marker,Result (pM)\nR,IL-6,7\n", ["high"]),  # the value column's header
     ("sample_id,marker,value\nL,IL-6,120 pM\nM,IL-6,<2 pM\nN,IL-6,12nM\n",
      ["high", "normal", "high"])],  # in the value cell
)  # fmt: skip
def test_molarity_abbreviations_are_read_wherever_a_unit_is(
    tmp_path: Path, data: str, statuses: list[str]
) -> None:
    """Regression QA: 'IL-6 (pM)' was a column not read (its result lost, exit 0), '120 pM'
    was 'not a number' and 'Result (pM)' refused the file, though README says pM is pmol/L."""
    ranges = tmp_path / "pm.toml"
    ranges.write_text(PMOL_SET)
    path = tmp_path / "pm.csv"
    path.write_text(data, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--ranges", str(ranges), "-f", "ndjson"])
    results = [line for line in map(json.loads, result.stdout.splitlines()) if "status" in line]
    assert [line["status"] for line in results] == statuses, result.stdout


def test_a_labs_range_in_pm_judges_a_molar_row(tmp_path: Path) -> None:
    """The molar message advises the lab's range in the row: '0-5 pM' was 'not in a form
    panelcli reads' (regression QA)."""
    path = tmp_path / "m.csv"
    path.write_text(
        "sample_id,marker,value,unit,reference_range\nA,IL-6,12,pM,0-5 pM\nB,IL-6,12,nM,0-5 (nM)\n"
        "C,IL-6,12,pmol/L,<5 pM\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", str(path), "-f", "ndjson"])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [
        (line.get("status"), line.get("reference", {}).get("origin")) for line in lines[:3]
    ] == [("high", "file")] * 3


@pytest.mark.parametrize(
    ("unit", "meant"),
    [("pgs/ml", "pg/mL"), ("pq/mL", "pg/mL"), ("mgs/dl", "mg/dL"), ("cells/uL", None),
     ("copies/mL", None), ("ratio", None),
     # review: units of their own, close as they look to U/mL, pg/mL and ng/mL
     ("AU/mL", None), ("pg/mg", None), ("ng/mL/h", None),
     # a µ lost on saving as Windows-1252 (QA: '?g/L' was 'g/L', a million times more)
     ("?g/L", "µg/L"), ("?g/mL", "µg/mL"), ("\ufffdg/L", "µg/L"), ("?mol/L", None),
     # DOS code page 850's µ read as Windows-1252; never another prefix (QA: 'æg/l' and
     # 'xg/l' got 'did you mean g/L?', a million times more; 'ag/mL' µg/mL)
     ("æg/l", "µg/L"), ("xg/l", None), ("ųg/L", None), ("ag/mL", None), ("kg/L", None),
     ("pg/nL", None), ("pg/kL", None), ("ng/nL", None),  # nor a litre's (QA)
     # units with no gram keep their hints (review: lost with the check above)
     ("mUI/mL", "mIU/mL"), ("nmoll/L", "nmol/L")],
)  # fmt: skip
def test_a_unit_that_looks_like_a_slip_is_named(unit: str, meant: str | None) -> None:
    """QA: a ranges file's 'pgs/ml' was 'valid', and every pg/mL row was then refused as
    not matching it, the data blamed; a unit no common one is like gets no guess."""
    from panelcli.units import unit_typo_of

    assert unit_typo_of(unit) == meant
    (warning,) = ranges_warnings(_set(unit))
    assert warning.endswith(f" (did you mean '{meant}'?)" if meant else "can be judged")
    with pytest.raises(UnitProblem) as refused:
        conversion_exponent("pg/mL", unit)
    assert (f"(is the set's unit a slip for {meant}?)" in str(refused.value)) is bool(meant)
    with pytest.raises(UnitProblem) as refused:
        conversion_exponent(unit, "ng/L")
    assert (f"did you mean {meant}?" in str(refused.value)) is bool(meant)


def test_a_file_of_one_misspelt_unit_looks_for_the_unit_it_means_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every row with 'pgs/ml' compared the unit with the common ones again (difflib): 100,000
    such rows took five times as long as good ones."""
    import difflib

    from panelcli.check import check_file

    compared: list[str] = []
    close_matches = difflib.get_close_matches

    def counted(word: str, possibilities: list[str], n: int, cutoff: float) -> list[str]:
        compared.append(word)
        return close_matches(word, possibilities, n=n, cutoff=cutoff)

    monkeypatch.setattr(difflib, "get_close_matches", counted)
    path = tmp_path / "typo.csv"
    path.write_text(
        "sample_id,marker,value,unit\n" + "".join(f"S{n},IL-6,{n}.5,pgs/ml\n" for n in range(200)),
        encoding="utf-8",
    )
    report = check_file(str(path))
    assert len(report.rejected) == 200
    assert all("did you mean pg/mL?" in issue.message for issue in report.rejected)
    assert len(compared) <= 1
