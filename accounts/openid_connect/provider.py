"""allauth's OpenID Connect provider, sending a nonce with every sign-in.

Swapped in for allauth's own by SOCIALACCOUNT_PROVIDERS["openid_connect"]
["provider_class"], so the provider id, its apps and its URL names stay allauth's.
"""

import secrets

from allauth.socialaccount.providers.openid_connect.provider import (
    OpenIDConnectProvider as AllauthOpenIDConnectProvider,
)

from accounts.openid_connect.views import OpenIDConnectAdapter


class OpenIDConnectProvider(AllauthOpenIDConnectProvider):
    oauth2_adapter_class = OpenIDConnectAdapter

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        # The nonce goes to the provider and into the stashed state, which only
        # this browser's session holds; the callback compares the ID token's.
        nonce = secrets.token_urlsafe(32)
        auth_params = kwargs.pop("auth_params", None)
        if auth_params is None:
            auth_params = self.get_auth_params()
        auth_params["nonce"] = nonce
        return super().redirect(
            request,
            process,
            next_url,
            data,
            auth_params=auth_params,
            nonce=nonce,
            **kwargs,
        )


provider_classes = [OpenIDConnectProvider]
