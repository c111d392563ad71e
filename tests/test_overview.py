"""Big runs in the table view: one line per sample, counts, the first problems, and a pointer to
the streamed formats, instead of drawing thousands of rows."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli import cli
from panelcli.check import (
    OVERVIEW_PANELS,
    CheckOptions,
    Interpreter,
    build_overview,
    build_report,
)
from panelcli.cli import app
from panelcli.ranges import load_ranges
from panelcli.render.table import MAX_TABLE_RESULTS, overview_of

runner = CliRunner()
MARKERS = ["IL-6", "TNF-α", "IL-10", "IFN-γ", "IL-8"]


def big_file(tmp_path: Path, samples: int, bad_every: int = 0) -> Path:
    """`samples` panels of five markers; every tenth sample has a high IL-6."""
    lines = ["sample_id,marker,value,unit"]
    for number in range(samples):
        for marker in MARKERS:
            value = "50" if marker == "IL-6" and number % 10 == 0 else "1.0"
            lines.append(f"S{number:05d},{marker},{value},pg/mL")
            if bad_every and len(lines) % bad_every == 0:
                lines.append(f"S{number:05d},IL-2,oops,pg/mL")
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_more_than_the_limit_shows_one_line_per_sample(tmp_path: Path) -> None:
    samples = MAX_TABLE_RESULTS // len(MARKERS) + 40  # 240 samples, 1,200 results
    result = runner.invoke(app, ["check", str(big_file(tmp_path, samples))])
    out = result.stdout
    assert result.exit_code == 1
    assert f"{samples * len(MARKERS):,} results in {samples} samples" in out
    assert "--format ndjson or --format csv" in out
    assert "In all: 1,176 normal, 24 high." in out
    # Samples with something outside the range come first, and the rest are counted.
    assert out.index("S00000") < out.index("S00010") < out.index("S00230") < out.index("S00001")
    assert f"… and {samples - OVERVIEW_PANELS} more samples (none of them with results" in out
    assert "Please note" in out and "diagnosis" in out
    assert "IL-8" not in out.split("Outside the range")[1].split("In all")[0]


def test_the_overview_says_what_indeterminate_and_no_reference_mean(tmp_path: Path) -> None:
    """QA: 'In all: … 173 indeterminate, 300 no reference.' with no word of what they mean, as
    the full table's legend gives for its marks."""
    lines = ["sample_id,marker,value,unit"]
    for number in range(MAX_TABLE_RESULTS // 2 + 1):
        lines += [f"S{number:04d},IL-6,<5,pg/mL", f"S{number:04d},XYZ,1,pg/mL"]
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = runner.invoke(app, ["check", str(path)], env={"COLUMNS": "300"}).stdout
    assert (
        "In all: 501 indeterminate, 501 no reference. Indeterminate ones could not be judged; "
        "--format csv gives each reason. No reference means the set has no range for that marker, "
        "or none for that person."
    ) in out
    out = runner.invoke(app, ["check", str(big_file(tmp_path, 240))]).stdout
    assert "In all: 1,176 normal, 24 high.\n" in out  # nothing to explain


def test_at_the_limit_the_full_table_is_drawn(tmp_path: Path) -> None:
    samples = MAX_TABLE_RESULTS // len(MARKERS)  # exactly 1,000 results
    result = runner.invoke(app, ["check", str(big_file(tmp_path, samples))])
    assert "results in" not in result.stdout
    assert result.stdout.count("Sample S00") == samples


def test_the_overview_lists_the_first_problems_and_counts_them_all(tmp_path: Path) -> None:
    path = big_file(tmp_path, 600, bad_every=20)
    result = runner.invoke(app, ["check", str(path), "--fail-on", "never"])
    assert result.exit_code == 2, "rejected rows give exit 2 even with --fail-on never"
    out = result.stdout
    rejected = out.count("✗ ")
    assert rejected == 100
    assert "more; 'panelcli validate FILE' lists them" in out
    total = int(out.split("Rows that could not be used (")[1].split(")")[0].replace(",", ""))
    assert total > rejected
    # Not "Each one is listed": only the first 100 are (found in review).
    said = " ".join(out.split())
    assert f"{total:,} rows could not be used. The first 100 are listed with their line" in said


def test_a_streamed_overview_equals_the_overview_of_the_whole_report(tmp_path: Path) -> None:
    path = str(big_file(tmp_path, 300, bad_every=50))
    ranges = load_ranges()
    streamed = build_overview(Interpreter(ranges, CheckOptions()).stream([path]), ranges)
    whole = overview_of(build_report(Interpreter(ranges, CheckOptions()).stream([path]), ranges))
    assert streamed == whole
    assert streamed.totals.results == 1500
    assert (streamed.samples, streamed.flagged_samples) == (300, 30)
    assert len(streamed.panels) == OVERVIEW_PANELS
    assert [p.sample_id for p in streamed.panels[:31]] == [
        *(f"S{n:05d}" for n in range(0, 300, 10)),  # flagged (a high IL-6) first, in order
        "S00001",
    ]


def test_a_file_given_twice_counts_its_samples_twice_as_its_report_does(tmp_path: Path) -> None:
    path = str(big_file(tmp_path, 30))
    ranges = load_ranges()
    streamed = build_overview(Interpreter(ranges, CheckOptions()).stream([path, path]), ranges)
    whole = overview_of(
        build_report(Interpreter(ranges, CheckOptions()).stream([path, path]), ranges)
    )
    assert streamed == whole
    assert (streamed.samples, streamed.flagged_samples) == (60, 6)


def test_a_sample_flagged_only_by_a_later_row_is_listed_in_order_of_first_sight(
    tmp_path: Path,
) -> None:
    """Only the samples the table lists are kept in full; one whose rows come back later must
    still be listed where it was first seen, with every marker outside the range."""
    lines = ["sample_id,patient_id,collected_at,marker,value,unit"]
    lines.append("S-FIRST,P-1,2026-01-01,IL-8,1.0,pg/mL")
    for number in range(80):
        lines += [f"S{number:03d},P-2,2026-01-02,{m},{'50' if m == 'IL-6' else '1.0'},pg/mL"
                  for m in MARKERS]  # fmt: skip
    lines += ["S-FIRST,P-9,2026-02-02,IL-6,50,pg/mL", "S-FIRST,P-9,2026-02-02,IL-10,99,pg/mL"]
    path = tmp_path / "later.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ranges = load_ranges()
    streamed = build_overview(Interpreter(ranges, CheckOptions()).stream([str(path)]), ranges)
    whole = overview_of(
        build_report(Interpreter(ranges, CheckOptions()).stream([str(path)]), ranges)
    )
    assert streamed == whole
    first = streamed.panels[0]
    assert (first.sample_id, first.patient_id, first.collected_at) == (
        "S-FIRST",
        "P-1",
        "2026-01-01",
    )
    assert (first.measured, first.flagged_markers) == (3, ["IL-6", "IL-10"])
    assert (streamed.samples, streamed.flagged_samples) == (81, 81)


def test_a_marker_on_many_rows_of_one_sample_is_listed_once(tmp_path: Path) -> None:
    """A file without sample ids is one sample: its list grew with every high row, holding
    memory and drawing 'IL-6, IL-6, …' (found in review)."""
    path = tmp_path / "one-sample.csv"
    path.write_text("marker,value,unit\n" + "IL-6,9,pg/mL\nIL-8,99,pg/mL\n" * 1000)
    ranges = load_ranges()
    streamed = build_overview(Interpreter(ranges, CheckOptions()).stream([str(path)]), ranges)
    whole = overview_of(
        build_report(Interpreter(ranges, CheckOptions()).stream([str(path)]), ranges)
    )
    assert streamed == whole
    assert [p.flagged_markers for p in streamed.panels] == [["IL-6", "IL-8"]]


def test_the_warning_that_sums_up_others_is_shown_past_the_first_hundred(
    tmp_path: Path,
) -> None:
    """A free-text range column: 100 warnings, then the one saying the rest are not listed,
    which the table dropped as the 101st problem (found in a black-box test)."""
    lines = ["sample_id,marker,value,unit,reference range"]
    lines += [f"S{n},IL-6,1.0,pg/mL,see note {n}" for n in range(1200)]
    path = tmp_path / "notes.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    out = " ".join(result.stdout.split())
    assert "more than 100 different 'range-unreadable' warnings" in out
    assert "Warnings (101):" in out and "more; 'panelcli validate" not in out
    ranges = load_ranges()
    streamed = build_overview(Interpreter(ranges, CheckOptions()).stream([str(path)]), ranges)
    whole = overview_of(
        build_report(Interpreter(ranges, CheckOptions()).stream([str(path)]), ranges)
    )
    assert streamed == whole
    validated = runner.invoke(app, ["validate", str(path)])
    assert validated.exit_code == 0
    assert validated.stderr == (
        "0 problems, 101 warnings in 1 file (reference set arup-3002601 version 2026.11)\n"
    )


def test_a_big_json_document_says_why_it_does_not_stream(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "BIG_DOCUMENT", 1000)
    path = str(big_file(tmp_path, 201))  # 1,005 results
    result = runner.invoke(app, ["check", path, "--format", "json"])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "panelcli: note: more than 1,000 results and issues: --format json is one"
    )
    assert "holds every one in memory (the run goes on); for big files use --format ndjson" in (
        result.stderr
    )
    assert json.loads(result.stdout)["totals"]["results"] == 1005
    quiet = runner.invoke(app, ["check", path, "--format", "json", "-o", str(tmp_path / "o")])
    assert "memory" in quiet.stderr
    small = runner.invoke(app, ["check", str(big_file(tmp_path, 20)), "--format", "json"])
    assert small.stderr == ""
    # FHIR holds about four times as much per result, so it says so four times as early
    monkeypatch.setattr(cli, "BIG_FHIR_DOCUMENT", 250)
    fhir = runner.invoke(app, ["check", str(big_file(tmp_path, 201)), "--format", "fhir"])
    assert fhir.stderr.startswith("panelcli: note: more than 250 results and issues: --format fhir")
    # developer QA: FHIR has no trends, so it does not 'follow patients over time' (json does)
    assert "groups results by sample (one Bundle), so it holds" in fhir.stderr
    assert "groups results by sample and follows patients over time" in result.stderr
    # QA: a file whose every row is refused was held with no word (2.2 GiB for 1M rows)
    refused = tmp_path / "refused.csv"
    refused.write_text(
        "sample_id,marker,value,unit\n" + "".join(f"S{n},IL-6,abc,pg/mL\n" for n in range(1001)),
        encoding="utf-8",
    )
    all_refused = runner.invoke(app, ["check", str(refused), "--format", "json"])
    assert all_refused.stderr.startswith("panelcli: note: more than 1,000 results and issues")


