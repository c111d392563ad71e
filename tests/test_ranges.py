"""Reference sets: loading, self-checks, interval selection and how a set is chosen (core)."""

from __future__ import annotations

from pathlib import Path

import pytest

from panelcli.errors import RangesError
from panelcli.interpret import Bounds
from panelcli.ranges import (
    bundled_sets,
    check_ranges_bytes,
    find_set,
    load_ranges,
    ranges_warnings,
)


def test_bundled_sets_load_and_every_range_cites_a_source():
    sets = bundled_sets()
    assert {"arup-3002601", "mayo-adult"} <= set(sets)
    for name in sets:
        loaded = load_ranges(name)
        assert loaded.markers
        for marker, entry in loaded.markers.items():
            assert entry.source, marker


def test_default_set_is_arup_with_13_markers():
    loaded = load_ranges()
    assert loaded.name == "arup-3002601"
    assert len(loaded.markers) == 13
    assert loaded.markers["IL-6"].high == 2.5


@pytest.mark.parametrize(
    ("toml", "fragment"),
    [
        ('[markers."IL-6"]\nunit = "pg/mL"\nhigh = 2.0\nlow = 10.0\n', "marker 'IL-6'"),
        ('[markers."IL-6"]\nunit = "pg/mL"\nhihg = 2.0\n', "did you mean 'high'"),
        ('[markers."IL-6"]\nunit = "pg/mL"\nhigh = 7\ncritical_high = 5\n', "critical_high"),
        ('[markers."IL-6"]\nunit = "pg/mL"\nlow = 5\ncritical_low = 6\n', "critical_low"),
        ('[markers."IL-6"]\nhigh = 7\n', "missing required key 'unit'"),
        ('[markers."IL-6"\nunit = "pg/mL"\n', "line 1"),
        ('[markers."IL-6"]\nunit = "pg/mL"\nhigh = "seven"\n', "high"),
        ('[sett]\nname = "x"\n[markers."IL-6"]\nunit = "pg/mL"\n', "did you mean 'set'"),
        (
            '[markers."IL-6"]\nunit = "pg/mL"\naliases = ["IL6"]\n'
            '[markers."IL-6b"]\nunit = "pg/mL"\naliases = ["il 6"]\n',
            "already used by 'IL-6'",
        ),
        (
            '[markers.F]\nunit = "ug/L"\n[[markers.F.intervals]]\nsex = "male"\nage_min = 18\n'
            'high = 1\n[[markers.F.intervals]]\nsex = "male"\nage_min = 40\nhigh = 2\n',
            "overlap",
        ),
        (
            '[markers.F]\nunit = "ug/L"\n[[markers.F.intervals]]\nage_min = 18\nage_max = 50\n'
            "high = 1\n[[markers.F.intervals]]\nage_min = 51\nhigh = 2\n",
            "gap from 50 to 51",
        ),
        ('[markers.F]\nunit = "ug/L"\n[[markers.F.intervals]]\nsex = "other"\n', "sex"),
    ],
)
def test_self_checks_name_the_problem(toml, fragment):
    problems = check_ranges_bytes(toml.encode())
    assert problems, toml
    assert any(fragment in p for p in problems), problems


def test_a_set_without_markers_is_invalid():
    assert any("no markers" in p for p in check_ranges_bytes(b"[markers]\n"))


def test_bundled_files_require_a_source():
    toml = b'[markers."IL-6"]\nunit = "pg/mL"\nhigh = 2.5\n'
    assert check_ranges_bytes(toml) == []
    assert check_ranges_bytes(toml, require_source=True)


def test_warnings_for_valid_but_doubtful_sets():
    warnings = ranges_warnings(b'[markers."sIL-2R"]\nunit = "U/mL"\nhigh = 900\n')
    assert any("no 'source'" in w for w in warnings)
    assert any("not a mass concentration" in w for w in warnings)


def test_invalid_file_is_refused_with_the_marker_named(tmp_path: Path):
    path = tmp_path / "bad.toml"
    path.write_text('[markers."IL-6"]\nunit = "pg/mL"\nhigh = 2.0\nlow = 10.0\n')
    with pytest.raises(RangesError, match="IL-6"):
        load_ranges(str(path))


def test_choosing_a_set_by_name_file_folder_env_and_user_config(tmp_path, monkeypatch):
    assert find_set("mayo-adult").name == "mayo-adult.toml"
    own = tmp_path / "lab" / "mine.toml"
    own.parent.mkdir()
    own.write_text('[markers."IL-6"]\nunit = "pg/mL"\nhigh = 9\n')
    assert find_set(str(own)) == own
    assert find_set(str(own.parent)) == own
    monkeypatch.setenv("PANELCLI_RANGES", "mayo-adult")
    assert load_ranges().name == "mayo-adult"
    monkeypatch.delenv("PANELCLI_RANGES")
    # A user set with a bundled name overrides the bundled one.
    config = tmp_path / "config"
    (config / "ranges").mkdir(parents=True)
    (config / "ranges" / "arup-3002601.toml").write_text(own.read_text())
    monkeypatch.setenv("PANELCLI_CONFIG_DIR", str(config))
    assert load_ranges().markers["IL-6"].high == 9
    with pytest.raises(RangesError, match="no reference set named"):
        find_set("nope")
    with pytest.raises(RangesError, match="does not exist"):
        find_set("nope.toml")


