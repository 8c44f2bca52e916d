"""Commissions API.

* ``/api/v1/commissions/rules`` — rules (owners/admins write, accountants read);
  ``/rules/preview`` — what a draft would pay on a past period's sales;
* ``/api/v1/commissions/logs`` — the ledger; ``/logs/statement``,
  ``/logs/statement/csv`` and ``/logs/statement/xlsx`` — one practitioner's period
  statement; ``/logs/settle`` — the period close on demand;
* ``/api/v1/commerce/sales/<id>/commission-status/`` — what the POS polls after checkout.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from typing import Any

import django_filters
from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from openpyxl import Workbook
from openpyxl.styles import Font
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.selectors import staff_list
from catalog.models import Course, Product, Service
from commerce.models import Sale
from commissions import selectors, services
from commissions.models import CommissionLog, CommissionRule
from core.api import ClinicScopedViewSet
from core.exceptions import NotFound, PermissionDeniedError
from core.fields import ClinicRowField, MoneyField
from core.permissions import role_has_permission


class TierSerializer(serializers.Serializer[Any]):
    above = MoneyField(min_value=Decimal("0.01"), help_text="Period sales above which the tier applies")
    value = MoneyField(min_value=Decimal(0), help_text="Percent, or amount per unit in the clinic currency")


class CommissionRuleSerializer(serializers.ModelSerializer[CommissionRule]):
    tiers = TierSerializer(many=True, read_only=True)

    class Meta:
        model = CommissionRule
        fields = ["id", *sorted(services.RULE_EDITABLE), "currency", "version", "created_at", "updated_at"]
        read_only_fields = fields


class CommissionRuleInputSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=200)
    scope = serializers.ChoiceField(choices=CommissionRule.Scope.choices)
    service = ClinicRowField(queryset=Service.unscoped.all(), required=False, allow_null=True)
    service_category = serializers.ChoiceField(
        choices=Service.Category.choices, required=False, allow_blank=True
    )
    product = ClinicRowField(queryset=Product.unscoped.all(), required=False, allow_null=True)
    course = ClinicRowField(queryset=Course.unscoped.all(), required=False, allow_null=True)
    rate_type = serializers.ChoiceField(choices=CommissionRule.RateType.choices, required=False)
    value = MoneyField(min_value=Decimal(0), help_text="Percent (0-100), or amount per unit, clinic currency")
    tiers = TierSerializer(many=True, required=False)
    tier_mode = serializers.ChoiceField(choices=CommissionRule.TierMode.choices, required=False)
    tier_period = serializers.ChoiceField(choices=CommissionRule.TierPeriod.choices, required=False)
    settle_at_period_close = serializers.BooleanField(required=False)
    organization_wide = serializers.BooleanField(required=False)
    priority = serializers.IntegerField(min_value=-1000, max_value=1000, required=False)
    effective_from = serializers.DateField()
    effective_to = serializers.DateField(required=False, allow_null=True)
    is_active = serializers.BooleanField(required=False)

    def validate_tiers(self, tiers: list[dict[str, Any]]) -> list[dict[str, str]]:
        return [{"above": str(t["above"]), "value": str(t["value"])} for t in tiers]


class CommissionRuleUpdateSerializer(CommissionRuleInputSerializer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["partial"] = True
        super().__init__(*args, **kwargs)


class CommissionRulePreviewInputSerializer(CommissionRuleInputSerializer):
    name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    period = serializers.DateField(
        required=False,
        help_text="First day of the tier period to preview (clinic-local); default the last one",
    )


class PreviewPractitionerSerializer(serializers.Serializer[Any]):
    practitioner_id = serializers.UUIDField()
    practitioner_name = serializers.CharField()
    lines = serializers.IntegerField(help_text="Sale lines the draft covers")
    basis = MoneyField(help_text="Their share of those lines' net amounts, net of refunds")
    volume = MoneyField(help_text="All their sales of the period (what picks the tier)")
    rate = MoneyField(help_text="The tier the volume reaches: percent, or amount per unit")
    tier_above = MoneyField(max_digits=14, allow_null=True, help_text="That tier's threshold (null: base)")
    amount = MoneyField(help_text="What the draft pays them")


class CommissionRulePreviewSerializer(serializers.Serializer[Any]):
    period = serializers.DateField(help_text="First clinic-local day of the period")
    period_end = serializers.DateField(help_text="Last clinic-local day of the period")
    currency = serializers.CharField()
    basis_total = MoneyField()
    total = MoneyField()
    practitioners = PreviewPractitionerSerializer(many=True)


class CommissionRuleViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[CommissionRule]
):
    """The clinic's commission rules. Every create and change is audited
    (``commission_rule.created`` / ``commission_rule.updated``); a change bumps ``version``.
    Filter with ``?scope=`` and ``?is_active=``."""

    model = CommissionRule
    serializer_class = CommissionRuleSerializer
    required_permissions = {
        "list": "commission_rule.view",
        "retrieve": "commission_rule.view",
        "create": "commission_rule.manage",
        "partial_update": "commission_rule.manage",
        "preview": "commission_rule.manage",
    }
    filterset_fields = ["scope", "is_active", "rate_type"]
    ordering_fields = ["priority", "name", "effective_from"]

    def get_base_queryset(self) -> QuerySet[CommissionRule]:
        return selectors.commission_rule_list()

    @extend_schema(request=CommissionRuleInputSerializer, responses={201: CommissionRuleSerializer})
    def create(self, request: Request) -> Response:
        data = CommissionRuleInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        rule = services.commission_rule_create(clinic=self.clinic, actor=self.actor, **data.validated_data)
        return Response(CommissionRuleSerializer(rule).data, status=201)

    @extend_schema(request=CommissionRuleUpdateSerializer, responses={200: CommissionRuleSerializer})
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        rule = self.get_object()  # a foreign id is a 404 before the body is read
        data = CommissionRuleUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        rule = services.commission_rule_update(rule=rule, actor=self.actor, **data.validated_data)
        return Response(CommissionRuleSerializer(rule).data)

    @extend_schema(
        request=CommissionRulePreviewInputSerializer, responses={200: CommissionRulePreviewSerializer}
    )
    @action(detail=False, methods=["post"])
    def preview(self, request: Request) -> Response:
        """What a rule draft (the body of a create, ``name`` optional) would pay each
        practitioner on the clinic's sales of one tier period (``period``, default the
        last one), computed like the calculation and the period close. Saves nothing.
        400 naming the field for a bad draft or period."""
        data = CommissionRulePreviewInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        preview = services.commission_rule_preview(clinic=self.clinic, **data.validated_data)
        return Response(CommissionRulePreviewSerializer(preview).data)


class CommissionLogSerializer(serializers.ModelSerializer[CommissionLog]):
    sale_number = serializers.CharField(source="sale.number", read_only=True, default=None)
    line_description = serializers.CharField(source="sale_line.description", read_only=True, default=None)
    practitioner_name = serializers.CharField(source="practitioner.full_name", read_only=True)
    basis_amount = MoneyField(read_only=True)
    rate = MoneyField(read_only=True, help_text="Percent, or amount per unit (see rate_type)")
    rate_type = serializers.SerializerMethodField(help_text="How ``rate`` reads: the rule's terms at the log")
    tier_above = MoneyField(read_only=True, max_digits=14, allow_null=True)
    amount = MoneyField(read_only=True)

    class Meta:
        model = CommissionLog
        fields = [
            "id",
            "kind",
            "status",
            "sale",
            "sale_number",
            "sale_line",
            "line_description",
            "refund",
            "practitioner",
            "practitioner_name",
            "rule",
            "rule_version",
            "share",
            "basis_amount",
            "rate",
            "rate_type",
            "tier_above",
            "amount",
            "currency",
            "period",
            "created_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=CommissionRule.RateType.choices))
    def get_rate_type(self, log: CommissionLog) -> str:
        return str(log.terms.get("rate_type", CommissionRule.RateType.PERCENTAGE))


class PeriodQuerySerializer(serializers.Serializer[Any]):
    period = serializers.DateField(help_text="First day of the period (YYYY-MM-01, or a quarter's first day)")
    practitioner = serializers.UUIDField(
        required=False, help_text="Default: the caller (statement), everyone (settle)"
    )

    def validate_period(self, period: Any) -> Any:
        if period.day != 1:
            raise serializers.ValidationError(_("Give the first day of the period."))
        return period


class StatementLineSerializer(CommissionLogSerializer):
    earned = serializers.SerializerMethodField(
        help_text="What this log has earned so far: its amount times the paid share of its sale"
    )
    occurred_at = serializers.SerializerMethodField(
        help_text="When it happened: the sale (commission), the refund or void (reversal), the close"
    )

    class Meta(CommissionLogSerializer.Meta):
        fields = [*CommissionLogSerializer.Meta.fields, "earned", "occurred_at"]

    def get_occurred_at(self, log: CommissionLog) -> dt.datetime:
        return selectors.commission_log_occurred_at(log)

    @extend_schema_field(MoneyField())  # a decimal string, like every amount
    def get_earned(self, log: CommissionLog) -> str:
        return str(self.context["earned"][log.pk])  # rounded to the currency by the selector


class StatementSerializer(serializers.Serializer[Any]):
    practitioner_id = serializers.UUIDField()
    period = serializers.DateField()
    currency = serializers.CharField(allow_null=True)
    lines = StatementLineSerializer(many=True)
    adjustments = StatementLineSerializer(many=True)
    commission_total = MoneyField()
    reversal_total = MoneyField(help_text="Reversed by refunds and voids (negative)")
    adjustment_total = MoneyField()
    total = MoneyField(help_text="Commission after reversals and adjustments")
    earned_total = MoneyField(help_text="Earned on the revenue paid so far")
    pending_total = MoneyField(help_text="To be earned when the rest is paid")


class SettleResultSerializer(serializers.Serializer[Any]):
    adjustments = CommissionLogSerializer(many=True)


STATEMENT_COLUMNS = (
    *("date", "kind", "sale", "line", "share", "basis", "rate", "tier_above"),
    *("amount", "earned", "currency"),
)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# 1-based columns of STATEMENT_COLUMNS and their Excel number formats.
XLSX_FORMATS = {1: "yyyy-mm-dd", **dict.fromkeys((5, 6, 7, 8, 9, 10), "#,##0.00")}


class CommissionLogFilter(django_filters.FilterSet):
    practitioner = django_filters.UUIDFilter(
        field_name="practitioner_id", help_text="User id of the practitioner"
    )
    sale = django_filters.UUIDFilter(field_name="sale_id")

    class Meta:
        model = CommissionLog
        fields = ["practitioner", "sale", "period", "kind", "status"]


class CommissionLogViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[CommissionLog]
):
    """The commission ledger. Owners, admins and the accountant see every practitioner's
    logs; any other role sees only their own. Filter with ``?practitioner=``,
    ``?period=``, ``?kind=``, ``?sale=``."""

    model = CommissionLog
    serializer_class = CommissionLogSerializer
    required_permissions = {
        "list": "commission.view_own",
        "retrieve": "commission.view_own",
        "statement": "commission.view_own",
        "statement_csv": "commission.view_own",
        "statement_xlsx": "commission.view_own",
        "settle": "commission.settle",
    }
    filterset_class = CommissionLogFilter

    def get_base_queryset(self) -> QuerySet[CommissionLog]:
        logs = selectors.commission_log_list()
        if getattr(self, "swagger_fake_view", False) or role_has_permission(
            self.membership.role, "commission.view_all"
        ):
            return logs
        return logs.filter(practitioner=self.actor)

    def _staff_member(self, practitioner: Any) -> None:
        """404 unless ``practitioner`` is (or was) on this clinic's staff."""
        if not staff_list(clinic=self.clinic).filter(user_id=practitioner).exists():
            raise NotFound()

    def _statement(self, request: Request) -> dict[str, Any]:
        query = PeriodQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        practitioner = query.validated_data.get("practitioner") or self.actor.pk
        if practitioner != self.actor.pk:
            if not role_has_permission(self.membership.role, "commission.view_all"):
                raise PermissionDeniedError()
            self._staff_member(practitioner)
        return selectors.commission_statement(
            practitioner_id=practitioner, period=query.validated_data["period"]
        )

    @extend_schema(parameters=[PeriodQuerySerializer], responses={200: StatementSerializer})
    @action(detail=False, methods=["get"])
    def statement(self, request: Request) -> Response:
        """One practitioner's statement for one period: commission and reversal lines,
        period adjustments and totals (Decimal strings, clinic currency)."""
        statement = self._statement(request)
        return Response(StatementSerializer(statement, context={"earned": statement["earned"]}).data)

    def _statement_rows(self, statement: dict[str, Any]) -> list[list[Any]]:
        """The statement as a table (``STATEMENT_COLUMNS``): one row per log (its date
        clinic-local), then the total row; blanks are ``None``."""
        rows: list[list[Any]] = [
            [
                self.clinic.date_at(selectors.commission_log_occurred_at(log)),
                log.kind,
                log.sale.number if log.sale else None,
                log.sale_line.description if log.sale_line else None,
                log.share,
                log.basis_amount,
                log.rate,
                log.tier_above,
                log.amount,
                statement["earned"][log.pk],
                log.currency,
            ]
            for log in [*statement["lines"], *statement["adjustments"]]
        ]
        total = [None, "total", *[None] * 6, statement["total"], statement["earned_total"]]
        return [*rows, [*total, statement["currency"]]]

    @staticmethod
    def _download(
        content: bytes | str, content_type: str, statement: dict[str, Any], ext: str
    ) -> HttpResponse:
        name = f"commissions-{statement['practitioner_id']}-{statement['period']:%Y-%m}.{ext}"
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    @extend_schema(parameters=[PeriodQuerySerializer], responses={(200, "text/csv"): OpenApiTypes.STR})
    @action(detail=False, methods=["get"], url_path="statement/csv")
    def statement_csv(self, request: Request) -> HttpResponse:
        """The statement as CSV (UTF-8, one row per log, then the total row; ``earned``:
        on the revenue paid so far)."""
        statement = self._statement(request)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(STATEMENT_COLUMNS)
        writer.writerows(self._statement_rows(statement))
        return self._download(out.getvalue(), "text/csv; charset=utf-8", statement, "csv")

    @extend_schema(parameters=[PeriodQuerySerializer], responses={(200, XLSX): OpenApiTypes.BINARY})
    @action(detail=False, methods=["get"], url_path="statement/xlsx")
    def statement_xlsx(self, request: Request) -> HttpResponse:
        """The statement as an Excel workbook: the CSV's columns and rows on one sheet
        named after the period, dates as dates and amounts as numbers (2 decimals)."""
        statement = self._statement(request)
        book = Workbook()
        sheet = book.active
        sheet.title = f"{statement['period']:%Y-%m}"
        sheet.append(STATEMENT_COLUMNS)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in self._statement_rows(statement):
            sheet.append(row)
        for column, number_format in XLSX_FORMATS.items():
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                cell.number_format = number_format
        sheet.freeze_panes = "A2"
        out = io.BytesIO()
        book.save(out)
        return self._download(out.getvalue(), XLSX, statement, "xlsx")

    @extend_schema(request=PeriodQuerySerializer, responses={200: SettleResultSerializer})
    @action(detail=False, methods=["post"])
    def settle(self, request: Request) -> Response:
        """Close a period now (also done daily for ended periods): writes the adjustment
        logs that bring each practitioner's total to what the final tier implies, and
        audits the close (``commission_period.settled``). A practitioner who is not on
        this clinic's staff is a 404."""
        data = PeriodQuerySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        practitioner = data.validated_data.get("practitioner")
        if practitioner is not None:
            self._staff_member(practitioner)
        adjustments = services.commission_period_settle(
            clinic=self.clinic,
            period=data.validated_data["period"],
            practitioner_id=practitioner,
            actor=self.actor,
        )
        return Response(SettleResultSerializer({"adjustments": adjustments}).data)


class CommissionStatusSerializer(serializers.Serializer[Any]):
    sale_id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=["pending", "done", "failed"])
    error = serializers.CharField()
    completed_at = serializers.DateTimeField(allow_null=True)
    total = MoneyField()
    currency = serializers.CharField()
    lines = CommissionLogSerializer(many=True)


class SaleCommissionStatusViewSet(ClinicScopedViewSet[Sale]):
    """Commission state of a sale, polled by the POS after checkout (the
    ``commission.calculated`` WebSocket event carries the same news)."""

    model = Sale
    required_permissions = {"commission_status": "commission.status"}

    def get_base_queryset(self) -> QuerySet[Sale]:
        return Sale.objects.all()

    @extend_schema(responses={200: CommissionStatusSerializer})
    @action(detail=True, methods=["get"], url_path="commission-status")
    def commission_status(self, request: Request, pk: str | None = None) -> Response:
        """``pending`` until the worker has computed the sale, then ``done`` with the
        commission lines (or ``failed`` with the error)."""
        sale = self.get_object()
        return Response(CommissionStatusSerializer(selectors.sale_commission_status(sale=sale)).data)