def test_the_overview_counts_listed_rows_without_the_files_it_could_not_read(
    tmp_path: Path,
) -> None:
    """With unreadable files among the listed problems it said 'Each one is listed' over a
    list that ended '… and 3 more' (found in review)."""
    path = big_file(tmp_path, 600, bad_every=6)
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"\x00\x01binary")
    result = runner.invoke(
        app, ["check", str(broken), str(broken), str(path), "--fail-on", "never"]
    )
    said = " ".join(result.stdout.split())
    assert "Each one is listed" not in said
    assert "The first 98 are listed with their line" in said


def critical_ranges(tmp_path: Path) -> Path:
    """The bundled set with a critical limit for IL-6 (500 pg/mL), as a lab may add one."""
    from panelcli.ranges import find_set

    text = find_set("arup-3002601").read_text(encoding="utf-8")
    text = text.replace('[markers."IL-6"]\n', '[markers."IL-6"]\ncritical_high = 500\n', 1)
    path = tmp_path / "critical.toml"
    path.write_text(text, encoding="utf-8")
    return path


def file_with_a_late_critical_and_a_low(tmp_path: Path, samples: int = 300) -> Path:
    """`big_file`, then a sample with IL-6 critical and one with IL-10 low (its set's low)."""
    path = big_file(tmp_path, samples)
    with path.open("a", encoding="utf-8") as file:
        file.write("LATE1,IL-6,900,pg/mL\nLATE1,IL-10,1.0,pg/mL\nLATE2,IL-6,60,pg/mL\n")
    return path


