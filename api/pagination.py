"""Every list of the API: `limit` and `offset`, as Wagtail's pages API takes them."""

from rest_framework.pagination import LimitOffsetPagination

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


class Pagination(LimitOffsetPagination):
    default_limit = DEFAULT_LIMIT
    max_limit = MAX_LIMIT

    def get_offset(self, request):
        # Past the end is an empty page, not a number the database cannot hold.
        return min(super().get_offset(request), self.count)