def test_sha256_changes_with_the_bytes(tmp_path):
    path = tmp_path / "a.toml"
    path.write_text('[markers."IL-6"]\nunit = "pg/mL"\nhigh = 9\n')
    first = load_ranges(str(path)).sha256
    path.write_text('[markers."IL-6"]\nunit = "pg/mL"\nhigh = 8\n')
    assert load_ranges(str(path)).sha256 != first


@pytest.fixture(scope="module")
def mayo():
    return load_ranges("mayo-adult")


def test_sex_and_age_select_the_most_specific_row(mayo):
    assert mayo.select("Ferritin", "female", 30).bounds == Bounds(6.0, 175.0)
    assert mayo.select("Ferritin", "female", 50.9).bounds == Bounds(6.0, 175.0)
    assert mayo.select("Ferritin", "female", 51).bounds == Bounds(11.0, 328.0)  # age_max exclusive
    assert mayo.select("Ferritin", "male", 18).bounds == Bounds(31.0, 409.0)  # age_min inclusive


def test_unknown_sex_with_disagreeing_rows_is_indeterminate(mayo):
    chosen = mayo.select("Ferritin", None, 40)
    assert chosen.bounds is None and chosen.indeterminate
    assert chosen.note and "sex" in chosen.note


def test_unknown_age_with_disagreeing_rows_names_age(mayo):
    chosen = mayo.select("Ferritin", "female", None)
    assert chosen.indeterminate and chosen.note and "age" in chosen.note


def test_an_adults_only_row_and_no_age_is_indeterminate_not_adult_limits(mayo):
    """A child gets no interval from this set, so without the age the status is not certain."""
    chosen = mayo.select("IL-2", None, None)
    assert chosen.bounds is None and chosen.indeterminate
    assert chosen.note and "only for age 18 and over" in chosen.note
    assert "age is not given" in chosen.note and "--age" in chosen.note
    assert mayo.select("IL-2", None, 40).bounds == Bounds(high=60.0)


def test_a_row_for_one_sex_only_and_no_sex_is_indeterminate(tmp_path):
    path = tmp_path / "one-sex.toml"
    path.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\n[[markers."IL-6".intervals]]\nsex = "female"\n'
        "high = 5.0\n",
        encoding="utf-8",
    )
    ranges = load_ranges(str(path))
    assert ranges.select("IL-6", None, 30).indeterminate
    assert ranges.select("IL-6", "female", None).bounds == Bounds(high=5.0)
    assert ranges.select("IL-6", "male", None).bounds is None


def test_no_row_for_a_child_means_no_interval(mayo):
    chosen = mayo.select("IL-2", None, 12)
    assert chosen.bounds is None and not chosen.indeterminate


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[markers."IL-6"]\nunit = "pg/mL"\nhigh = true\n', "high: Input should be a valid number"),
        ('[markers."IL-6"]\nunit = "pg/mL"\nhigh = "7"\n', "high: Input should be a valid number"),
        ('[markers.""]\nunit = "pg/mL"\nhigh = 2\n', "a marker has no name"),
        ('[markers."IL-6"]\nunit = "pg/mL"\nlod = 10\nlloq = 5\n', "lod (10) must not be above"),
        ('[markers."IL-6"]\nunit = "pg/mL"\nlloq = 5\nuloq = 1\n', "lloq (5) must not be above"),
    ],
)
def test_values_a_person_would_not_mean_are_refused(toml: str, expected: str) -> None:
    """TOML true is not 1 and "7" is not 7 in checked data; assay limits come in order."""
    problems = check_ranges_bytes(toml.encode())
    assert any(expected in p for p in problems), problems


def test_whole_numbers_are_still_numbers() -> None:
    toml = '[markers."IL-6"]\nunit = "pg/mL"\nhigh = 7\nlod = 0\nlloq = 1\nuloq = 1000\n'
    assert check_ranges_bytes(toml.encode()) == []


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("IL-66", "IL-6"), ("IL-110", "IL-10"), ("Interleukn 6", "IL-6"),
        ("Interferon gama", "IFN-γ"), ("Tumour necrosis factr alpha", "TNF-α"),
        # Other molecules one letter or number away: no hint (found by a new-user pass).
        ("IL-1α", None), ("IL-1a", None), ("IL-17F", None), ("IL-12p40", None),
        ("IL-12p70", None), ("GM-CSF", None), ("IL-1RA", None), ("IL-7", None),
    ],
)  # fmt: skip
def test_did_you_mean_hints_typos_but_never_a_neighbouring_molecule(written, hint):
    assert load_ranges().suggest(written) == hint
