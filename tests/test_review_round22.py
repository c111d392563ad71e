"""Review of QA round 22's change (/work/qa22/review/report.md): regressions it found."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.cli import app

runner = CliRunner()


def _check_json(path: str, *options: str) -> tuple[int, dict]:
    """Exit code and JSON document of `panelcli check path -f json`."""
    run = runner.invoke(app, ["check", path, "-f", "json", *options])
    return run.exit_code, json.loads(run.stdout)


def test_a_copy_of_mayo_with_crp_as_its_own_range_is_not_said_to_differ(tmp_path: Path) -> None:
    """R4: a copy made before mayo-adult's CRP became a row for all ages ('high = 5.0' on the
    marker) was told on every run that its '< 5 mg/L' was not the set's 'all ages: < 5 mg/L'."""
    folder = tmp_path / "mayo"
    assert (
        runner.invoke(app, ["ranges", "init", str(folder), "--from", "mayo-adult"]).exit_code == 0
    )
    (copy,) = folder.glob("*.toml")
    text = copy.read_text(encoding="utf-8")
    row = '[[markers."CRP".intervals]]\nage_min = 0\nhigh = 5.0\nhigh_exclusive = true\n'
    assert row in text
    old = text.replace(row, "").replace(
        '[markers."CRP"]\nunit = "mg/L"\n',
        '[markers."CRP"]\nunit = "mg/L"\nhigh = 5.0\nhigh_exclusive = true\n',
    )
    copy.write_text(old, encoding="utf-8")
    validated = runner.invoke(app, ["ranges", "validate", str(folder)])
    assert validated.exit_code == 0
    assert "warning" not in validated.output, validated.output
    changed = old.replace("high = 5.0\nhigh_exclusive = true\n", "high = 8.0\n", 1)
    copy.write_text(changed, encoding="utf-8")
    validated = runner.invoke(app, ["ranges", "validate", str(folder)])
    assert "marker 'CRP': its 'source' is copied word for word" in " ".join(
        validated.output.split()
    )


def test_reported_result_is_read_only_where_every_first_row_gives_a_value(
    write_csv: Callable[..., str],
) -> None:
    """R3: 'Reported Result' was read where one first row gave a value: rows with it blank (an
    LIS may fill it only where it differs) were refused, a high IL-10 unjudged; dates there
    ('03/01/2024', '20240301') were read as values, a word refused its row."""
    for cells in (("", "", "30"), ("12.0", "", ""), ("03/01/2024",) * 3, ("20240301",) * 3,
                  ("12.0", "4.9", "Reported")):  # fmt: skip
        rows = "".join(
            f"S1,{marker},{value},{cell},pg/mL\n"
            for marker, value, cell in zip(("IL-6", "IL-8", "IL-10"), ("1.2", "5", "30"), cells)
        )
        code, document = _check_json(
            write_csv(f"Sample ID,Marker,Result,Reported Result,Unit\n{rows}")
        )
        assert (code, [w["column"] for w in document["warnings"]]) == (1, ["Reported Result"]), (
            cells
        )
        assert [r["value"] for p in document["panels"] for r in p["results"]] == [1.2, 5.0, 30.0]


def test_a_reported_results_own_unit_column_is_read_with_it(write_csv: Callable[..., str]) -> None:
    """'Reported Unit' beside 'Reported Result' gave the unit, unread (unit-missing)."""
    path = write_csv(
        "Sample ID,Marker,Result,Reported Result,Reported Unit\nS1,IL-6,1.2,12.0,pg/mL\n"
    )
    code, document = _check_json(path)
    assert code == 1
    assert [(r["value"], r["unit"]) for p in document["panels"] for r in p["results"]] == [
        (12.0, "pg/mL")
    ]


@pytest.mark.parametrize(
    "line",
    ["QC rechazado solo para IL-8", "Corrida 1 rechazada - repetida como corrida 2: aceptada",
     "Corridas rechazadas: ninguna", "Run afgekeurd: geen", "Plaat 2: afgekeurd als CV > 20 %",
     "Piastra 2: respinta se CV > 20 %", "QC: niezaliczone próbki oznaczono gwiazdką",
     "QC afgekeurd voor IL-8 alleen", "QC: no superado = fuera de rango"],
)  # fmt: skip
def test_a_failing_word_in_another_language_with_more_after_it_is_a_note(
    write_csv: Callable[..., str], line: str
) -> None:
    """R1: the new Spanish, Italian, Dutch and Polish words failed the run where what follows
    them (one marker only, a repeat that passed, a count of none, a rule, a legend) is read in
    English, German and French only."""
    path = write_csv(f"Muestra;Prueba;Resultado;Unidades\nM1;IL-6;1,0;pg/mL\n{line}\n")
    code, document = _check_json(path)
    assert code == 0, document["rejected"]


@pytest.mark.parametrize(
    "line",
    ["Sedute respinte", "Run afgekeurd - niet rapporteren", "Przebieg: odrzucony",
     "Corrida rechazada: control alto fuera de rango",
     "Run afgekeurd - controle hoog buiten bereik"],
)  # fmt: skip
def test_a_failing_word_in_another_language_alone_fails_the_run(
    write_csv: Callable[..., str], line: str
) -> None:
    """... and alone, or with 'do not report' after it, it still fails the run."""
    path = write_csv(f"Muestra;Prueba;Resultado;Unidades\nM1;IL-6;1,0;pg/mL\n{line}\n")
    code, document = _check_json(path)
    assert (code, [r["code"] for r in document["rejected"]]) == (2, ["run-qc-failed"])


