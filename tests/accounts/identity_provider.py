"""A real OpenID Connect provider on a spare loopback port (oidc-provider-mock),
whose people, their subjects and claims, each test chooses.

The mock takes any client secret and does not do private_key_jwt, so a check in
front of its token endpoint verifies each client assertion as GOV.UK One Login
would: signed with the key registered for the client, for this endpoint, in date.
"""

import io
import threading
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import httpx
import jinja2
import jwt
import oidc_provider_mock
import pytest
import werkzeug.serving
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.servers import spare_port

OFFLINE_BASE = """<!doctype html>
<html lang="en"><title>Identity provider</title>
<main>{% block content %}{{ content }}{% endblock %}</main></html>"""

PROVIDER_ID = "idp"
PROVIDER_NAME = "Test identity provider"


def private_key_pem():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def public_key_of(pem):
    return serialization.load_pem_private_key(pem, password=None).public_key()


class ClientAssertionCheck:
    """WSGI: refuses a token request whose client assertion does not verify."""

    def __init__(self, app, url):
        self.app = app
        self.token_url = f"{url}/oauth2/token"
        self.public_keys = {}
        self.assertions_seen = []

    def __call__(self, environ, start_response):
        if environ["PATH_INFO"] == "/oauth2/token":
            body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
            form = parse_qs(body.decode())
            if "client_assertion" in form or form.get("client_id", [""])[0] in (
                self.public_keys
            ):
                refusal = self.refusal(form)
                if refusal:
                    start_response("401 Unauthorized", [("Content-Type", "text/plain")])
                    return [refusal.encode()]
                # Verified: hand the mock a client it knows how to authenticate.
                del form["client_assertion"], form["client_assertion_type"]
                form["client_secret"] = ["verified-by-assertion"]
                body = urlencode(form, doseq=True).encode()
                environ["CONTENT_LENGTH"] = str(len(body))
            environ["wsgi.input"] = io.BytesIO(body)
        return self.app(environ, start_response)

    def refusal(self, form):
        client_id = form.get("client_id", [""])[0]
        assertion = form.get("client_assertion", [""])[0]
        if "client_secret" in form or not assertion:
            return "a private_key_jwt client sends an assertion and no secret"
        try:
            claims = jwt.decode(
                assertion,
                self.public_keys[client_id],
                algorithms=["RS256"],
                audience=self.token_url,
                options={"require": ["iss", "sub", "aud", "exp", "jti"]},
            )
        except (KeyError, jwt.PyJWTError) as error:
            return f"bad client assertion: {error}"
        if claims["iss"] != client_id or claims["sub"] != client_id:
            return "the assertion names another client"
        self.assertions_seen.append(claims)
        return None


class IdentityProvider:
    def __init__(self):
        port = spare_port()
        self.url = f"http://127.0.0.1:{port}"
        # The mock refuses an authorisation request that sends no nonce.
        app = oidc_provider_mock.app(require_nonce=True)
        # Its pages fetch a stylesheet from a CDN: nothing here leaves the machine.
        app.jinja_loader = jinja2.ChoiceLoader(
            [jinja2.DictLoader({"_base.html": OFFLINE_BASE}), app.jinja_loader]
        )
        self.front = ClientAssertionCheck(app, self.url)
        self.server = werkzeug.serving.make_server(
            "127.0.0.1", port, self.front, threaded=True
        )
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}
        )

    def start(self):
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.thread.join(5)
        self.server.server_close()

    def add_person(self, sub, **claims):
        """The claims the provider gives for `sub`: in its ID token and userinfo."""
        response = httpx.put(f"{self.url}/users/{quote(sub, safe='')}", json=claims)
        assert response.status_code == 204

    def app(self, client_id="statsforum", private_key_file=None, **auth_params):
        """allauth's settings for one provider, as site/settings/base.py makes them."""
        settings = {
            "server_url": self.url,
            "oauth_pkce_enabled": True,
            "fetch_userinfo": True,
            "auth_params": auth_params,
            "sign_in_origins": [self.url],
        }
        if private_key_file:
            settings.update(
                token_auth_method="private_key_jwt",
                private_key_file=str(private_key_file),
                private_key_algorithm="RS256",
            )
        return {
            "provider_id": PROVIDER_ID,
            "name": PROVIDER_NAME,
            "client_id": client_id,
            "secret": "" if private_key_file else "client-secret",
            "settings": settings,
        }

    def authorise(self, authorize_url, sub):
        """What a person does at the provider: sign in as `sub`; the provider
        answers with a redirect back to us (the callback's path and query)."""
        response = httpx.post(authorize_url, data={"sub": sub})
        assert response.status_code == 302, response.text
        callback = urlsplit(response.headers["location"])
        return f"{callback.path}?{callback.query}"


@pytest.fixture(scope="session")
def running_identity_provider():
    provider = IdentityProvider()
    provider.start()
    yield provider
    provider.stop()


def use_provider(settings, app):
    """Configure the site with this one provider, as OIDC_PROVIDERS would."""
    settings.SOCIALACCOUNT_PROVIDERS = {
        **settings.SOCIALACCOUNT_PROVIDERS,
        "openid_connect": {
            **settings.SOCIALACCOUNT_PROVIDERS["openid_connect"],
            "APPS": [app],
        },
    }
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {
            **directives,
            "form-action": [
                *directives["form-action"],
                *app["settings"]["sign_in_origins"],
            ],
        }
    }


@pytest.fixture
def identity_provider(running_identity_provider, settings):
    use_provider(settings, running_identity_provider.app())
    return running_identity_provider
