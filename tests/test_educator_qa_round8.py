"""An educator's and a new technician's eighth QA round, after the README was shortened."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from panelcli.cli import app

runner = CliRunner()


def test_an_svg_export_asks_no_server_for_its_font(tmp_path: Path) -> None:
    """rich's SVG asked cdnjs.cloudflare.com for Fira Code when the shared report was opened,
    though docs/safety.md says nothing goes over the network."""
    page = tmp_path / "report.svg"
    result = runner.invoke(app, ["check", "samples/cytokine-storm.csv", "--export", str(page)])
    assert result.exit_code == 1
    svg = page.read_text(encoding="utf-8")
    assert 'src: local("FiraCode-Regular");' in svg
    assert not re.search(r"url\(\"?https?:", svg)  # (clip paths are url(#…), in the file)


def test_a_missing_ranges_folder_says_how_to_make_one() -> None:
    """README's '--ranges ./mylab' run before 'ranges init ./mylab' said only 'does not
    exist'."""
    result = runner.invoke(app, ["check", "samples/cytokine-storm.csv", "--ranges", "./nolab"])
    assert result.exit_code == 2
    assert result.stderr == (
        "panelcli: ranges file './nolab' does not exist (to make a copy of a set to edit: "
        "panelcli ranges init ./nolab)\n"
    )


def test_an_empty_value_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("sample_id,marker,value,unit\nS1,IL-6,,pg/mL\nS1,,3,pg/mL\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.stdout.splitlines() == [
        f"{path}:2: value: error value-missing: value is empty; fill in the result (or 'not "
        "done' where the lab gave none) (sample 'S1', marker 'IL-6')",
        f"{path}:3: marker: error marker-missing: marker name is empty; fill in the marker's name "
        "(IL-6, TNF-α …) (sample 'S1')",
    ]


def test_the_readmes_using_it_block_makes_the_ranges_folder_before_using_it() -> None:
    """Educator QA round 8: '--ranges ./mylab' came before any 'ranges init ./mylab'."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Using it", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    made = block.index("panelcli ranges init ./mylab")
    assert made < block.index("--ranges ./mylab")
