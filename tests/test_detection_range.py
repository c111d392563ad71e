"""MSD Discovery Workbench's 'Detection Range' column: an estimate past the assay's limits is
read as a bound ('>999.9'), never as an exact measurement (black-box QA, MSD export)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from panelcli.values import detection_range_side, parse_value

#: MSD's words, each with the side of its number the true value is on.
WORDS = {
    "In Detection Range": "", "Above Detection Range": ">", "Below Detection Range": "<",
    "Above Fit Curve Range": ">", "Below Fit Curve Range": "<",
}  # fmt: skip


@given(
    words=st.sampled_from(sorted(WORDS)),
    case=st.sampled_from([str.upper, str.lower, str.title, str]),
    gap=st.sampled_from([" ", "  ", "_", ".", "-", ""]),
    pad=st.sampled_from(["", " ", "\t"]),
)
def test_detection_range_words_read_in_any_spelling(
    words: str, case: object, gap: str, pad: str
) -> None:
    written = pad + case(words).replace(" ", gap) + pad  # type: ignore[operator]
    assert detection_range_side(written) == WORDS[words]


@given(st.text(max_size=30))
def test_any_other_text_is_unread_or_one_of_the_sides(text: str) -> None:
    assert detection_range_side(text) in (None, "", "<", ">")


@pytest.mark.parametrize("words", [w for w, side in WORDS.items() if side])
def test_the_words_in_the_value_cell_are_a_value_with_no_number(words: str) -> None:
    parsed = parse_value(words)
    assert (parsed.number, parsed.comparator) == (None, WORDS[words])
    assert parsed.limits == (("uloq",) if WORDS[words] == ">" else ("lod", "lloq"))
