from typing import Any

from django.utils.translation import gettext as _
from rest_framework import pagination
from rest_framework.request import Request

from core.exceptions import ValidationFailed


class PageNumberPagination(pagination.PageNumberPagination):
    """``?page=N&page_size=M`` (1 ≤ M, capped at 100). Response:
    ``{count, next, previous, results}``. A malformed ``page_size`` is a 400."""

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request: Request) -> Any:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not raw.isdigit() or int(raw) < 1:
            raise ValidationFailed(errors={"page_size": [_("A whole number from 1 to 100.")]})
        return min(int(raw), self.max_page_size)
