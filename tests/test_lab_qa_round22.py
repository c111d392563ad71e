"""Lab staff QA round 22 (/work/qa22/lab/report.md) and round 21's open F3: exports read wrong."""

from __future__ import annotations

import json
from collections.abc import Callable

from typer.testing import CliRunner

from panelcli.cli import app

runner = CliRunner()


def _check_json(path: str, *options: str) -> tuple[int, dict]:
    """Exit code and JSON document of `panelcli check path -f json`."""
    run = runner.invoke(app, ["check", path, "-f", "json", *options])
    return run.exit_code, json.loads(run.stdout)


def _judged(document: dict) -> list[tuple[str, float | None, str]]:
    """Each result's marker, value and status."""
    return [
        (r["marker"], r["value"], r["status"])
        for panel in document["panels"]
        for r in panel["results"]
    ]


def test_the_reported_result_beside_the_first_measured_is_judged(
    write_csv: Callable[..., str],
) -> None:
    """Round 21's F3: 'Result' 1.2 was judged normal beside 'Reported Result' 12.0, the lab's
    result after any rerun (exit 0). Where the first rows (64 KiB) all give it, a later row
    with it blank is refused, quoting the first value (not judged by it: review)."""
    path = write_csv(
        "Sample ID,Marker,Result,Reported Result,Unit\nS1,IL-6,1.2,12.0,pg/mL\n"
        "S1,IL-8,4.0,40,pg/mL\n"
        + "".join(f"P{n},IL-10,1.0,1.0,pg/mL\n" for n in range(4000))
        + "S3,TNF-alpha,1.0,,pg/mL\n"
    )
    code, document = _check_json(path)
    assert code == 2
    assert _judged(document)[:2] == [("IL-6", 12.0, "high"), ("IL-8", 40.0, "high")]
    (unread,) = [w for w in document["warnings"] if w["code"] == "column-ignored"]
    assert unread["column"] == "Result"
    assert "read from column 'Reported Result'" in unread["message"]
    (blank,) = document["rejected"]
    assert (blank["line"], blank["code"]) == (4004, "value-missing")
    quoted = "'Result' gives '1.0', measured before any rerun, which is not judged"
    assert quoted in blank["message"]


def test_a_reported_result_of_yes_or_no_is_not_the_value(write_csv: Callable[..., str]) -> None:
    """Review of round 21: a 'Reported Result' of Y/N (or 1/0) says whether the result was
    reported; read as the value it refused every row. 'Result' stays the value."""
    for flags in (("Y", "N"), ("1", "0")):
        path = write_csv(
            "Sample ID,Marker,Result,Reported Result,Unit\n"
            f"S1,IL-6,1.2,{flags[0]},pg/mL\nS1,IL-8,40,{flags[1]},pg/mL\n"
        )
        code, document = _check_json(path)
        assert code == 1
        assert _judged(document) == [("IL-6", 1.2, "normal"), ("IL-8", 40.0, "high")]
        assert document["warnings"][0]["column"] == "Reported Result"


def test_a_reported_result_beside_a_rerun_is_read_over_both(
    write_csv: Callable[..., str],
) -> None:
    """The reported result comes after any rerun: with decimal commas, beside 'Rerun Result',
    it is read and the rerun column is said not to be."""
    path = write_csv(
        "Sample ID;Marker;Result;Rerun Result;Reported Result;Unit\n"
        "S1;IL-6;1,2;;12,0;pg/mL\nS1;IL-8;4,0;30;30;pg/mL\n"
    )
    code, document = _check_json(path)
    assert code == 1
    assert _judged(document) == [("IL-6", 12.0, "high"), ("IL-8", 30.0, "high")]
    assert {w["column"] for w in document["warnings"]} == {"Result", "Rerun Result"}


def test_a_range_labelled_norm_or_rr_is_read() -> None:
    """Round 21's leftover: 'Norm < 2,1' and 'RR: < 2,1' (German and English labels, no colon
    after 'Norm') were not read, in a header's brackets or a range column."""
    from panelcli.values import LabRange, parse_lab_range

    below = LabRange(None, 2.1, None, high_exclusive=True)
    for text in ("(Norm < 2,1)", "(RR: < 2,1)", "Norm < 2,1", "RR <2.1", "Ref. < 2.1"):
        assert parse_lab_range(text) == below, text
    assert parse_lab_range("RI 0-7") == LabRange(0.0, 7.0, None)
    assert parse_lab_range("Normal") is None


