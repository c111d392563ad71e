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
    wanted = name.removesuffix(".csv").casefold()
    return next((s for s in list_samples() if s.name.casefold() == wanted), None)
