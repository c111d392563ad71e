"""Text written with combining accents ('u' + '¨', Unicode NFD, as some programs save it) is
read as the same text with each accent in one character (NFC): a person sees no difference."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from panelcli.check import CheckOptions, Interpreter, build_report
from panelcli.models import Result
from panelcli.ranges import load_ranges

RANGES = load_ranges("arup-3002601")


def decomposed(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def report_of(path: Path, short: bool):  # type: ignore[no-untyped-def]
    interpreter = Interpreter(RANGES, CheckOptions(), short_path=short)
    return build_report(interpreter.stream([str(path)]), RANGES)


@pytest.mark.parametrize("short", [True, False])
def test_ids_written_with_combining_accents_are_one_patient_and_one_sample(
    tmp_path: Path, short: bool
) -> None:
    """QA: 'Müller' written both ways made two patients, and the trend lost its peak of 9;
    'Zé-1' both ways made two panels."""
    path = tmp_path / "ids.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "S1,Müller,2026-03-02,IL-6,1.0,pg/mL\n"
        f"S2,{decomposed('Müller')},2026-03-09,IL-6,9.0,pg/mL\n"
        "S3,Müller,2026-03-16,IL-6,2.0,pg/mL\n"
        "Zé-1,P9,2026-03-02,IL-6,1.0,pg/mL\n"
        f"{decomposed('Zé-1')},P9,2026-03-02,IL-8,50,pg/mL\n",
        encoding="utf-8",
    )
    report = report_of(path, short)
    assert [p.sample_id for p in report.panels] == ["S1", "S2", "S3", "Zé-1"]
    assert {p.patient_id for p in report.panels[:3]} == {"Müller"}
    (trend,) = [t for t in report.trends if t.patient_id == "Müller"]
    (il6,) = trend.markers
    assert [point.value for point in il6.points] == [1.0, 9.0, 2.0]


def test_a_header_and_cells_with_combining_accents_are_read(tmp_path: Path) -> None:
    """QA: 'Résultat' so written was no value column (the file was refused), 'männlich' no
    sex and 'élevé' no flag, though each is read when written with one character."""
    header = decomposed("Échantillon;Analyse;Résultat;Unité;Sexe;Flag")
    path = tmp_path / "fr.csv"
    path.write_text(
        f"{header}\nS1;IL-6;12,5;pg/mL;{decomposed('männlich')};{decomposed('élevé')}\n",
        encoding="utf-8",
    )
    report = report_of(path, short=True)
    (result,) = [r for p in report.panels for r in p.results if isinstance(r, Result)]
    assert (result.marker, result.status.value, result.value) == ("IL-6", "high", 12.5)
    codes = {w.code for w in report.warnings}
    assert not codes & {"person-unreadable", "flag-unreadable"}, report.warnings


def test_both_paths_give_the_same_for_text_with_combining_accents(tmp_path: Path) -> None:
    """Review: the general path composed every cell and the short path only ids, so a row
    sent to the general path (its date unreadable) was a 'sample-conflict' with its
    neighbour, though both cells held the same bytes."""
    path = tmp_path / "nfd.csv"
    path.write_text(
        decomposed(
            "sample_id,patient_id,collected_at,marker,value,unit,comment\n"
            "S1,Zoë,3. März 2026,IL-6,3,pg/mL,hämolytisch\n"
            "S1,Zoë,3. März 2026,IL-10,3,pg/mL,\n"
            "S2,Zoë,2026-03-10,IL-6,x,pg/mL,\n"
        ),
        encoding="utf-8",
    )
    short, general = (report_of(path, short) for short in (True, False))
    assert short.model_dump_json() == general.model_dump_json()
    assert "sample-conflict" not in {w.code for w in short.warnings}


def test_a_value_s_words_with_combining_accents_are_read(tmp_path: Path) -> None:
    """Review: once value cells were left as written, '9 erhöht' so written was 'not a number'
    (it had been read, its flag word noted) in long and wide files alike."""
    for name, text in (
        ("long.csv", f"sample_id,marker,value,unit\nS1,IL-6,{decomposed('9 erhöht')},pg/mL\n"),
        ("wide.csv", f"sample_id,IL-6 (pg/mL)\nS1,{decomposed('9 erhöht')}\n"),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        report = report_of(path, short=True)
        assert report.rejected == [], name
        assert [r.value for p in report.panels for r in p.results] == [9.0], name
