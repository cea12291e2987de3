"""Requests no browser sends, refused before any view or database sees them."""

from django.core.exceptions import BadRequest


class RefuseNullCharactersMiddleware:
    """A 400 for a NUL in the address or its query: PostgreSQL text cannot hold one
    (DataError, a 500) and SQLite's full-text search stops at it. Form fields refuse
    a NUL themselves, next to the field (Django's ProhibitNullCharactersValidator)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("A NUL character in the address.")
        return self.get_response(request)
