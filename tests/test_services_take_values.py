"""Services take a user and values, never a request: the HTTP side (sessions,
addresses, the query string) stays in the views, so that admin actions, tasks and
tests call the same rules."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APPS = ["accounts", "consultations", "events", "forums", "gaps", "themes"]
HTTP_ATTRIBUTES = {"session", "META", "COOKIES", "GET", "POST", "FILES"}


def service_modules():
    for app in APPS:
        yield from (ROOT / app).glob("services.py")
        yield from (ROOT / app).glob("services/*.py")


def reads_http(node):
    if isinstance(node, ast.arg):
        return node.arg == "request"
    return isinstance(node, ast.Attribute) and node.attr in HTTP_ATTRIBUTES


def uses_http(path):
    """Lines of `path` that take a request or read what only a request carries."""
    tree = ast.parse(path.read_text(), filename=str(path))
    return sorted({node.lineno for node in ast.walk(tree) if reads_http(node)})


def test_there_are_services_to_check():
    assert len(list(service_modules())) >= len(APPS)


def test_no_service_takes_a_request():
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in service_modules()
        for line in uses_http(path)
    ]

    assert offenders == []


def test_the_scan_finds_a_service_that_reads_the_session(tmp_path):
    service = tmp_path / "services.py"
    service.write_text(
        "def response_of(request, consultation):\n"
        "    return request.session.get('responses')\n"
    )

    assert uses_http(service) == [1, 2]
