"""The dashboard API: ``GET /api/v1/reports/dashboard`` (figures of a period and the
previous one, from the daily figures) and ``GET /api/v1/reports/dashboard/rows`` (the
sales behind a figure, paginated). Thin: parse, check which clinics the caller may read,
call ``reporting.selectors`` / ``commerce.selectors``, render."""

from __future__ import annotations

import uuid
from decimal import Decimal
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
from commerce.models import CourseBalance, Sale, StockLot, StockMovement
from commerce.selectors import (
    course_breakage_of_days,
    course_liability_balances,
    sales_of_days,
    stock_lots_valued,
    stock_used_of_days,
)
from core.api import ClinicScopedViewSet, validated_body
from core.exceptions import NotFound, PermissionDeniedError
from core.fields import MoneyField, PeriodDayField
from core.pagination import PageNumberPagination
from core.permissions import role_has_permission
from core.tenancy import clinic_context
from reporting import selectors
from reporting.models import DailyClinicFigures

# The range the dashboard shows when none is asked for: the last 30 days, today included.


class RangeInputSerializer(serializers.Serializer[Any]):
    """``from``/``to``: clinic-local days, both included (default: the last 30 days to
    today), each a ``PeriodDayField`` (400 naming it otherwise: the previous period and
    the default range must stay real dates). 400 naming ``to`` when
    it is before ``from``, ``from`` when the range is longer than ``RANGE_MAX_DAYS``."""

    from_ = PeriodDayField(required=False, help_text="First day (clinic-local), YYYY-MM-DD")
    to = PeriodDayField(required=False, help_text="Last day (clinic-local), YYYY-MM-DD")
    clinic = serializers.UUIDField(
        required=False, help_text="A clinic of your organization (default: X-Clinic-Id)"
    )

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")
        return fields

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
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


class LotRowsInputSerializer(serializers.Serializer[Any]):
    clinic = serializers.UUIDField(
        required=False, help_text="A clinic of your organization (default: X-Clinic-Id)"
    )
    near_expiry = serializers.BooleanField(
        default=False, help_text="Only lots expiring within 90 days (expired ones on hand included)"
    )


class CourseRowsInputSerializer(RangeInputSerializer):
    state = serializers.ChoiceField(
        choices=[("liability", "liability"), ("breakage", "breakage")],
        help_text="liability: balances holding deferred revenue now; breakage: expired in the period",
    )


class UsageRowsInputSerializer(RangeInputSerializer):
    product = serializers.UUIDField(required=False, help_text="Only this product")


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
    breakage = MoneyField(
        max_digits=18, allow_null=True, help_text="Unused value of courses that expired in the period"
    )
    course_liability = MoneyField(
        max_digits=18,
        allow_null=True,
        help_text="Deferred revenue of unredeemed course sessions at the period's end",
    )


class StockSerializer(serializers.Serializer[Any]):
    value = MoneyField(max_digits=18, help_text="Now: quantity on hand x unit cost of every lot")
    near_expiry_value = MoneyField(
        max_digits=18, help_text="Now: the part in lots expiring within 90 days (expired included)"
    )


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
    used_by_value = ItemSerializer(many=True, help_text="Products consumed in treatments; net_amount: cost")
    used_by_quantity = ItemSerializer(many=True)
    stock = StockSerializer(allow_null=True)


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


def _rate(help_text: str) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=8, decimal_places=4, allow_null=True, help_text=help_text)


class ClinicActivitySerializer(ActivitySerializer):
    new_patients = serializers.IntegerField(help_text="Unique patients whose first visit is in the period")
    returning_patients = serializers.IntegerField(help_text="Unique patients seen who had been before")
    patients_seen = serializers.IntegerField(allow_null=True, help_text="Unique patients (per clinic)")
    rebooking_patients = serializers.IntegerField(
        allow_null=True, help_text="Unique patients with a completed visit in the period"
    )
    rebooked_patients = serializers.IntegerField(
        allow_null=True, help_text="Of them, those with another appointment within 90 days"
    )
    rebooking_rate = _rate("rebooked_patients / rebooking_patients")
    room_booked_minutes = serializers.IntegerField(allow_null=True)
    room_available_minutes = serializers.IntegerField(allow_null=True, help_text="Open time x rooms")
    room_utilization = _rate("room_booked_minutes / room_available_minutes")


class RoomUtilizationSerializer(serializers.Serializer[Any]):
    room_id = serializers.UUIDField()
    name = serializers.CharField()
    clinic_name = serializers.CharField()
    booked_minutes = serializers.IntegerField()
    available_minutes = serializers.IntegerField(help_text="While at least one practitioner works")
    utilization = _rate("booked_minutes / available_minutes")


class ActivityPeriodsSerializer(serializers.Serializer[Any]):
    current = ClinicActivitySerializer()
    previous = ClinicActivitySerializer()


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
    rooms = RoomUtilizationSerializer(many=True)


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
        return _patient_name(sale.patient)


def _patient_name(patient: Any) -> str:
    profile = patient.profile if patient else None
    return f"{profile.given_name} {profile.family_name}".strip() if profile else ""


class LotRowSerializer(serializers.ModelSerializer[StockLot]):
    product_name = serializers.CharField(source="product.name")
    value = MoneyField(max_digits=18, help_text="quantity_on_hand x unit_cost (clinic currency)")
    unit_cost = MoneyField()

    class Meta:
        model = StockLot
        fields = ["id", "product_name", "lot_number", "expiry_date", "quantity_on_hand", "unit_cost", "value"]