def test_a_wide_header_and_a_range_column_labelled_norm_judge_by_it(
    write_csv: Callable[..., str],
) -> None:
    """IL-2 3,5 under 'IL-2 (pg/ml) (Norm < 2,1)' is high by the lab's range, as beside a range
    column of 'Norm < 2,1'; IL-6 1,0 under '(RR: < 7,0)' is normal by it."""
    wide = write_csv("Sample ID;IL-2 (pg/ml) (Norm < 2,1);IL-6 (pg/ml) (RR: < 7,0)\nS1;3,5;1,0\n")
    long = write_csv(
        "Sample ID;Marker;Result;Unit;Normbereich\nS1;IL-2;3,5;pg/ml;Norm < 2,1\n"
        "S1;IL-6;1,0;pg/ml;(RR: < 7,0)\n",
        "long.csv",
    )
    for path in (wide, long):
        code, document = _check_json(path)
        assert code == 1
        assert _judged(document) == [("IL-2", 3.5, "high"), ("IL-6", 1.0, "normal")]
        assert all("the file's range was used" in w["message"] for w in document["warnings"][-2:])


def test_examen_and_untersuchung_are_the_marker_only_where_no_other_column_is(
    write_csv: Callable[..., str],
) -> None:
    """Round 21's leftover: 'Muestra;Examen;Resultado' was refused ('no marker column'); as a
    strong name, 'Examen' beside 'Analito' (the panel's name) refused the file (review)."""
    alone = write_csv("Muestra;Examen;Resultado;Unidad\nM1;IL-6;12;pg/mL\nM1;TNF-a;3;pg/mL\n")
    german = write_csv("Probe;Untersuchung;Ergebnis;Einheit\nP1;IL-6;12;pg/mL\n", "de.csv")
    beside = write_csv(
        "Muestra,Examen,Analito,Resultado,Unidad\nM1,Perfil de citocinas,IL-6,12,pg/mL\n"
        "M1,Perfil de citocinas,TNF-a,3,pg/mL\n",
        "beside.csv",
    )
    panel = write_csv(
        "Probe;Untersuchung;Analyt;Ergebnis;Einheit\nP1;Zytokinprofil;IL-6;12;pg/mL\n",
        "panel.csv",
    )
    for path in (alone, beside):
        code, document = _check_json(path)
        assert code == 1
        assert _judged(document) == [("IL-6", 12.0, "high"), ("TNF-α", 3.0, "normal")]
    assert _judged(_check_json(german)[1]) == [("IL-6", 12.0, "high")]
    code, document = _check_json(panel)
    assert (code, _judged(document)) == (1, [("IL-6", 12.0, "high")])
    assert [w["column"] for w in document["warnings"]] == ["Untersuchung"]


def test_a_limit_row_labelled_in_another_language_is_not_a_sample(
    write_csv: Callable[..., str],
) -> None:
    """F4: 'Obergrenze;7;62' (and French, Spanish, Italian, Dutch) was judged as a sample,
    flagged high, and sample A judged by the set's ranges (exit 1, no warning); critical and
    detection-limit rows too."""
    for label in ("Obergrenze", "Limite supérieure", "Límite superior", "Limite superiore",
                  "Bovengrens"):  # fmt: skip
        path = write_csv(f"Probe;IL-6 (pg/ml);IL-8 (pg/ml)\n{label};7;62\nA;5,0;40,0\n")
        code, document = _check_json(path)
        assert (code, _judged(document)) == (0, [("IL-6", 5.0, "normal"), ("IL-8", 40.0, "normal")])
        assert document["warnings"][0]["code"] == "range-row-skipped", label
    for label, code_said in (
        ("Kritischer Wert", "range-row-skipped"), ("Valeur critique", "range-row-skipped"),
        ("Untergrenze", "range-row-skipped"), ("Límite de detección", "control-skipped"),
        ("Limite di rilevabilità", "control-skipped"), ("Detectiegrens", "control-skipped"),
    ):  # fmt: skip
        path = write_csv(f"Probe;IL-6 (pg/ml);IL-8 (pg/ml)\n{label};100;500\nA;1,0;2,0\n")
        code, document = _check_json(path)
        assert [p["sample_id"] for p in document["panels"]] == ["A"], label
        assert document["warnings"][0]["code"] == code_said, label


