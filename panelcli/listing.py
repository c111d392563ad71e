"""What `panelcli ranges list --format json` writes: apart from `panelcli.models`, as only that
command needs it (a model's class costs about 0.5% of every run's start-up to make)."""

from __future__ import annotations

from pydantic import Field, field_validator

from panelcli.file_names import name_problem
from panelcli.models import PANELCLI_VERSION, SCHEMA_VERSION, _Model


class ListedSet(_Model):
    """One reference set as `panelcli ranges list` lists it (every field present, null where it
    does not apply)."""

    name: str = Field(
        description="What --ranges takes to choose it: a bundled set's name, your file's name "
        "without .toml, or $PANELCLI_RANGES as set."
    )
    set_name: str | None = Field(
        description="The name in the file's [set] table, as a report's reference_set.name gives "
        "it; null for a set that could not be read."
    )
    tags: list[str] = Field(
        description="'default' (the set check uses), 'yours', 'from $PANELCLI_RANGES', "
        "'broken', and a note where two of yours differ only in case."
    )
    version: str | None
    description: str | None
    markers: int | None = Field(description="How many markers it gives ranges for.")
    path: str | None
    sha256: str | None
    problem: str | None = Field(description="A broken set's first problem; null for the rest.")
    problems: int | None = Field(description="How many problems a broken set has.")

    @field_validator("name", "path", "problem")
    @classmethod
    def _writable(cls, text: str | None) -> str | None:
        """A file name's bytes that are not UTF-8 as '\\xff' (developer QA round 13: such a
        set's name made the JSON listing an internal error)."""
        problem = name_problem(text) if text is not None and not text.isascii() else None
        return text if problem is None else problem.shown


class SetListing(_Model):
    """Every reference set check can use, as `panelcli ranges list --format json` writes it."""

    schema_version: str = SCHEMA_VERSION
    panelcli_version: str = PANELCLI_VERSION
    sets: list[ListedSet]
