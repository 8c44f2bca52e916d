"""The dashboard API: ``GET /api/v1/reports/dashboard`` (figures of a period and the
previous one, from the daily figures) and ``GET /api/v1/reports/dashboard/rows`` (the
sales behind a figure, paginated). Thin: parse, check which clinics the caller may read,
call ``reporting.selectors`` / ``commerce.selectors``, render."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.models import Clinic
from accounts.selectors import clinics_permitting
from commerce.models import Sale
from commerce.selectors import sales_of_days
from core.api import ClinicScopedViewSet, validated_body
from core.exceptions import NotFound, PermissionDeniedError
from core.fields import MoneyField
from core.pagination import PageNumberPagination
from core.permissions import role_has_permission
from core.tenancy import clinic_context
from reporting import selectors
from reporting.models import DailyClinicFigures

# The range the dashboard shows when none is asked for: the last 30 days, today included.


# The days the figures may be asked for (a business's records, with room either side).
EARLIEST_DAY = dt.date(2000, 1, 1)
LATEST_DAY = dt.date(2099, 12, 31)


class RangeInputSerializer(serializers.Serializer[Any]):
    """``from``/``to``: clinic-local days, both included (default: the last 30 days to
    today), each within ``EARLIEST_DAY``..``LATEST_DAY`` (400 naming it otherwise: the
    previous period and the default range must stay real dates). 400 naming ``to`` when
    it is before ``from``, ``from`` when the range is longer than ``RANGE_MAX_DAYS``."""

    from_ = serializers.DateField(required=False, help_text="First day (clinic-local), YYYY-MM-DD")
    to = serializers.DateField(required=False, help_text="Last day (clinic-local), YYYY-MM-DD")
    clinic = serializers.UUIDField(
        required=False, help_text="A clinic of your organization (default: X-Clinic-Id)"
    )

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")
        return fields

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        for name in ("from", "to"):
            day = attrs.get(name)
            if day is not None and not EARLIEST_DAY <= day <= LATEST_DAY:
                raise serializers.ValidationError(
                    {
                        name: [
                            _("Choose a day from %(first)s to %(last)s.")
                            % {"first": EARLIEST_DAY, "last": LATEST_DAY}
                        ]
                    }
                )
        start, end = attrs.get("from"), attrs.get("to")
        if start is not None and end is not None:
            if end < start:
                raise serializers.ValidationError({"to": [_("The last day is before the first.")]})
            if (end - start).days + 1 > selectors.RANGE_MAX_DAYS:
                raise serializers.ValidationError(
                    {"from": [_("At most %(days)s days at once.") % {"days": selectors.RANGE_MAX_DAYS}]}
                )
        return attrs


class DashboardInputSerializer(RangeInputSerializer):
    scope = serializers.ChoiceField(
        choices=[("clinic", "clinic"), ("organization", "organization")],
        default="clinic",
        help_text="clinic (one clinic) or organization (every clinic of it you may read)",
    )


class RowsInputSerializer(RangeInputSerializer):
    kind = serializers.ChoiceField(
        choices=[(k, k) for k in ("service", "product", "course")],
        required=False,
        help_text="With item: only sales with a line of this item",
    )
    item = serializers.UUIDField(required=False)
    practitioner = serializers.UUIDField(required=False, help_text="Only sales crediting this practitioner")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        if ("kind" in attrs) != ("item" in attrs):
            missing = "item" if "kind" in attrs else "kind"
            raise serializers.ValidationError({missing: [_("Send kind and item together.")]})
        return attrs


class PeriodSerializer(serializers.Serializer[Any]):
    start = serializers.DateField()
    end = serializers.DateField()
    days = serializers.IntegerField()


class MoneyTotalsSerializer(serializers.Serializer[Any]):
    cash_received = MoneyField(max_digits=18, allow_null=True, help_text="Net money in: cash, card, bank")
    revenue_recognized = MoneyField(
        max_digits=18, allow_null=True, help_text="Net credit of revenue accounts"
    )
    deferred_revenue = MoneyField(max_digits=18, allow_null=True, help_text="Courses sold less redeemed")
    sales_total = MoneyField(max_digits=18, allow_null=True, help_text="Sales not void, with tax")
    sales_count = serializers.IntegerField(allow_null=True)
    average_ticket = MoneyField(max_digits=18, allow_null=True, help_text="sales_total / sales_count")
    net_sales = MoneyField(max_digits=18, help_text="Without tax, less refunds (own: credited share)")
    commission_cost = MoneyField(max_digits=18)


class DaySerializer(serializers.Serializer[Any]):
    date = serializers.DateField()
    cash_received = MoneyField(max_digits=18, allow_null=True)
    revenue_recognized = MoneyField(max_digits=18, allow_null=True)
    sales_total = MoneyField(max_digits=18, allow_null=True)
    sales_count = serializers.IntegerField(allow_null=True)
    net_sales = MoneyField(max_digits=18, allow_null=True)


class ItemSerializer(serializers.Serializer[Any]):
    kind = serializers.CharField()
    item_id = serializers.UUIDField()
    name = serializers.CharField()
    quantity = serializers.DecimalField(max_digits=18, decimal_places=3)
    net_amount = MoneyField(max_digits=18)


class PractitionerMoneySerializer(serializers.Serializer[Any]):
    practitioner_id = serializers.UUIDField()
    name = serializers.CharField()
    net_sales = MoneyField(max_digits=18)
    commission_cost = MoneyField(max_digits=18)


class CurrencyFiguresSerializer(serializers.Serializer[Any]):
    currency = serializers.CharField()
    current = MoneyTotalsSerializer()
    previous = MoneyTotalsSerializer()
    by_day = DaySerializer(many=True)
    by_treatment = ItemSerializer(many=True)
    by_practitioner = PractitionerMoneySerializer(many=True)


class ActivitySerializer(serializers.Serializer[Any]):
    appointments = serializers.IntegerField()
    completed = serializers.IntegerField()
    no_shows = serializers.IntegerField()
    late_cancellations = serializers.IntegerField()
    cancellations = serializers.IntegerField()
    new_patients = serializers.IntegerField()
    returning_patients = serializers.IntegerField()
    booked_minutes = serializers.IntegerField()
    available_minutes = serializers.IntegerField()
    no_show_rate = serializers.DecimalField(max_digits=8, decimal_places=4, allow_null=True)
    late_cancellation_rate = serializers.DecimalField(max_digits=8, decimal_places=4, allow_null=True)
    utilization = serializers.DecimalField(max_digits=8, decimal_places=4, allow_null=True)


class ActivityPeriodsSerializer(serializers.Serializer[Any]):
    current = ActivitySerializer()
    previous = ActivitySerializer()


class UtilizationSerializer(ActivitySerializer):
    practitioner_id = serializers.UUIDField()
    name = serializers.CharField()


class ClinicRefSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    name = serializers.CharField()
    currency = serializers.CharField()
    time_zone = serializers.CharField()


class DashboardSerializer(serializers.Serializer[Any]):
    scope = serializers.CharField()
    own_only = serializers.BooleanField(help_text="True: only the caller's own figures (a practitioner)")
    clinics = ClinicRefSerializer(many=True)
    period = PeriodSerializer()
    previous = PeriodSerializer()
    money = CurrencyFiguresSerializer(many=True)
    activity = ActivityPeriodsSerializer()
    utilization = UtilizationSerializer(many=True)


class SaleRowSerializer(serializers.ModelSerializer[Sale]):
    sold_at = serializers.DateTimeField(source="created_at")
    status = serializers.CharField(
        help_text="completed, partially_refunded or refunded (void sales are not listed)"
    )
    patient_name = serializers.SerializerMethodField()
    invoice_id = serializers.UUIDField(source="invoice.pk", default=None, allow_null=True)
    invoice_number = serializers.CharField(source="invoice.number", default=None, allow_null=True)
    total = MoneyField()

    class Meta:
        model = Sale
        fields = [
            "id",
            "number",
            "sold_at",
            "status",
            "patient_name",
            "invoice_id",
            "invoice_number",
            "total",
            "currency",
        ]

    def get_patient_name(self, sale: Sale) -> str:
        profile = sale.patient.profile if sale.patient else None
        return f"{profile.given_name} {profile.family_name}".strip() if profile else ""


class ReportViewSet(ClinicScopedViewSet[DailyClinicFigures]):
    """Reports of the clinic's (or organization's) daily figures. Owners, admins and
    the accountant read the clinic's figures; a practitioner only their own. A
    ``clinic`` the caller may not read answers 404."""

    model = DailyClinicFigures
    required_permissions = {"dashboard": "report.view_own", "rows": "report.view_own"}
    pagination_class = PageNumberPagination

    @property
    def _own_only(self) -> bool:
        return not role_has_permission(self.membership.role, "report.view")

    def _clinic(self, clinic_id: uuid.UUID | None) -> Clinic:
        """The request's clinic, or another clinic of its organization where the caller
        may read reports; anything else is a 404 (no existence oracle)."""
        if clinic_id is None or clinic_id == self.clinic.pk:
            return self.clinic
        if not self._own_only:
            clinic = (
                clinics_permitting(
                    user=self.actor, organization_id=self.clinic.organization_id, permission="report.view"
                )
                .filter(pk=clinic_id)
                .first()
            )
            if clinic is not None:
                return clinic
        raise NotFound()

    def _period(self, values: dict[str, Any], clinic: Clinic) -> selectors.Period:
        return selectors.Period.asked(start=values.get("from"), end=values.get("to"), today=clinic.today())

    @extend_schema(parameters=[DashboardInputSerializer], responses={200: DashboardSerializer})
    @action(detail=False, methods=["get"])
    def dashboard(self, request: Request) -> Response:
        """``?from=&to=`` (clinic-local days, default the last 30), ``?clinic=``,
        ``?scope=clinic|organization``: revenue (cash received, recognized, deferred),
        sales and average ticket, by day, treatment and practitioner; appointments,
        no-show and late-cancellation rates, new and returning patients, utilization;
        commission cost; each with the previous period of the same length. Amounts are
        per currency (an organization may trade in several). A practitioner gets only
        their own figures and cannot ask for the organization (403)."""
        values = validated_body(DashboardInputSerializer, request.query_params)
        clinic = self._clinic(values.get("clinic"))
        if values["scope"] == "organization":
            if self._own_only:
                raise PermissionDeniedError()
            clinics = list(
                clinics_permitting(
                    user=self.actor, organization_id=clinic.organization_id, permission="report.view"
                ).order_by("name")
            )
        else:
            clinics = [clinic]
        body = selectors.dashboard(
            clinics=clinics,
            period=self._period(values, clinic),
            practitioner_id=self.actor.pk if self._own_only else None,
        )
        body.update(
            scope=values["scope"],
            own_only=self._own_only,
            clinics=[
                {"id": c.pk, "name": c.name, "currency": c.currency, "time_zone": c.time_zone}
                for c in clinics
            ],
        )
        return Response(DashboardSerializer(body).data)

    @extend_schema(parameters=[RowsInputSerializer], responses={200: SaleRowSerializer(many=True)})
    @action(detail=False, methods=["get"], url_path="dashboard/rows")
    def rows(self, request: Request) -> Response:
        """The sales behind a figure of one clinic: those made on the clinic-local days
        ``from`` to ``to`` (default the last 30) that are not void, newest first,
        ``?kind=&item=`` for one treatment, product or course, ``?practitioner=`` for one
        practitioner's (a practitioner always gets only the sales crediting them).
        Paginated (``page``, ``page_size``)."""
        values = validated_body(RowsInputSerializer, request.query_params)
        clinic = self._clinic(values.get("clinic"))
        period = self._period(values, clinic)
        practitioner = self.actor.pk if self._own_only else values.get("practitioner")
        with clinic_context(clinic):
            sales: QuerySet[Sale] = sales_of_days(
                clinic=clinic,
                start=period.start,
                end=period.end,
                kind=values.get("kind"),
                item_id=values.get("item"),
                practitioner_id=practitioner,
            )
            page = self.paginate_queryset(sales)  # type: ignore[arg-type]
            data = SaleRowSerializer(page, many=True).data
        return self.get_paginated_response(data)
