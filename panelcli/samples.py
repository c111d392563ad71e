"""The bundled synthetic sample panels used by `panelcli demo` and the Quick start."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel

from panelcli.ranges import bundled_dir


class Sample(BaseModel):
    name: str
    title: str
    story: str
    look: str | None = None  # what to look for in the output: the demo's narration
    path: Path


def list_samples() -> list[Sample]:
    """Every bundled sample, in the order of samples/index.toml."""
    folder = bundled_dir("samples")
    with open(folder / "index.toml", "rb") as handle:
        index = tomllib.load(handle)["samples"]
    return [
        Sample(
            name=name,
            title=entry["title"],
            story=entry["story"],
            look=entry.get("look"),
            path=folder / f"{name}.csv",
        )
        for name, entry in index.items()
    ]


def find_sample(name: str) -> Sample | None:
    """A sample by its name, however it is spaced or cased ('Cytokine storm'), or by a part
    of it (3 letters or more) that names only one sample ('storm')."""
    wanted = _key(name.removesuffix(".csv"))
    samples = list_samples()
    exact = [s for s in samples if _key(s.name) == wanted]
    partly = [s for s in samples if len(wanted) >= 3 and wanted in _key(s.name)]
    found = exact or partly
    return found[0] if len(found) == 1 else None


def _key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())