def test_a_failed_run_said_in_spanish_italian_dutch_or_polish_fails_the_run(
    write_csv: Callable[..., str],
) -> None:
    """F3 (and P4): 'Corrida rechazada - no informar' was a note, exit 0 with an all-clear; 'QC
    FALLIDO' became a sample. English, German and French were read; not a count of none."""
    for line in ("Corrida rechazada - no informar", "QC FALLIDO", "Control de calidad: FALLIDO",
                 "Controllo qualità: NON SUPERATO", "CQ non superato", "Run afgekeurd",
                 "Run niet geldig", "Kontrola jakości: niezaliczona"):  # fmt: skip
        path = write_csv(f"Muestra;Prueba;Resultado;Unidades\nM1;IL-6;1,0;pg/mL\n{line}\n")
        code, document = _check_json(path)
        assert code == 2, line
        assert [i["code"] for i in document["rejected"]] == ["run-qc-failed"], line
        assert [p["sample_id"] for p in document["panels"]] == ["M1"], line
    for line in ("Resultado validado", "Muestra rechazada"):
        path = write_csv(f"Muestra;Prueba;Resultado;Unidades\nM1;IL-6;1,0;pg/mL\n{line}\n")
        assert _check_json(path)[0] == 0, line


def test_a_note_after_a_wide_headers_unit_leaves_its_column_read(
    write_csv: Callable[..., str],
) -> None:
    """F2: 'IL-10 (pg/ml) (LLOQ 1,5)', '[LOD: 0,5]', '(n=2)', '(ULOQ 5000)' and a footnote's
    'a' left their columns unread: IL-10 at 18 times its limit vanished, exit 0. 'hs' or 'SD'
    after the unit still leave a column unread (it may hold no result of the marker)."""
    path = write_csv(
        "Probe;IL-6 (pg/ml);IL-10 (pg/ml) (LLOQ 1,5);IL-8 (pg/ml) [LOD: 0,5];IL-13 (pg/ml)a;"
        "IL-2 (pg/ml) (n=2);IL-4 (pg/ml) (ULOQ 5000);IL-6 (pg/mL) SD\nA;1,0;99,0;250,0;40,0;3;9;4\n"
    )
    code, document = _check_json(path)
    assert code == 1
    assert [m for m, _, _ in _judged(document)] == ["IL-6", "IL-10", "IL-8", "IL-13", "IL-2",
                                                    "IL-4"]  # fmt: skip
    said = {w["column"]: w["code"] for w in document["warnings"]}
    assert said.pop("IL-6 (pg/mL) SD") == "column-ignored"
    assert set(said.values()) == {"header-words-after-unit"}


def test_one_markers_results_on_both_sides_of_the_range_are_said_to_disagree(
    write_csv: Callable[..., str],
) -> None:
    """F1: IL-6 1.0 and 40 said only 'IL-6 is 16 times the upper limit', never that its other
    result is inside the range; '>500' beside 1.0 missed the '100 times apart' sentence."""
    from panelcli.check import check_file

    path = write_csv(
        "Sample ID,Marker,Result,Unit\nS1,IL-6,1.0,pg/mL\nS1,IL-6,40.0,pg/mL\nS1,IL-8,5.0,pg/mL\n"
        "S3,IL-6,>500,pg/mL\nS3,IL-6,1.0,pg/mL\nS5,IL-6,<0.5,pg/mL\nS5,IL-6,100,pg/mL\n"
    )
    split, censored, below = (" ".join(p.summary.text) for p in check_file(path).panels)
    assert (
        "One result for IL-6 is inside the range and another is above it, so they disagree. "
        "A healthcare provider can say which one counts." in split
    )
    assert (
        "One result for IL-6 is at least 500 times another: 1 pg/mL and more than 500 pg/mL."
        in censored
    )
    assert "inside the range and another" not in censored  # the far-apart sentence says it
    # one too low to measure: said once, by that sentence
    assert below.count("disagree") == 1


