"""No module of panelcli imports click: typer vendors it. (ruff bans it everywhere but cli.py,
whose other imports, typer's and rich's, it must allow; this covers cli.py too.)"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "panelcli"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def test_no_module_imports_click() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            name for name in imported_modules(path) if name.split(".")[0] == "click"
        )
        for path in PACKAGE.rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_fence_sees_an_import_of_click(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("import os\nfrom click.core import Context\n", encoding="utf-8")
    assert imported_modules(module) == {"os", "click.core"}
