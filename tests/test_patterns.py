"""Module-level patterns are compiled when first used (issue 7: compiling all of them at
import cost about 9 ms of a 13-marker panel's start-up)."""

from __future__ import annotations

import copy
import pickle
import re
import subprocess
import sys

from panelcli.patterns import LazyPattern, lazy_pattern


def test_a_lazy_pattern_compiles_when_first_used_and_then_acts_as_one() -> None:
    pattern = lazy_pattern(r"(?P<n>\d+)\s*pg", re.IGNORECASE)
    assert isinstance(pattern, LazyPattern) and "match" not in vars(pattern)
    compiled = re.compile(r"(?P<n>\d+)\s*pg", re.IGNORECASE)
    match = pattern.match("12 PG")
    assert match is not None and match.group("n") == "12"
    assert "match" in vars(pattern)  # kept: later calls find it at once
    assert pattern.sub("#", "1pg 2 Pg") == compiled.sub("#", "1pg 2 Pg") == "# #"
    assert pattern.fullmatch("3pg") and not pattern.search("pg")
    assert (pattern.pattern, pattern.flags, pattern.groupindex) == (
        compiled.pattern, compiled.flags, compiled.groupindex,
    )  # fmt: skip
    assert [m.group() for m in pattern.finditer("1pg,22 pg")] == ["1pg", "22 pg"]


def test_a_lazy_pattern_can_be_copied_and_pickled_used_or_not() -> None:
    """As a compiled pattern can (a worker of a cluster may be sent one)."""
    for used in (False, True):
        pattern = lazy_pattern(r"\d+")
        if used:
            pattern.match("1")
        for copied in (pickle.loads(pickle.dumps(pattern)), copy.deepcopy(pattern)):
            found = copied.search("IL 12")
            assert found is not None and found.group() == "12"


def test_importing_panelcli_compiles_none_of_its_lazy_patterns() -> None:
    """A lazy pattern used at import (to build another) is compiled there: it should then be
    a plain `re.compile`, and the other patterns stay uncompiled until a file needs them."""
    program = (
        "import re, sys, typer.main, pydantic, rich.console, rich.table\n"
        "before = set(re._cache)\n"
        "import panelcli.check, panelcli.cli\n"
        "from panelcli.patterns import LazyPattern\n"
        "lazy = [(name, key) for name, module in list(sys.modules.items())\n"
        "        if name.startswith('panelcli') for key, value in vars(module).items()\n"
        "        if isinstance(value, LazyPattern)]\n"
        "used = [f'{n}.{k}' for n, k in lazy if 'match' in vars(getattr(sys.modules[n], k))]\n"
        "print(len(lazy), len([k for k in re._cache if k not in before]), used)\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    lazy, compiled, used = done.stdout.split(maxsplit=2)
    assert used.strip() == "[]", done.stderr
    assert int(lazy) >= 80  # most module-level patterns are lazy ...
    assert int(compiled) <= 40  # ... and few are compiled at import (35 when written)
