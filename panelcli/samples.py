"""The bundled synthetic sample panels used by `panelcli demo` and the Quick start."""

from __future__ import annotations

import difflib
import tomllib
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from panelcli.models import Issue, Panel, Report, Result
from panelcli.ranges import bundled_dir

T = TypeVar("T", Panel, Result, Issue)


class Sample(BaseModel):
    name: str
    title: str
    story: str
    look: str | None = None  # what to look for in the output: the demo's narration
    look_at: str | None = None  # the pictures `look` points at ('gauges', 'trend bars')
    formerly: list[str] = []  # older names, still found ('healthy-adult' is all-in-range)
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
            look_at=entry.get("look_at"),
            formerly=entry.get("formerly", []),
            path=folder / f"{name}.csv",
        )
        for name, entry in index.items()
    ]


#: What asks for every sample, not one: `panelcli demo all` lists them (educator QA round
#: 10: 'all' showed the all-in-range sample alone, without a word)
EVERY_SAMPLE = frozenset({"all", "every", "everything", "list"})


def find_sample(name: str) -> Sample | None:
    """A sample by its name, however it is spaced or cased ('Cytokine storm'), or by a part
    of it (3 letters or more) that names only one sample ('storm')."""
    wanted = _key(name.removesuffix(".csv"))
    samples = list_samples()
    exact = [s for s in samples if wanted in _keys(s)]
    # a part of its name now, not of a former one: 'chronic' and 'healthy' were renamed away
    # (educator QA round 10: they still led to those samples)
    partly = [s for s in samples if len(wanted) >= 3 and wanted in _key(s.name)]
    found = exact or partly
    return found[0] if len(found) == 1 else None


def sample_named(name: str) -> Sample | None:
    """The sample `name` names whole, however spaced or cased ('Healthy-Adult', 'healthy adult',
    'all-in-range.csv'); not by a part of its name, as `find_sample` may."""
    wanted = _key(name.removesuffix(".csv"))
    return next((s for s in list_samples() if wanted in _keys(s)), None)


def suggest_sample(name: str) -> str | None:
    """The sample a mistyped name most likely means ('strom' → cytokine-storm), if any."""
    wanted = _key(name.removesuffix(".csv"))
    names: dict[str, set[str]] = {}
    for sample in list_samples():  # the whole name and each of its words ('storm'), older too
        for name in (sample.name, *sample.formerly):
            for part in (name, *name.split("-")):
                names.setdefault(_key(part), set()).add(sample.name)
    for close in difflib.get_close_matches(wanted, names, n=3, cutoff=0.75):
        if len(names[close]) == 1:
            return next(iter(names[close]))
    return None


def _key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _keys(sample: Sample) -> set[str]:
    """A sample's name and its older ones, as compared with a name given."""
    return {_key(name) for name in (sample.name, *sample.formerly)}


def named_by_file_name(report: Report, sample: Sample) -> Report:
    """The sample's report with its file named as 'cytokine-storm.csv', not by the install's
    long path (render_story prints the whole path once)."""
    old, new = str(sample.path), sample.path.name

    def renamed(item: T) -> T:
        return item.model_copy(update={"source": new}) if item.source == old else item

    panels = [
        renamed(panel).model_copy(update={"results": [renamed(r) for r in panel.results]})
        for panel in report.panels
    ]
    return report.model_copy(
        update={
            "panels": panels,
            "rejected": [renamed(i) for i in report.rejected],
            "warnings": [renamed(i) for i in report.warnings],
            "wide_sources": [new if source == old else source for source in report.wide_sources],
        }
    )
