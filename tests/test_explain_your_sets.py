"""`panelcli explain` lists the user's own sets and the one `check` would use (QA: it showed the
bundled sets only, took no --ranges, and knew no marker that only a user's set defines)."""

from __future__ import annotations

from pathlib import Path

from panelcli import explain as explaining
from panelcli.ranges import load_ranges

MY_LAB = """\
[set]
name = "my-lab"

[markers."IL-6"]
unit = "pg/mL"
high = 5.9
source = "Our lab, validation 2025"

[markers."IL-18"]
unit = "pg/mL"
aliases = ["Interleukin 18"]
high = 468
source = "Our lab, IL-18 ELISA"
"""


def test_explain_gives_a_set_s_range_for_a_marker_with_no_text(tmp_path: Path) -> None:
    file = tmp_path / "my-lab.toml"
    file.write_text(MY_LAB, encoding="utf-8")
    mine = explaining.SetShown(load_ranges(file), yours=True, in_use=True)
    found = explaining.explain("il18", [explaining.SetShown(load_ranges()), mine])
    assert found is not None and not found.explained
    assert found.marker == "IL-18" and found.other_names == ["Interleukin 18"]
    assert [(r.set_name, r.text, r.in_use) for r in found.ranges] == [
        ("my-lab", "≤ 468 pg/mL", True)
    ]
    assert explaining.explain("IL-18") is None  # the bundled sets alone do not know it
