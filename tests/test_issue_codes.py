"""docs/issue-codes.md lists every issue code panelcli can give, and no code it cannot."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent

#: A code as the source writes one: a family's word, then words joined by '-'
_CODE = re.compile(
    r"[\"'](?P<code>(?:value|unit|units|row|sample|marker|result|range|ranges|file|date|time|"
    r"person|column|header|cells|comment|control|encoding|figure|no|note|nul|page|panel|preamble|"
    r"critical|flag|mean|detection|comparator|blocks|ids|site|run)-[a-z0-9]+(?:-[a-z0-9]+)*)[\"']"
)
#: Strings of that shape that are no issue code: a result status's own code (it becomes
#: 'result-status-unread'), the words of examples in comments, and `panelcli schema`'s name
#: of the ranges list's and a shown set's schemas
_NOT_CODES = {
    "status-unread", "below-detection-range", "result-status", "result-sign", "ranges-list",
    "ranges-show",
}  # fmt: skip
#: Codes made by an f-string: '{missing}-missing', 'result-{status.code}'
_MADE = {"marker-missing", "value-missing", "result-preliminary", "result-corrected"}


def codes_in_source() -> set[str]:
    found = set(_MADE)
    for path in (ROOT / "panelcli").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= {m["code"] for m in _CODE.finditer(text)}
    return found - _NOT_CODES


def codes_in_readme() -> set[str]:
    page = (ROOT / "docs" / "issue-codes.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| `([a-z0-9-]+)` \|", page, re.MULTILINE))


def test_every_code_in_the_source_is_in_the_readme() -> None:
    """Developer QA round 7: ten codes the samples give were named nowhere in the README."""
    missing = codes_in_source() - codes_in_readme()
    assert not missing, f"add to docs/issue-codes.md: {sorted(missing)}"


def test_every_code_in_the_readme_is_one_the_source_gives() -> None:
    stale = codes_in_readme() - codes_in_source()
    assert not stale, f"docs/issue-codes.md lists codes panelcli no longer gives: {sorted(stale)}"


def test_the_codes_the_samples_give_are_listed() -> None:
    """The bundled bad-rows sample's codes, seen in a real run, are among those listed."""
    from panelcli.check import check_file

    report = check_file(str(ROOT / "samples" / "bad-rows.csv"))
    given = {issue.code for issue in [*report.rejected, *report.warnings]}
    assert given and given <= codes_in_readme()
