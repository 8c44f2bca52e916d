from functools import cached_property, partial
from typing import Any, cast

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from rest_framework import pagination
from rest_framework.request import Request
from rest_framework.response import Response

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


class BoundedCountPaginator(Paginator):
    """A Django paginator that counts at most ``count_limit + 1`` rows: one
    ``SELECT COUNT(*) FROM (… LIMIT count_limit + 1)``, so a page of a table of a
    million rows does not count them all. ``count`` is then exact when it is at most
    ``count_limit`` and a lower bound (``count_limit + 1``) otherwise."""

    def __init__(self, object_list: Any, per_page: int, *, count_limit: int) -> None:
        super().__init__(object_list, per_page)
        self.count_limit = count_limit

    @cached_property
    def count(self) -> int:
        if isinstance(self.object_list, QuerySet):
            return self.object_list.order_by()[: self.count_limit + 1].count()
        return min(len(self.object_list), self.count_limit + 1)


class BoundedCountPagination(PageNumberPagination):
    """Opt-in (``pagination_class``) page-number pagination for lists that may hold very
    many rows: the total is counted exactly up to ``count_bound`` (1,000) rows and no
    further. Response::

        {"count": 1000, "count_is_exact": false, "count_bound": 1000,
         "next": url | null, "previous": url | null, "results": [...]}

    ``count_is_exact`` false means "more than ``count``" (show "1,000+"). A page past the
    bound still works: the count then goes as far as the end of that page plus one row,
    so ``next`` stays right, and ``count`` is reported as the bound."""

    count_bound = 1000

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> list[Any] | None:
        page_size = self.get_page_size(request)
        raw = request.query_params.get(self.page_query_param, "1")
        # At most nine digits keeps the LIMIT within PostgreSQL's bigint; a page past the
        # rows is DRF's 404 either way.
        page = int(raw) if raw.isdigit() and len(raw) <= 9 else 1
        # Room to validate the page asked for and to tell whether another one follows.
        limit = max(self.count_bound, page * page_size)
        self.django_paginator_class = partial(BoundedCountPaginator, count_limit=limit)  # type: ignore[assignment]
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data: Any) -> Response:
        # The paginator counted at least up to the bound (plus one row past it when
        # there are more), so at most the bound is exact.
        counted = cast(Page[Any], self.page).paginator.count
        exact = counted <= self.count_bound
        count = counted if exact else self.count_bound
        return Response(
            {
                "count": count,
                "count_is_exact": exact,
                "count_bound": self.count_bound,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        base = super().get_paginated_response_schema(schema)
        properties = dict(base["properties"])
        properties["count"] = {
            "type": "integer",
            "example": 123,
            "description": "Rows in the list when `count_is_exact`; otherwise the bound, and more rows exist",
        }
        properties["count_is_exact"] = {"type": "boolean", "description": "False: more than `count` rows"}
        properties["count_bound"] = {
            "type": "integer",
            "example": self.count_bound,
            "description": "The most rows that are counted",
        }
        return {
            **base,
            "required": ["count", "count_is_exact", "count_bound", "results"],
            "properties": properties,
        }
