"""The sign-in and callback views of allauth's OpenID Connect provider, with
the ID token's nonce checked and private_key_jwt client authentication."""

import time
import uuid
from pathlib import Path

import jwt
from allauth.account.internal.decorators import login_not_required
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import (
    OAuth2CallbackView,
    OAuth2LoginView,
)
from allauth.socialaccount.providers.openid_connect.views import (
    OpenIDConnectOAuth2Adapter,
)
from allauth.utils import get_request_param
from django.http import Http404

CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


class OpenIDConnectAdapter(OpenIDConnectOAuth2Adapter):
    # Set by the callback from the state this browser's session stashed.
    expected_nonce = None

    def get_access_token_data(self, request, app, client, pkce_code_verifier=None):
        if app.settings.get("token_auth_method") != "private_key_jwt":
            return super().get_access_token_data(
                request, app, client, pkce_code_verifier
            )
        # allauth sends the secret, which private_key_jwt has none of (the app's
        # secret is empty, so allauth leaves it out), and no client assertion.
        data = client.get_access_token(
            get_request_param(request, "code"),
            pkce_code_verifier=pkce_code_verifier,
            extra_data={
                "client_assertion_type": CLIENT_ASSERTION_TYPE,
                "client_assertion": client_assertion(app, self.access_token_url),
            },
        )
        self.did_fetch_access_token = True
        return data

    def _decode_id_token(self, app, id_token):
        claims = super()._decode_id_token(app, id_token)
        # A token minted for another sign-in (replayed or injected) carries
        # another nonce, or none.
        if not self.expected_nonce or claims.get("nonce") != self.expected_nonce:
            raise OAuth2Error("The ID token's nonce is not the one sent.")
        return claims


def client_assertion(app, token_url):
    """A short-lived JWT signed with the app's private key (RFC 7523), which
    proves to the provider's token endpoint that the request is ours."""
    key = Path(app.settings["private_key_file"]).read_text()
    now = int(time.time())
    return jwt.encode(
        {
            "iss": app.client_id,
            "sub": app.client_id,
            "aud": token_url,
            "jti": str(uuid.uuid4()),
            "iat": now,
            "exp": now + 300,
        },
        key,
        algorithm=app.settings.get("private_key_algorithm", "RS256"),
    )


class CallbackView(OAuth2CallbackView):
    def _get_state(self, request, provider):
        state, response = super()._get_state(request, provider)
        self.adapter.expected_nonce = (state or {}).get("nonce")
        return state, response


@login_not_required
def login(request, provider_id):
    try:
        view = OAuth2LoginView.adapter_view(OpenIDConnectAdapter(request, provider_id))
        return view(request)
    except SocialApp.DoesNotExist:
        raise Http404 from None


@login_not_required
def callback(request, provider_id):
    try:
        view = CallbackView.adapter_view(OpenIDConnectAdapter(request, provider_id))
        return view(request)
    except SocialApp.DoesNotExist:
        raise Http404 from None
