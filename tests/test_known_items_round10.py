"""Items known but not done at the end of session 52 (note52), done in session 53."""

from __future__ import annotations

from panelcli.names import instrument_name


def test_a_complement_part_in_brackets_is_no_bead_id() -> None:
    """Review 52: 'Complement (C3)' lost its 'C3' as a LEGENDplex bead id would."""
    assert instrument_name("Complement (C3)") is None
    assert instrument_name("Complement component (C4)") is None
    assert instrument_name("IL-6 (B4)") is not None  # a bead id still is one

