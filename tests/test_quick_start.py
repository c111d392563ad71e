"""README's Quick start is found as CI finds it: a fenced block of two commands right under its
heading (a sentence put between them once made .ci/run find none, and CI fail)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_ci_finds_the_quick_start_block_of_two_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    pattern = re.search(r're\.search\(r"(.*?)", text', ci)
    assert pattern is not None, "the pattern .ci/run finds the block by"
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(pattern.group(1), text, re.S | re.M)
    assert block is not None, "README's Quick start must be a fenced block right under its heading"
    commands = [
        line for line in block.group(1).splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]  # fmt: skip
    assert len(commands) == 2, commands
    assert "pytest" in commands[1] and "samples/" in commands[0]
