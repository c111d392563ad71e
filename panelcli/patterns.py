"""Regular expressions compiled the first time they are used.

panelcli has about a hundred patterns for the odd spellings of real exports; a run meets a
few of them. Compiled at import, the others cost about 9 ms of a 13-marker panel's start-up
(issue 7), as much as starting Python itself.
"""

from __future__ import annotations

import re
from typing import Any, cast

#: What a pattern is asked for: each is kept on the object once compiled, so that later calls
#: find it at once (no slower than a compiled pattern's own).
_ATTRIBUTES = (
    "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer", "pattern",
    "flags", "groups", "groupindex",
)  # fmt: skip


class LazyPattern:
    """A `re.Pattern` that compiles itself when one of its methods is first asked for."""

    def __init__(self, pattern: str, flags: int | re.RegexFlag = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "_source":  # copy's and pickle's questions
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __reduce__(self) -> tuple[type[LazyPattern], tuple[str, int | re.RegexFlag]]:
        return LazyPattern, self._source

    def __repr__(self) -> str:
        return f"lazy_pattern({self._source[0]!r})"


def lazy_pattern(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when first used (for module-level patterns)."""
    return cast(re.Pattern[str], LazyPattern(pattern, flags))