def test_a_critical_sample_is_listed_first_and_marked(tmp_path: Path) -> None:
    """QA: a sample with IL-6 at 500 where the lab's critical limit is 100 was folded into
    '… and 567 more samples', and a listed critical value looked like any high one."""
    path = file_with_a_late_critical_and_a_low(tmp_path)
    ranges = critical_ranges(tmp_path)
    result = runner.invoke(
        app, ["check", str(path), "--ranges", str(ranges), "--fail-on", "critical"],
        env={"COLUMNS": "160"},
    )  # fmt: skip
    out = result.stdout
    assert result.exit_code == 1
    assert "(samples with a critical result first, then those with results outside the range)" in (
        out
    )
    rows = [line for line in out.splitlines() if line.startswith("│ ")]
    assert rows[0].split("│")[1].strip() == "LATE1"
    assert "IL-6 ‼▲ critical" in rows[0]
    assert "IL-6 ▲ high" in rows[1]  # S00000, the first of the others
    said = " ".join(out.split())
    assert (
        "1 sample has a result at or past a critical limit (marked ‼, listed first). A result "
        "like this should be talked over with a healthcare provider soon." in said
    )


def test_the_overview_says_which_way_a_marker_is_outside(tmp_path: Path) -> None:
    """QA: a low sIL-2R and a high one both showed just 'sIL-2R'."""
    from panelcli.models import PanelDigest
    from panelcli.render.table import digest_cells

    digest = PanelDigest(
        source="f.csv", sample_id="S1", measured=3,
        flagged_markers=["sIL-2R", "IL-6", "IL-10"], marker_flags=["L", "HH", "H"],
    )  # fmt: skip
    assert str(digest_cells(digest)["Outside the range"]) == (
        "sIL-2R ▼ low, IL-6 ‼▲ critical, IL-10 ▲ high"
    )
    assert digest.critical


