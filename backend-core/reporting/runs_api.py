"""The reports API: ``/api/v1/reports/runs``. Owners, admins and the accountant ask for
a report of the clinic (202: the worker writes it), follow its progress, cancel it and
get a short-lived link to its file. Thin: parse, call ``reporting.services``, render.
Another clinic's run answers 404."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from core.api import ClinicScopedViewSet, validated_body
from core.exceptions import ValidationFailed
from core.fields import PeriodDayField
from core.pagination import PageNumberPagination
from reporting import services
from reporting.models import ReportRun
from reporting.reports import KINDS


class ReportRunInputSerializer(serializers.Serializer[Any]):
    """The days are the clinic's, both included, from 2000-01-01 to 2099-12-31;
    the service checks their order and the period's length."""

    kind = serializers.ChoiceField(choices=[(k, k) for k in KINDS])
    format = serializers.ChoiceField(choices=ReportRun.Format.values)
    date_from = PeriodDayField(help_text="First day (clinic-local), YYYY-MM-DD")
    date_to = PeriodDayField(help_text="Last day (clinic-local), YYYY-MM-DD")
    idempotency_key = serializers.CharField(
        required=False, max_length=100, help_text="Or the Idempotency-Key header"
    )


class ReportRunSerializer(serializers.ModelSerializer[ReportRun]):
    requested_by_name = serializers.CharField(source="requested_by.__str__", read_only=True)
    title = serializers.SerializerMethodField()

    class Meta:
        model = ReportRun
        fields = [
            "id",
            "kind",
            "title",
            "format",
            "date_from",
            "date_to",
            "status",
            "rows_done",
            "rows_total",
            "file_size",
            "error",
            "requested_by_name",
            "created_at",
            "started_at",
            "finished_at",
        ]
        read_only_fields = fields

    def get_title(self, run: ReportRun) -> str:
        """The kind's name in the caller's language."""
        kind = KINDS.get(run.kind)
        return str(kind.title) if kind else run.kind


class ReportLinkSerializer(serializers.Serializer[Any]):
    url = serializers.CharField(help_text="Download link; it stops working at `expires_at`")
    expires_at = serializers.DateTimeField()


class ReportRunViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[ReportRun]):
    """The clinic's report runs, newest first (paginated: ``page``, ``page_size``)."""

    model = ReportRun
    serializer_class = ReportRunSerializer
    pagination_class = PageNumberPagination
    required_permissions = {
        "list": "report.view",
        "retrieve": "report.view",
        "create": "report.view",
        "cancel": "report.view",
        "download": "report.view",
    }

    def get_base_queryset(self) -> QuerySet[ReportRun]:
        return ReportRun.objects.select_related("requested_by").order_by("-created_at", "-pk")

    @extend_schema(
        request=ReportRunInputSerializer,
        responses={
            202: ReportRunSerializer,
            200: OpenApiResponse(ReportRunSerializer, description="A retry: the first run"),
        },
        parameters=[OpenApiParameter("Idempotency-Key", OpenApiTypes.STR, OpenApiParameter.HEADER)],
    )
    def create(self, request: Request) -> Response:
        """Ask for a report (``kind``: sales_lines, payments, practitioner_productivity,
        commission_lines, inventory_movements; ``format``: csv, xlsx, pdf) of the
        clinic-local days ``date_from``..``date_to`` (at most 366): 202 with the queued
        run, written by the worker with headers in the caller's language. A retry with the
        same idempotency key answers 200 with the first run. 400 names ``kind``,
        ``format``, ``date_to`` (before ``date_from``), ``date_from`` (too long a period)
        or ``idempotency_key``."""
        values = validated_body(ReportRunInputSerializer, request.data)
        key = values.get("idempotency_key") or request.headers.get("Idempotency-Key", "")
        if len(key) > 100:
            raise ValidationFailed(errors={"idempotency_key": [_("At most 100 characters.")]})
        run, created = services.report_run_request(
            clinic=self.clinic,
            actor=self.actor,
            kind=values["kind"],
            format=values["format"],
            date_from=values["date_from"],
            date_to=values["date_to"],
            language=get_language() or "en",
            idempotency_key=key,
        )
        return Response(self.get_serializer(run).data, status=202 if created else 200)

    @extend_schema(request=None, responses={200: ReportRunSerializer})
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, pk: str | None = None) -> Response:
        """Cancel a queued or running report (the worker stops at its next chunk); 409
        ``report_finished`` when it is done, failed or cancelled already."""
        run = services.report_run_cancel(run=self.get_object(), actor=self.actor)
        return Response(self.get_serializer(run).data)

    @extend_schema(responses={200: ReportLinkSerializer})
    @action(detail=True, methods=["get"])
    def download(self, request: Request, pk: str | None = None) -> Response:
        """A link to the report's file that works for a couple of minutes
        (``REPORT_DOWNLOAD_URL_SECONDS``); each link issued is audited
        (``report.downloaded``). 409 ``report_not_done`` unless the run is done."""
        url, expires_at = services.report_run_link(run=self.get_object(), actor=self.actor)
        return Response(ReportLinkSerializer({"url": url, "expires_at": expires_at}).data)