@pytest.mark.parametrize(
    ("label", "control"),
    [("STDA", True), ("STDB", True), ("BLANKB", True), ("CALB", True), ("POOLB", True),
     ("BUFFERA", True), ("KIT CONTROLA", True), ("BLANKA", False), ("POOLE", False),
     ("CALA", True), ("CALE", True), ("Cale", False), ("Blanka", False)],
)  # fmt: skip
def test_capitals_glued_to_a_controls_word(label: str, control: bool) -> None:
    """R2: 'STDA', 'BLANKB', 'BUFFERA' (plate readers write ids in capitals) were judged as
    patients' after ec2ef7f; names in capitals ('BLANKA', 'POOLE') are not controls."""
    from panelcli.reading import _names_a_standard

    assert _names_a_standard(label) is control


@pytest.mark.parametrize(
    ("question", "code"),
    [("normal level", 0), ("what is a normal level", 0), ("normal range", 0),
     ("normal value", 2), ("normal range of values", 2)],
)  # fmt: skip
def test_a_normal_question_of_no_marker_is_read_as_before(question: str, code: int) -> None:
    """R5: after 06cb908 'normal level' (the overview before) was refused as 'level', and a
    refusal quoted 'value' of 'normal value': the user's words, as they were."""
    run = runner.invoke(app, ["explain", *question.split()])
    assert run.exit_code == code
    if code:
        assert f"no explanation for '{question}'" in run.stderr


def test_two_times_on_one_day_are_not_two_collection_dates(write_csv: Callable[..., str]) -> None:
    """D2: 08:00 and 08:05 of one day were '2 collection dates … another blood draw'."""
    path = write_csv(
        "sample_id,collected_at,marker,value,unit\nS1,2024-03-01 08:00,IL-6,30,pg/mL\n"
        "S1,2024-03-01 08:05,IL-1β,30,pg/mL\nS1,2024-03-01,TNF-α,30,pg/mL\n"
    )
    code, document = _check_json(path)
    assert "collection dates" not in " ".join(document["panels"][0]["summary"]["text"])


def test_replicates_a_few_percent_apart_about_a_limit_are_near_it(
    write_csv: Callable[..., str],
) -> None:
    """D3: IL-6 2.4 and 2.6 by a limit of 2.5 'disagree … a healthcare provider can say which
    one counts': they are near the limit; 1.0 and 40 still disagree."""
    path = write_csv(
        "Sample ID,Marker,Result,Unit\nS1,IL-6,2.4,pg/mL\nS1,IL-6,2.6,pg/mL\n"
        "S2,IL-6,1.0,pg/mL\nS2,IL-6,40,pg/mL\n"
    )
    near, apart = (" ".join(p["summary"]["text"]) for p in _check_json(path)[1]["panels"])
    assert (
        "The results for IL-6 are close to each other, but one is just inside the range and "
        "another just above it: IL-6 is near the range's limit." in near
    )
    assert "disagree" not in near and "so they disagree" in apart


def test_explain_gives_no_hint_for_another_chain_written_as_one_name() -> None:
    """D6: explain "IL-2 receptor beta" (quoted, one name) still hinted sIL-2R."""
    run = runner.invoke(app, ["explain", "IL-2 receptor beta"])
    assert run.exit_code == 2
    assert "did you mean" not in run.stderr
    assert "(did you mean CRP?)" in runner.invoke(app, ["explain", "hs-CRP"]).stderr


def test_the_reported_results_unit_beside_the_measured_ones_is_read(
    write_csv: Callable[..., str],
) -> None:
    """Second review: beside 'Units', 'Reported Units' was not read, so 1.5 ng/mL reported was
    judged as 1.5 pg/mL, normal (it is 1500 pg/mL, high), exit 0."""
    path = write_csv(
        "Sample ID,Marker,Result,Units,Reported Result,Reported Units\n"
        "S1,IL-6,1500,pg/mL,1.5,ng/mL\nS1,IL-8,5,pg/mL,0.005,ng/mL\n"
    )
    code, document = _check_json(path)
    assert code == 1
    judged = [
        (r["marker"], r["value"], r["status"]) for p in document["panels"] for r in p["results"]
    ]
    assert judged == [("IL-6", 1500.0, "high"), ("IL-8", 5.0, "normal")]
    assert {w["column"] for w in document["warnings"]} == {"Result", "Units"}


def test_replicates_beside_a_zero_or_a_critical_one_are_not_near_the_limit(
    write_csv: Callable[..., str],
) -> None:
    """Second review: IL-6 0 and 40 were 'close to each other … near the range's limit'."""
    path = write_csv("Sample ID,Marker,Result,Unit\nS1,IL-6,0,pg/mL\nS1,IL-6,40,pg/mL\n")
    said = " ".join(_check_json(path)[1]["panels"][0]["summary"]["text"])
    assert "near the range's limit" not in said and "so they disagree" in said
