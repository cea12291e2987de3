"""Error pages that render with the database gone: no request context, no queries."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults

# psycopg_pool's PoolTimeout and a server gone away reach us as Django's
# OperationalError or InterfaceError (Django wraps every driver error).
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER = 30  # seconds


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
