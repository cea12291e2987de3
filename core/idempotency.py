"""A form that creates something is stored once, however often it is sent.

Each render of such a form carries a fresh random key (templates/includes/
idempotency_key.html). The first POST with the key claims it, in the request's own
transaction, and a redirect records where it went; a repeat (a double click, a
browser resubmitting after a timeout, a retry after a 503) is sent to the same place
and creates nothing. The unique key, not a read before the write, makes this safe
when both arrive at once: the second waits for the first to commit, then finds it.
"""

import re
import secrets
from functools import wraps

from django.db import IntegrityError, transaction
from django.shortcuts import redirect

from core.models import IdempotencyKey

FIELD = "idempotency_key"
KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")


def new_key():
    return secrets.token_urlsafe(24)


def idempotent(view):
    """For a view that answers a successful POST with a redirect."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        key = request.POST.get(FIELD, "") if request.method == "POST" else ""
        if not KEY.fullmatch(key):
            return view(request, *args, **kwargs)
        user = request.user if request.user.is_authenticated else None
        try:
            with transaction.atomic():
                claim = IdempotencyKey.objects.create(key=key, user=user)
        except IntegrityError:
            earlier = IdempotencyKey.objects.filter(key=key, user=user).first()
            if earlier is None:  # somebody else's key: no replay for them
                return view(request, *args, **kwargs)
            return redirect(earlier.redirect_to)
        response = view(request, *args, **kwargs)
        if response.status_code in (301, 302, 303):
            claim.redirect_to = response["Location"]
            claim.save(update_fields=["redirect_to"])
        else:  # refused or sent back to correct it: the key is free again
            claim.delete()
        return response

    return wrapped