def test_streamed_and_whole_overviews_agree_on_critical_samples(tmp_path: Path) -> None:
    path = str(file_with_a_late_critical_and_a_low(tmp_path))
    ranges = load_ranges(str(critical_ranges(tmp_path)))
    streamed = build_overview(Interpreter(ranges, CheckOptions()).stream([path]), ranges)
    whole = overview_of(build_report(Interpreter(ranges, CheckOptions()).stream([path]), ranges))
    assert streamed == whole
    assert (streamed.flagged_samples, streamed.critical_samples) == (32, 1)
    first = streamed.panels[0]
    assert (first.sample_id, first.flagged_markers, first.marker_flags) == (
        "LATE1",
        ["IL-6"],
        ["HH"],
    )
    assert [p.sample_id for p in streamed.panels[1:3]] == ["S00000", "S00010"]


def test_critical_samples_past_the_list_are_counted(tmp_path: Path) -> None:
    from panelcli.models import PanelDigest
    from panelcli.render.table import _hidden_samples

    ranges = load_ranges()
    overview = overview_of(build_report(iter(()), ranges)).model_copy(
        update={
            "samples": 80, "flagged_samples": 70, "critical_samples": 60,
            "panels": [
                PanelDigest(source="f", measured=1, flagged_markers=["IL-6"], marker_flags=["HH"])
            ] * OVERVIEW_PANELS,
        }
    )  # fmt: skip
    assert _hidden_samples(overview, 30) == (
        "… and 30 more samples (20 of them with results outside the range, 10 of those critical)."
    )


def file_with_unjudged_samples(tmp_path: Path) -> Path:
    """1,004 samples past the table's limit: Z1's results have no range, Z2's are censored
    below a value that straddles the range (indeterminate), A1 and A2 are P1's on two dates."""
    lines = [
        "sample_id,patient_id,collected_at,marker,value,unit",
        "Z1,PZ,2026-03-02,INF-γ,500,pg/mL", "Z1,PZ,2026-03-02,IL-66,50,pg/mL",
        "Z2,PZ2,2026-03-02,IFN-γ,<50,pg/mL", "Z2,PZ2,2026-03-02,IL-6,1,pg/mL",
        "A1,P1,2026-03-02,IL-6,1,pg/mL", "A2,P1,2026-03-09,IL-6,2,pg/mL",
        *(f"X{i},Q{i},2026-03-01,IL-8,5,pg/mL" for i in range(MAX_TABLE_RESULTS)),
    ]  # fmt: skip
    path = tmp_path / "unjudged.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_sample_with_results_not_compared_with_a_range_is_not_shown_as_all_clear(
    tmp_path: Path,
) -> None:
    """QA: past 1,000 results, a sample whose results had no range or could not be judged read
    'none' under 'Outside the range', exactly as an all-normal one."""
    path = str(file_with_unjudged_samples(tmp_path))
    ranges = load_ranges()
    streamed = build_overview(Interpreter(ranges, CheckOptions()).stream([path]), ranges)
    whole = overview_of(build_report(Interpreter(ranges, CheckOptions()).stream([path]), ranges))
    assert streamed == whole
    assert streamed.unjudged_samples == 2
    # They come before the all-normal samples, in order of first sight.
    assert [(p.sample_id, p.unjudged) for p in streamed.panels[:3]] == [
        ("Z1", 2), ("Z2", 1), ("A1", 0)
    ]  # fmt: skip
    result = runner.invoke(app, ["check", path], env={"COLUMNS": "120"})
    rows = [line for line in result.stdout.splitlines() if line.startswith("│ ")]
    assert "none; 2 not judged" in rows[0]
    assert "none; 1 not judged" in rows[1]
    assert rows[2].rstrip(" │").endswith("none")
    assert result.exit_code == 0, "indeterminate and no_reference never set exit 1"


