"""The API's rate limit: per calling address, in the shared cache."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousCallers(AnonRateThrottle):
    """`settings.API_ANONYMOUS_RATE` requests per address; read at each request, so
    an operator's change (or a test's) holds without a restart of DRF's settings."""

    scope = "anonymous"

    def get_rate(self):
        return settings.API_ANONYMOUS_RATE
