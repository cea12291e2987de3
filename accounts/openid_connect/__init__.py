"""Sign-in with an OpenID Connect provider: allauth's `openid_connect`, with the
nonce check and private_key_jwt client authentication it lacks (docs/deploy.md)."""