def test_hidden_samples_with_results_not_compared_with_a_range_are_counted() -> None:
    from panelcli.models import PanelDigest
    from panelcli.render.table import _hidden_samples

    ranges = load_ranges()
    overview = overview_of(build_report(iter(()), ranges)).model_copy(
        update={
            "samples": 60, "unjudged_samples": 55,
            "panels": [PanelDigest(source="f", measured=1, flagged_markers=[], unjudged=1)]
            * OVERVIEW_PANELS,
        }
    )  # fmt: skip
    assert _hidden_samples(overview, 10) == (
        "… and 10 more samples (none of them with results outside the range, 5 others with "
        "results that were not judged)."
    )
    one = overview.model_copy(update={"samples": 51, "unjudged_samples": 51})
    assert _hidden_samples(one, 1) == ("… and 1 more sample (with results that were not judged).")


def test_hidden_samples_outside_the_range_are_not_counted_again_as_not_compared(
    tmp_path: Path,
) -> None:
    """QA: '(10 of them with results outside the range, 10 with results that could not be
    compared …)' were the same 10 samples, read as 20."""
    lines = ["sample_id,marker,value,unit"]
    for number in range(300):
        lines.append(f"S{number:03d},IL-66,1,pg/mL")  # no range: not compared, in every sample
        lines += [f"S{number:03d},{marker},1,pg/mL" for marker in MARKERS[1:]]
        lines.append(f"S{number:03d},IL-6,{50 if number % 3 == 0 else 1},pg/mL")
    path = tmp_path / "both.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ranges = load_ranges()
    streamed = build_overview(Interpreter(ranges, CheckOptions()).stream([str(path)]), ranges)
    assert (streamed.flagged_samples, streamed.unjudged_samples) == (100, 200)
    said = runner.invoke(app, ["check", str(path)]).stdout
    assert (
        f"… and {300 - OVERVIEW_PANELS} more samples ({100 - OVERVIEW_PANELS} of them with "
        f"results outside the range, 200 others with results that were not judged"
    ) in " ".join(said.split()), said


def test_the_overview_says_that_changes_over_time_are_left_out(tmp_path: Path) -> None:
    """QA: past 1,000 results the table's 'Changes over time' went without a word."""
    path = str(file_with_unjudged_samples(tmp_path))
    ranges = load_ranges()
    streamed = build_overview(Interpreter(ranges, CheckOptions()).stream([path]), ranges)
    assert streamed.patients_followed == 1  # P1 on two dates; PZ, PZ2 and Q… on one each
    said = " ".join(runner.invoke(app, ["check", path]).stdout.split())
    assert (
        "1 patient has samples from different dates. How results changed over time is not "
        "shown here; --format json shows it (for example: panelcli check FILE --format json "
        "-o report.json, with any other options you gave)." in said
    )
    # The json report follows that patient indeed.
    report = json.loads(runner.invoke(app, ["check", path, "--format", "json"]).stdout)
    assert [trend["patient_id"] for trend in report["trends"]] == ["P1"]


@pytest.mark.parametrize(
    ("dates", "followed"),
    [
        (("46000", "46010"), True),  # Excel's day numbers: followed in the file's order
        (("03/04/2026", "04/03/2026"), True),  # two days each, the other way round
        (("2026-03-20", "46000"), False),  # only one date can be read: no change to show
        (("2026-01-01", "2026-01-05"), True),
        (("2026-01-01", "01.01.2026"), False),  # one day
        (("2026-01-01 08:00", "2026-01-01 20:00"), True),  # two times of a day (review)
        (("2026-01-01", "2026-01-01 08:00"), False),  # the day with no time may be 08:00
        # QA: times in a zone, and a date that may be two days before two that read one way
        (("2026-05-20T08:00+09:00", "2026-05-20T16:00+09:00"), True),
        (("2026-05-21", "2026-05-20T21:00-05:00"), False),  # one day, in UTC
        (("2026-05-20T08:00", "2026-05-20T07:30Z"), False),  # in no zone: it may be either
        (("03/04/2026", "2026-03-20", "2026-03-25"), True),
    ],
)
def test_the_overview_counts_the_patients_the_json_report_follows(
    tmp_path: Path, dates: tuple[str, ...], followed: bool
) -> None:
    """QA: patients whose dates cannot be read, or may each be two days, were followed in
    --format json but not counted in the overview; a sample none of whose rows could be used
    was counted, though it is no point of a trend."""
    lines = ["sample_id,patient_id,collected_at,marker,value,unit"]
    for number in range(1, 41):
        for visit, date in enumerate(dates):
            lines += [f"S{number}-{visit},P{number},{date},{m},1,pg/mL" for m in MARKERS * 3]
        lines += [f"S{number}-R,P{number},2027-06-01,{m},not a number,pg/mL" for m in MARKERS]
    path = tmp_path / "visits.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ranges = load_ranges()
    streamed = build_overview(Interpreter(ranges, CheckOptions()).stream([str(path)]), ranges)
    report = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
    shown = [trend for trend in report["trends"] if len(trend["dates"]) > 1]
    assert streamed.patients_followed == len(shown) == (40 if followed else 0)
    whole = build_report(Interpreter(ranges, CheckOptions()).stream([str(path)]), ranges)
    assert overview_of(whole).patients_followed == len(shown)


