"""A tiny HTTP client for bench/machina.py: cookies kept by hand, sign-in through a
site's real form (CSRF token and all), no redirects followed."""

import http.client
import re
from dataclasses import dataclass
from urllib.parse import urlencode

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Response:
    status: int
    headers: list
    body: bytes


class Session:
    def __init__(self, port, headers):
        self.port = port
        self.headers = dict(headers)
        self.cookies = {}

    def cookie_header(self):
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        sent = {**self.headers, **(headers or {})}
        sent.pop("Accept-Encoding", None)  # read the page as text here
        if self.cookies:
            sent["Cookie"] = self.cookie_header()
        try:
            connection.request(method, path, body, sent)
            answer = connection.getresponse()
            response = Response(answer.status, answer.getheaders(), answer.read())
        finally:
            connection.close()
        for name, value in response.headers:
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return response

    def get(self, path):
        return self.request("GET", path)

    def post_form(self, path, fields, expect_redirect):
        """Fill in the form at `path` as a browser would, with its CSRF token."""
        page = self.get(path)
        token = CSRF_FIELD.search(page.body.decode())
        if page.status != 200 or not token:
            raise RuntimeError(f"no form with a CSRF token at {path} ({page.status})")
        origin = f"https://127.0.0.1:{self.port}"
        response = self.request(
            "POST",
            path,
            urlencode({"csrfmiddlewaretoken": token.group(1), **fields}),
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": origin + path,
            },
        )
        if expect_redirect and response.status != 302:
            raise RuntimeError(f"signing in at {path} answered {response.status}")
        return response

    def signed_in(self, response):
        """Whether the page was rendered for a member: a sign-out or "my posts" link."""
        return re.search(rb"Sign out|View my posts", response.body) is not None