def test_a_unit_with_a_division_or_fraction_slash_is_read(write_csv: Callable[..., str]) -> None:
    """P3: 'pg∕mL' (U+2215) and 'pg⁄mL' (U+2044) were refused, while 'pg／mL' was read."""
    long = write_csv("Sample ID,Marker,Result,Unit\nS1,IL-6,5,pg\u2215mL\nS1,IL-8,5,pg\u2044mL\n")
    wide = write_csv("Sample ID,IL-6 (pg\u2215mL)\nS1,5\n", "wide.csv")
    assert _judged(_check_json(long)[1]) == [("IL-6", 5.0, "high"), ("IL-8", 5.0, "normal")]
    assert _judged(_check_json(wide)[1]) == [("IL-6", 5.0, "high")]


def test_a_censored_value_grouped_by_a_space_gets_the_spaces_hint(
    write_csv: Callable[..., str],
) -> None:
    """P1: '>1 000' and '< 1 000' were only 'not a number', where '1 500' says why."""
    path = write_csv("Sample ID;Marker;Result;Unit\nS1;IL-6;>1 000;pg/mL\nS1;IL-8;< 1 000;pg/mL\n")
    code, document = _check_json(path)
    assert code == 2
    assert [r["message"] for r in document["rejected"]] == [
        f"value '{cell}' has a space inside; if it groups thousands, write the number without it"
        for cell in (">1 000", "< 1 000")
    ]


def test_ranges_with_a_minus_sign_a_flag_after_or_polish_do_are_read(
    write_csv: Callable[..., str],
) -> None:
    """P2: '0−3,0' (a minus sign), '0,0 ‒ 3,0' (a figure dash), '0-7 H' (the flag after it) and
    Polish 'do 9,1' were unread, and the set's range judged IL-8 4.0 normal."""
    path = write_csv(
        "Probe;Test;Ergebnis;Einheit;Referenzbereich\nS1;IL-8;4,0;pg/ml;0\u22123,0\n"
        "S1;IL-13;4,0;pg/ml;0,0 \u2012 3,0\nS1;IL-6;5,0;pg/ml;0-7 H\nS1;IL-10;9,0;pg/ml;do 9,1\n"
    )
    code, document = _check_json(path)
    assert _judged(document) == [
        ("IL-8", 4.0, "high"), ("IL-13", 4.0, "high"), ("IL-6", 5.0, "normal"),
        ("IL-10", 9.0, "normal"),
    ]  # fmt: skip
    assert all("the file's range was used" in w["message"] for w in document["warnings"])


def test_polish_mean_row_and_french_control_type_are_not_patients(
    write_csv: Callable[..., str],
) -> None:
    """P5: the Polish mean row 'Średnia' was judged as a sample; a 'Contrôle' type was judged
    as a patient's where 'Kontrolle' was skipped."""
    mean = write_csv("Próbka;IL-6 (pg/ml);IL-8 (pg/ml)\nA;5,0;40,0\nŚrednia;6,0;30,0\n")
    typed = write_csv(
        "Well;Type;Analyt;Ergebnis;Einheit\nA2;Kontrolle;IL-6;150;pg/ml\n"
        "A3;Contrôle;IL-6;150;pg/ml\nA4;Probe;IL-6;1,0;pg/ml\n",
        "typed.csv",
    )
    code, document = _check_json(mean)
    assert [p["sample_id"] for p in document["panels"]] == ["A"]
    code, document = _check_json(typed)
    assert (code, _judged(document)) == (0, [("IL-6", 1.0, "normal")])
    skipped = [w for w in document["warnings"] if w["code"] == "control-skipped"]
    assert [w["line"] for w in skipped] == [2, 3]


def test_a_preamble_warning_says_its_unit_is_quoted(write_csv: Callable[..., str]) -> None:
    """P6: 'line 1 … was not read' beside errors quoting line 1's unit."""
    path = write_csv("Alle Konzentrationen in ng/ml\nProbe;IL-6;IL-8\nA;0,004;0,2\n")
    code, document = _check_json(path)
    assert document["warnings"][0]["message"] == (
        "line 1 comes before the header and was not read, but for the unit line 1 names "
        "('ng/ml'), quoted where a value has no unit"
    )
    assert code == 2
