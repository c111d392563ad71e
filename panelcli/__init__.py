"""panelcli: interpret cytokine panel results against editable reference ranges.

Library use (the same report the CLI renders):

    from panelcli import check_file, load_ranges
    report = check_file("results.csv", ranges=load_ranges("arup-3002601"))
"""

from __future__ import annotations

# No `typing` import: this runs first in every start, before `__main__` can catch a Ctrl-C
TYPE_CHECKING = False

__version__ = "0.1.0"
__all__ = ["__version__", "check_file", "check_files", "load_ranges", "CheckOptions"]

if TYPE_CHECKING:
    from panelcli.check import CheckOptions, check_file, check_files
    from panelcli.ranges import load_ranges


def __getattr__(name: str) -> object:
    # Imported lazily so that `panelcli --version` does not pay for pydantic.
    if name in {"check_file", "check_files", "CheckOptions"}:
        from panelcli import check

        return getattr(check, name)
    if name == "load_ranges":
        from panelcli.ranges import load_ranges

        return load_ranges
    raise AttributeError(name)


def __dir__() -> list[str]:
    """The module's names with the lazy public ones, for completion and `dir()` (QA: 'Any'
    and the like were listed, not check_file)."""
    return sorted({*globals(), *__all__} - {"Any", "TYPE_CHECKING", "annotations"})
