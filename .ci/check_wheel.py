"""Fail unless the wheel holds every package of the checkout and every file in them.

Usage: check_wheel.py WHEEL. Every directory with an __init__.py (tests and bench
apart) must be a package in the wheel, site/ as `statsforum`, and every file under
a shipped package (templates, static sources, the built dist/, migrations...) must
be in it: a packaging rule that drops one fails here, not on a server.
"""

import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOT_SHIPPED = {"tests", "bench", "build", "node_modules"}
SKIPPED_FILES = {".pyc", ".pyo"}


def shipped_name(path):
    """The path inside the wheel of a checkout path, or None if it is not shipped."""
    parts = path.relative_to(REPO).parts
    if parts[0] in NOT_SHIPPED or parts[0].startswith("."):
        return None
    if parts[0] == "site":
        parts = ("statsforum", *parts[1:])
    return "/".join(parts)


def expected_files():
    tops = [d for d in REPO.iterdir() if d.is_dir() and shipped_name(d)]
    for init in (init for top in tops for init in top.glob("**/__init__.py")):
        package = init.parent
        if not all((d / "__init__.py").exists() for d in package_chain(package)):
            continue
        for path in package.iterdir():
            if path.is_file() and path.suffix not in SKIPPED_FILES:
                yield shipped_name(path)
            elif path.is_dir() and not (path / "__init__.py").exists():
                yield from data_files(path)


def package_chain(package):
    """The package and every directory above it up to the checkout's top."""
    while package != REPO:
        yield package
        package = package.parent


def data_files(folder):
    for path in folder.rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            yield shipped_name(path)


def compiled_catalogues():
    """The .mo of each .po: git ignores them, so a build that forgot to compile them
    (`make catalogues`) would ship a site in English only."""
    for po in (REPO / "site" / "locale").glob("*/LC_MESSAGES/*.po"):
        yield shipped_name(po.with_suffix(".mo"))


def main(wheel):
    shipped = set(zipfile.ZipFile(wheel).namelist())
    expected = {name for name in expected_files() if name} | set(compiled_catalogues())
    missing = sorted(expected - shipped)
    for name in missing:
        print(f"missing from the wheel: {name}", file=sys.stderr)
    print(f"{wheel}: {len(expected)} files of the checkout, {len(missing)} missing")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