def test_no_word_on_changes_over_time_without_a_patient_on_two_dates(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(big_file(tmp_path, 240))])
    assert "changed over time" not in result.stdout


@pytest.mark.parametrize("width", ["72", "80", "100", "120"])
def test_a_narrow_table_wraps_between_marks_never_inside_one(tmp_path: Path, width: str) -> None:
    """QA: at 80 columns the overview showed 'IL-8 ▲' on one line and 'high, TNF-α' on the
    next."""
    lines = ["sample_id,marker,value,unit"] + [
        f"S{number:05d},{marker},500,pg/mL" for number in range(220) for marker in MARKERS
    ]
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shown = runner.invoke(app, ["check", str(path)], env={"COLUMNS": width}).stdout
    cells = [line.split("│")[-2].strip() for line in shown.splitlines() if line.count("│") == 6]
    assert len(cells) >= OVERVIEW_PANELS, shown  # a table: a sample a line, or more
    for cell in cells:
        assert re.fullmatch(r"((\S+ [▲▼‼]+ \w+),? ?)+", cell), cell


@pytest.mark.parametrize("width", ["30", "40", "50"])
def test_the_paragraph_view_wraps_between_marks_never_inside_one(
    tmp_path: Path, width: str
) -> None:
    """QA: where the table did not fit, the paragraph view still showed 'IL-6 ▲' on one line
    and 'high' on the next."""
    lines = ["sample_id,marker,value,unit"] + [
        f"S{number:05d},{marker},500,pg/mL" for number in range(220) for marker in MARKERS
    ]
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shown = runner.invoke(app, ["check", str(path)], env={"COLUMNS": width}).stdout
    assert "• S00000" in shown  # the paragraph view
    for line in shown.splitlines():
        assert not re.search(r"[▲▼‼]\s*$", line), shown
        assert not re.match(r"\s*(high|low|critical)\b", line), shown


def test_the_overview_lists_and_says_results_that_may_be_critical(tmp_path: Path) -> None:
    """QA: in a big file's overview, '>50' where the critical limit is 100 was an ordinary
    high and '<200' an ordinary 'could not be judged', where the full table's summary says
    each may be past the critical limit and asks to talk it over soon."""
    ranges = tmp_path / "c100.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nsource = "x"\nhigh = 7.0\ncritical_high = 100\n',
        encoding="utf-8",
    )
    rows = [f"S{i:04d},IL-6,3,pg/mL" for i in range(MAX_TABLE_RESULTS + 10)]
    rows += ["H1,IL-6,60,pg/mL", "M1,IL-6,>50,pg/mL", "M2,IL-6,<200,pg/mL"]
    path = tmp_path / "big.csv"
    path.write_text("sample_id,marker,value,unit\n" + "\n".join(rows) + "\n", encoding="utf-8")
    for stream in (True, False):  # streamed, and from a whole report (--export's table)
        if stream:
            out = runner.invoke(
                app, ["check", str(path), "-r", str(ranges)], env={"COLUMNS": "200"}
            )
            text = out.stdout
        else:
            reference_set = load_ranges(str(ranges))
            report = build_report(
                Interpreter(reference_set, CheckOptions()).events([str(path)]), reference_set
            )
            overview = overview_of(report)
            assert overview.maybe_critical_samples == 2
            assert [p.sample_id for p in overview.panels[:3]] == ["M1", "M2", "H1"]
            continue
        assert "IL-6 ▲ high (may be critical)" in text
        assert "IL-6 ? may be critical" in text
        assert text.index("M1 ") < text.index("M2 ") < text.index("H1 ")
        assert (
            "2 samples have results that may be past a critical limit (may be critical, listed "
            "first). Results like these should be talked over with a healthcare provider soon."
        ) in " ".join(text.split())


