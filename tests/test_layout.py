"""Imports point one way between the checkout's top folders: bench/ measures the
site and may use the tests' helpers (tests/servers.py); the tests never use bench/."""

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


def test_no_test_imports_anything_from_bench():
    importers = sorted(
        str(path.relative_to(REPO))
        for path in (REPO / "tests").rglob("*.py")
        if any(
            module == "bench" or module.startswith("bench.")
            for module in imported_modules(path)
        )
    )
    assert importers == []
