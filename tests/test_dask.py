"""panelcli on Dask (the `dask` extra): batches mapped over a local pool of worker processes
give, line for line, the NDJSON that `panelcli check --format ndjson` writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.batches import read_batches
from panelcli.cli import app
from panelcli.ranges import load_ranges
from panelcli.render.ndjson import ndjson_batch, ndjson_join

dask = pytest.importorskip("dask")
bag = pytest.importorskip("dask.bag")

MARKERS = ["IL-6", "IL6", "TNF-alpha", "IL-10", "IFN-γ", "IL-1b", "sIL-2R", "IL-8", "CRP"]
VALUES = ["1.5", "12.0", "<2.0", "abc", "850", "3,5", ">5000", "0.4", "ND", "-1"]
UNITS = ["pg/mL", "ng/L", "ng/mL", "pg/mL", "pmol/L"]


def cohort(tmp_path: Path, samples: int = 300) -> Path:
    """Synthetic, with the usual mess: aliases, censored and bad values, units to convert."""
    lines = ["sample_id,patient_id,collected_at,marker,value,unit"]
    for n in range(samples):
        for k, marker in enumerate(MARKERS):
            value, unit = VALUES[(n + k) % len(VALUES)], UNITS[(n * k) % len(UNITS)]
            lines.append(f"SYN-{n:04d},P{n % 37},2026-0{1 + n % 9}-15,{marker},{value},{unit}")
    path = tmp_path / "cohort.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_dask_bag_of_batches_gives_the_clis_ndjson(tmp_path: Path) -> None:
    path = cohort(tmp_path)
    expected = CliRunner().invoke(app, ["check", str(path), "--format", "ndjson"]).stdout

    ranges = load_ranges("arup-3002601")
    batches = bag.from_sequence(list(read_batches(str(path), ranges, rows_per_batch=200)))
    assert batches.npartitions > 1
    with dask.config.set(scheduler="processes", num_workers=2):
        parts = batches.map(ndjson_batch, ranges="arup-3002601").compute()
    got = "".join(ndjson_join(parts, ranges.info))

    assert got == expected
    assert expected.count("\n") > len(MARKERS) * 300, "every row is in it"


def test_the_readmes_recipe_gives_the_clis_ndjson(tmp_path: Path) -> None:
    """README's cohort_to_ndjson.py as written, with smaller batches so that there are several
    windows of them."""
    import re
    import subprocess
    import sys

    docs = Path(__file__).resolve().parent.parent / "docs"
    readme = (docs / "speed.md").read_text(encoding="utf-8")  # moved there from README
    recipe = re.search(r"```python\n(# cohort_to_ndjson\.py\n.*?)```", readme, re.S)
    assert recipe is not None
    code = recipe.group(1)
    for written, smaller in (
        ("rows_per_batch=10_000", "rows_per_batch=150"),
        ("at_once=4", "at_once=3"),
    ):
        assert written in code
        code = code.replace(written, smaller)
    (tmp_path / "cohort_to_ndjson.py").write_text(code, encoding="utf-8")
    expected = CliRunner().invoke(app, ["check", str(cohort(tmp_path)), "--format", "ndjson"])
    import os

    import panelcli

    # The panelcli this test imports (the checkout, or the installed one): the reference set's
    # path in the end line is where that one keeps it.
    here = str(Path(panelcli.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([here, os.environ.get("PYTHONPATH", "")])}
    subprocess.run(
        [sys.executable, "cohort_to_ndjson.py"], cwd=tmp_path, check=True, timeout=300, env=env
    )
    got = (tmp_path / "cohort.ndjson").read_text(encoding="utf-8")
    # The CLI was given the file's full path; the recipe its name.
    assert got == expected.stdout.replace(str(tmp_path / "cohort.csv"), "cohort.csv")