def test_the_overview_counts_hidden_may_be_critical_samples_and_marks_no_critical_twice(
    tmp_path: Path,
) -> None:
    """Review: with 65 such samples, 'listed first' where 50 were, the hidden 15 read as
    ordinary highs; and '‼▲ critical (may be critical)' beside a critical result."""
    ranges = tmp_path / "c100.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nsource = "x"\nhigh = 7.0\ncritical_high = 100\n',
        encoding="utf-8",
    )
    rows = [f"S{i:04d},IL-6,3,pg/mL" for i in range(MAX_TABLE_RESULTS + 10)]
    rows += [f"M{i:02d},IL-6,>50,pg/mL" for i in range(65)]
    rows += ["C1,IL-6,150,pg/mL", "C1,IL-6,>50,pg/mL"]
    path = tmp_path / "big.csv"
    path.write_text("sample_id,marker,value,unit\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = runner.invoke(app, ["check", str(path), "-r", str(ranges)], env={"COLUMNS": "250"})
    text = " ".join(out.stdout.split())
    assert "65 samples have results that may be past a critical limit (may be critical, 49 of" in (
        text
    )
    # each hidden sample counted once (QA: one that may be critical was counted twice)
    assert (
        "… and 1,026 more samples (16 of them with results outside the range, 16 of those with "
        "a result that may be critical)."
    ) in text
    assert "IL-6 ‼▲ critical (may be critical)" not in text


def test_critical_samples_past_the_list_are_said_and_hidden_ones_counted_once(
    tmp_path: Path,
) -> None:
    """QA: '60 samples … (marked ‼, listed first)' where 50 were; '2 samples … may be critical
    (0 of them listed next)'; and the hidden count '11 … outside the range, 2 … may be
    critical, 1 others …' counted two samples twice."""
    ranges = tmp_path / "c500.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nsource = "x"\nhigh = 7.0\ncritical_high = 500\n',
        encoding="utf-8",
    )
    rows = [f"S{i:04d},IL-6,3,pg/mL" for i in range(MAX_TABLE_RESULTS)]
    rows += [f"C{i:02d},IL-6,600,pg/mL" for i in range(60)]
    rows += ["MAYBE1,IL-6,>100,pg/mL", "MAYBE2,IL-6,<600,pg/mL"]
    path = tmp_path / "big.csv"
    path.write_text("sample_id,marker,value,unit\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = runner.invoke(app, ["check", str(path), "-r", str(ranges)], env={"COLUMNS": "250"})
    text = " ".join(out.stdout.split())
    assert (
        "60 samples have results at or past a critical limit (marked ‼, the first 50 listed;"
        in text
    )
    assert "(may be critical, the list is full of critical ones; --format csv lists" in text
    assert (
        "… and 1,012 more samples (11 of them with results outside the range, 10 of those "
        "critical, 1 of those with a result that may be critical, 1 other with a result that "
        "may be critical)."
    ) in text


def test_a_lab_s_critical_mark_panelcli_does_not_find_is_listed_as_may_be_critical(
    tmp_path: Path,
) -> None:
    """QA: in the big-file table, a lab's HH on IL-18 (no range in the set) and on IL-6 (normal
    by the set) was 'none; 1 could not be judged' and hidden among the normal samples, where
    a small file's summary says the lab marked it critically high, to be talked over soon."""
    rows = [f"S{i:04d},IL-6,3,pg/mL," for i in range(MAX_TABLE_RESULTS + 10)]
    rows += ["LAB1,IL-18,5000,pg/mL,HH", "LAB2,IL-6,2,pg/mL,HH", "LAB3,IL-6,2,pg/mL,kritisch"]
    path = tmp_path / "big.csv"
    path.write_text("sample_id,marker,value,unit,flag\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = runner.invoke(app, ["check", str(path)], env={"COLUMNS": "200"}).stdout
    text = " ".join(out.split())
    # review: a critical mark with no side ('kritisch') too
    assert text.index("LAB1 ") < text.index("LAB2 ") < text.index("LAB3 ") < text.index("S0000 ")
    # QA: a '?' beside a result the full table calls normal read as 'cannot be judged'
    assert "IL-18 lab: critical" in text and "IL-6 lab: critical" in text
    assert "? may be critical" not in text
    assert (
        "3 samples have results that may be past a critical limit, or that the lab marked "
        "critical (may be critical, lab: critical; listed first)"
    ) in text
    ranges = load_ranges()
    streamed = build_overview(Interpreter(ranges, CheckOptions()).stream([str(path)]), ranges)
    assert [p.lab_critical for p in streamed.panels[:3]] == [["IL-18"], ["IL-6"], ["IL-6"]]
    whole = overview_of(
        build_report(Interpreter(ranges, CheckOptions()).stream([str(path)]), ranges)
    )
    assert streamed == whole


def test_a_normal_result_the_lab_marked_critical_lists_its_sample_once(tmp_path: Path) -> None:
    """QA: listed as may be critical, and again among the normal samples; the count of the
    samples left out said '-1 others with a result that may be critical'."""
    rows = [f"S{i:04d},IL-6,1,pg/mL," for i in range(MAX_TABLE_RESULTS + 10)]
    rows.insert(0, "LAB2,IL-6,2,pg/mL,HH")
    path = tmp_path / "big.csv"
    path.write_text("sample_id,marker,value,unit,flag\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = runner.invoke(app, ["check", str(path)], env={"COLUMNS": "200"}).stdout
    text = " ".join(out.split())
    assert text.count("LAB2 ") == 1
    assert "… and 961 more samples (none of them with results outside the range)." in text


def test_a_warning_about_the_whole_file_is_shown_past_the_first_hundred(tmp_path: Path) -> None:
    """QA: a wide file's 'blank marker cells were read as not measured' and its bytes read as
    Windows-1252, said once at its end, were cut after 100 'marker-repeated' warnings."""
    lines = ["sample_id,IL-6 (pg/mL),TNF-a (pg/mL),IL-8 (pg/mL),IL-10 (pg/mL)"]
    lines += ["R,1,1,1,1"] * 300  # one sample on 300 rows: a 'marker-repeated' each
    lines += [f"B{n},1,,1,1" for n in range(10)] + ["Caf\xe9,1,1,1,1"]
    path = tmp_path / "wide.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode("cp1252"))
    out = " ".join(runner.invoke(app, ["check", str(path)]).stdout.split())
    assert "10 blank marker cells were read as 'not measured'" in out
    assert "not valid UTF-8 and read as Windows-1252" in out
    ranges = load_ranges()
    streamed = build_overview(Interpreter(ranges, CheckOptions()).stream([str(path)]), ranges)
    whole = overview_of(
        build_report(Interpreter(ranges, CheckOptions()).stream([str(path)]), ranges)
    )
    assert streamed == whole


def test_the_commands_the_overview_suggests_keep_its_reference_set(tmp_path: Path) -> None:
    """QA: 'panelcli check FILE --format csv -o results.csv', run as written after a run with
    --ranges, judged by the default set and found none of its 60 critical results."""
    path = big_file(tmp_path, MAX_TABLE_RESULTS // len(MARKERS) + 1)
    said = {}
    for ranges in (None, "mayo-adult"):
        args = ["check", str(path)] + (["-r", ranges] if ranges else [])
        said[ranges] = " ".join(runner.invoke(app, args, env={"COLUMNS": "200"}).stdout.split())
    assert "(for example: panelcli check FILE --format csv -o results.csv, with any" in said[None]
    assert (
        "panelcli check FILE --ranges mayo-adult --format csv -o results.csv" in said["mayo-adult"]
    )
    spaced = tmp_path / "my lab.toml"  # review: a path with a space was given unquoted
    spaced.write_text('[markers."IL-6"]\nunit = "pg/mL"\nhigh = 7\nsource = "x"\n')
    out = runner.invoke(app, ["check", str(path), "-r", str(spaced)], env={"COLUMNS": "300"})
    assert f"--ranges '{spaced}' --format csv" in " ".join(out.stdout.split())


def test_many_refused_rows_with_few_results_show_the_overview(tmp_path: Path) -> None:
    """QA: 1,000 results or fewer beside a million refused rows drew one panel per sample and
    listed every refused row, in memory that grew with the file (1.75 GiB)."""
    path = tmp_path / "refused.csv"
    path.write_text(
        "sample_id,marker,value,unit\nSG,IL-6,1,pg/mL\n"
        + "".join(f"S{n},IL-6,abc,pg/mL\n" for n in range(1500)),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", str(path)], env={"COLUMNS": "200"})
    out = result.stdout
    assert result.exit_code == 2
    assert out.startswith("1 result in 1,501 samples")
    assert (
        "That is more than 1,000 rows that could not be used and warnings, so one line per " in out
    )
    assert "… and 1,400 more; 'panelcli validate FILE' lists them." in out
    assert len(out.splitlines()) < 400
    report = build_report(Interpreter(load_ranges(None), CheckOptions()).stream([str(path)]),
                          load_ranges(None))  # fmt: skip
    assert build_overview(
        Interpreter(load_ranges(None), CheckOptions()).stream([str(path)]), load_ranges(None)
    ) == overview_of(report)