class CourseRowSerializer(serializers.ModelSerializer[CourseBalance]):
    patient_name = serializers.SerializerMethodField()
    course_name = serializers.CharField(source="course.name")
    status = serializers.CharField(help_text="active, used_up, expired, void or refunded")
    deferred_remaining = MoneyField(help_text="Deferred revenue still held (liability)")
    breakage = MoneyField(
        max_digits=18, default=None, allow_null=True, help_text="Value recognized at expiry (breakage)"
    )
    expired_on = serializers.DateTimeField(default=None, allow_null=True)

    class Meta:
        model = CourseBalance
        fields = [
            "id",
            "patient_name",
            "course_name",
            "sessions_total",
            "sessions_remaining",
            "expires_at",
            "status",
            "currency",
            "deferred_remaining",
            "breakage",
            "expired_on",
        ]

    def get_patient_name(self, balance: CourseBalance) -> str:
        return _patient_name(balance.patient)


class UsageRowSerializer(serializers.ModelSerializer[StockMovement]):
    used_at = serializers.DateTimeField(source="created_at")
    product_name = serializers.CharField(source="lot.product.name")
    lot_number = serializers.CharField(source="lot.lot_number")
    quantity = serializers.SerializerMethodField(help_text="Consumed, in the product's unit")
    value = serializers.SerializerMethodField(
        method_name="value_of", help_text="quantity x the lot's unit cost (clinic currency)"
    )
    patient_name = serializers.SerializerMethodField()

    class Meta:
        model = StockMovement
        fields = ["id", "used_at", "product_name", "lot_number", "quantity", "value", "patient_name"]

    def get_quantity(self, movement: StockMovement) -> str:
        return str(-movement.quantity)

    def value_of(self, movement: StockMovement) -> str:
        return str((-movement.quantity * movement.lot.unit_cost).quantize(Decimal("0.01")))

    def get_patient_name(self, movement: StockMovement) -> str:
        return _patient_name(movement.patient)


class ReportViewSet(ClinicScopedViewSet[DailyClinicFigures]):
    """Reports of the clinic's (or organization's) daily figures. Owners, admins and
    the accountant read the clinic's figures; a practitioner only their own. A
    ``clinic`` the caller may not read answers 404."""

    model = DailyClinicFigures
    required_permissions = {
        "dashboard": "report.view_own",
        "rows": "report.view_own",
        "lot_rows": "report.view",
        "course_rows": "report.view",
        "usage_rows": "report.view",
    }
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

    def _page(self, rows: QuerySet[Any], serializer: type[serializers.ModelSerializer[Any]]) -> Response:
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(serializer(page, many=True).data)

    @extend_schema(parameters=[LotRowsInputSerializer], responses={200: LotRowSerializer(many=True)})
    @action(detail=False, methods=["get"], url_path="dashboard/rows/lots")
    def lot_rows(self, request: Request) -> Response:
        """The lots behind the stock value (every lot with stock now) or, with
        ``?near_expiry=true``, the near-expiry value; soonest expiry first, each with its
        value (on hand x unit cost, clinic currency). Owners, admins, the accountant
        (403 for others). Paginated."""
        values = validated_body(LotRowsInputSerializer, request.query_params)
        clinic = self._clinic(values.get("clinic"))
        with clinic_context(clinic):
            lots = stock_lots_valued(
                today=clinic.today(),
                near_expiry_days=selectors.NEAR_EXPIRY_DAYS if values["near_expiry"] else None,
            )
            return self._page(lots, LotRowSerializer)

    @extend_schema(parameters=[CourseRowsInputSerializer], responses={200: CourseRowSerializer(many=True)})
    @action(detail=False, methods=["get"], url_path="dashboard/rows/courses")
    def course_rows(self, request: Request) -> Response:
        """``?state=liability``: the course balances holding deferred revenue now (the
        liability's rows; largest first); ``?state=breakage``: those that expired on the
        clinic-local days ``from``..``to`` with the value recognized as breakage (newest
        first). Owners, admins, the accountant. Paginated."""
        values = validated_body(CourseRowsInputSerializer, request.query_params)
        clinic = self._clinic(values.get("clinic"))
        period = self._period(values, clinic)
        with clinic_context(clinic):
            if values["state"] == "liability":
                balances = course_liability_balances()
            else:
                balances = course_breakage_of_days(clinic=clinic, start=period.start, end=period.end)
            return self._page(balances, CourseRowSerializer)

    @extend_schema(parameters=[UsageRowsInputSerializer], responses={200: UsageRowSerializer(many=True)})
    @action(detail=False, methods=["get"], url_path="dashboard/rows/usage")
    def usage_rows(self, request: Request) -> Response:
        """The consumptions in treatments behind "top products used" on the clinic-local
        days ``from``..``to``, ``?product=`` for one product; newest first. Owners,
        admins, the accountant. Paginated."""
        values = validated_body(UsageRowsInputSerializer, request.query_params)
        clinic = self._clinic(values.get("clinic"))
        period = self._period(values, clinic)
        with clinic_context(clinic):
            used = stock_used_of_days(
                clinic=clinic, start=period.start, end=period.end, product_id=values.get("product")
            )
            return self._page(used, UsageRowSerializer)
