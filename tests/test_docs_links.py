"""Every relative link and #anchor in README.md and docs/ leads somewhere (GitHub's rules)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def anchors(text: str) -> set[str]:
    """The anchors GitHub gives a page's headings: lowercase, punctuation dropped, spaces to
    '-', and '-1', '-2' … after a heading's repeats."""
    found: set[str] = set()
    seen: dict[str, int] = {}
    for line in outside_code(text, keep_code=True):
        heading = re.match(r"#{1,6}\s+(.*?)\s*$", line)
        if heading:
            slug = re.sub(r"[^\w\- ]", "", heading.group(1).lower()).replace(" ", "-")
            found.add(f"{slug}-{seen[slug]}" if slug in seen else slug)
            seen[slug] = seen.get(slug, 0) + 1
    return found


def outside_code(text: str, keep_code: bool = False) -> list[str]:
    """The lines outside fenced blocks, with inline code taken out (but for its text, in a
    heading, which GitHub's anchor keeps)."""
    lines, fenced = [], False
    for line in text.splitlines():
        if line.startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced:
            lines.append(line if keep_code else re.sub(r"`[^`]*`", "``", line))
    return lines


def broken_links(path: Path) -> list[str]:
    broken = []
    for line in outside_code(path.read_text(encoding="utf-8")):
        for target in _LINK.findall(line):
            if re.match(r"[a-z]+:", target):  # https:, mailto:
                continue
            file, _, anchor = target.partition("#")
            to = (path.parent / file).resolve() if file else path
            if not to.exists():
                broken.append(f"{path.name}: {target} (no such file)")
            elif anchor and anchor not in anchors(to.read_text(encoding="utf-8")):
                broken.append(f"{path.name}: {target} (no such heading)")
    return broken


def test_the_readme_and_docs_links_all_lead_somewhere() -> None:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    assert len(pages) > 1, "the docs pages the README links to"
    broken = [problem for page in pages for problem in broken_links(page)]
    assert not broken, broken


def test_a_broken_anchor_or_file_is_found(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# JSON (`--format json`)\n\n[ok](#json---format-json) [ok](page.md#json---format-json)"
        " [bad](#json) [bad](other.md) `[code](#nowhere)`\n```\n[code](#nowhere)\n```\n",
        encoding="utf-8",
    )
    assert broken_links(page) == [
        "page.md: #json (no such heading)",
        "page.md: other.md (no such file)",
    ]
