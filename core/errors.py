"""Error pages that render with the database gone, or with a request that cannot be
trusted: no request context, no queries."""

import sys

from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest
from django.template import loader
from django.views import defaults

# psycopg_pool's PoolTimeout and a server gone away reach us as Django's
# OperationalError or InterfaceError (Django wraps every driver error).
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER = 30  # seconds


def bad_request(request, exception):
    """Django's 400 page; for a Host header the site does not serve, rendered without
    the request: every absolute address built from it (the alternates in the head,
    the footer) would raise again and turn the 400 into a 500."""
    if isinstance(exception, DisallowedHost):
        return HttpResponseBadRequest(loader.get_template("400.html").render())
    return defaults.bad_request(request, exception)


def server_error(request):
    """Django's 500 page; a 503 with Retry-After when the database is unavailable.

    Django calls this inside its handler for the uncaught exception, wherever it
    was raised (a view, a middleware, saving the session), so sys.exc_info() has it.
    """
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return service_unavailable()
    return defaults.server_error(request)


def service_unavailable():
    page = loader.get_template("503.html").render()
    return HttpResponse(page, status=503, headers={"Retry-After": str(RETRY_AFTER)})
