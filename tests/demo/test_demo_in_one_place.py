from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
NOT_APPS = {"demo", "tests", "bench", "node_modules"}


def test_no_app_but_demo_carries_demo_code():
    apps = [
        path.parent
        for path in REPO.glob("*/apps.py")
        if path.parent.name not in NOT_APPS
    ]
    assert len(apps) >= 7

    stray = [str(p.relative_to(REPO)) for app in apps for p in app.rglob("demo*.py")]

    assert stray == []


def test_seed_demo_is_the_demo_apps_command():
    commands = [
        str(path.relative_to(REPO)) for path in REPO.glob("*/management/commands/*.py")
    ]

    assert [c for c in commands if c.endswith("seed_demo.py")] == [
        "demo/management/commands/seed_demo.py"
    ]
