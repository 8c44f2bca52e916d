"""Shapes of the calendar API."""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from catalog.models import DeviceKind
from core.fields import InstantField, LocalTimeField, MoneyField
from scheduling.models import Appointment, Resource, Room, ScheduleException, StaffSchedule
from scheduling.selectors import RANGE_MAX_DAYS, CalendarRange, Interval, Slot, Unavailable


class AppointmentSerializer(serializers.ModelSerializer[Appointment]):
    patient_id = serializers.UUIDField(read_only=True)
    patient_name = serializers.CharField(source="patient.profile.__str__", read_only=True)
    chart_number = serializers.CharField(source="patient.chart_number", read_only=True)
    practitioner_id = serializers.UUIDField(read_only=True)
    practitioner_name = serializers.CharField(source="practitioner.full_name", read_only=True)
    service_id = serializers.UUIDField(read_only=True)
    service_name = serializers.CharField(source="service.name", read_only=True)
    deposit_amount = MoneyField(
        source="service.deposit_amount",
        read_only=True,
        help_text="The deposit the treatment asks for (zero: none); its state is at /deposit",
    )
    room_id = serializers.UUIDField(read_only=True, allow_null=True)
    resource_id = serializers.UUIDField(read_only=True, allow_null=True)
    resource_name = serializers.CharField(
        source="resource.name", read_only=True, allow_null=True, default=None
    )
    cancelled_by_id = serializers.UUIDField(read_only=True, allow_null=True)

    class Meta:
        model = Appointment
        fields = [
            "id",
            "patient_id",
            "patient_name",
            "chart_number",
            "practitioner_id",
            "practitioner_name",
            "service_id",
            "service_name",
            "deposit_amount",
            "room_id",
            "resource_id",
            "resource_name",
            "starts_at",
            "ends_at",
            "blocked_until",
            "status",
            "source",
            "notes",
            "cancel_reason",
            "cancelled_at",
            "cancelled_by_id",
            "late_cancellation",
            "created_at",
        ]
        read_only_fields = fields


class AppointmentBookSerializer(serializers.Serializer[Any]):
    patient_id = serializers.UUIDField()
    practitioner_id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    starts_at = InstantField(help_text="ISO 8601 with offset, e.g. 2026-12-01T09:00:00+07:00")
    room_id = serializers.UUIDField(required=False, allow_null=True)
    resource_id = serializers.UUIDField(required=False, allow_null=True)
    notes = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class AppointmentRescheduleSerializer(serializers.Serializer[Any]):
    starts_at = InstantField()
    practitioner_id = serializers.UUIDField(required=False)
    room_id = serializers.UUIDField(required=False, allow_null=True)


class AppointmentCancelSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField(max_length=300)


class AvailabilityQuerySerializer(serializers.Serializer[Any]):
    service = serializers.UUIDField()
    practitioner = serializers.UUIDField(required=False)
    date_from = serializers.DateField(help_text="Local date of the clinic")
    date_to = serializers.DateField(help_text="Local date of the clinic, at most 31 days after date_from")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        span = (attrs["date_to"] - attrs["date_from"]).days
        if span < 0 or span > 31:
            raise serializers.ValidationError({"date_to": _("From date_from to at most 31 days later.")})
        return attrs


class SlotSerializer(serializers.Serializer[Any]):
    practitioner_id = serializers.UUIDField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()


class DayAvailabilityQuerySerializer(serializers.Serializer[Any]):
    service = serializers.UUIDField()
    practitioner = serializers.UUIDField(required=False)
    date = serializers.DateField(help_text="Local date of the clinic")


class DayReasonSerializer(serializers.Serializer[Any]):
    practitioner_id = serializers.UUIDField()
    reason = serializers.ChoiceField(
        choices=list(Unavailable.ALL),
        help_text="not_working: no hours that day; time_off; fully_booked: no gap long enough "
        "for the treatment; past: the day or its hours are over; beyond_horizon: too far ahead",
    )
    detail = serializers.CharField(help_text="The time off's reason for roles that book; else empty")


class DayAvailabilitySerializer(serializers.Serializer[Any]):
    date = serializers.DateField()
    slots = SlotSerializer(many=True)
    unavailable = DayReasonSerializer(many=True, help_text="Why each practitioner without a slot has none")
    next_free_date = serializers.DateField(
        allow_null=True, help_text="The next local day with a free time (two weeks searched), when none today"
    )


class RangeQuerySerializer(serializers.Serializer[Any]):
    date_from = serializers.DateField(help_text="First local day of the clinic")
    date_to = serializers.DateField(help_text="Last local day (inclusive), at most 41 days after date_from")
    practitioner = serializers.ListField(
        child=serializers.UUIDField(),
        required=False,
        max_length=200,
        help_text="Repeat for each practitioner shown; none: all of the clinic's practitioners",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        span = (attrs["date_to"] - attrs["date_from"]).days
        if span < 0 or span >= RANGE_MAX_DAYS:
            raise serializers.ValidationError(
                {"date_to": f"From date_from to at most {RANGE_MAX_DAYS - 1} days later."}
            )
        return attrs


class IntervalSerializer(serializers.Serializer[Any]):
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()


class TimeOffSerializer(IntervalSerializer):
    reason = serializers.CharField(help_text="Shown to roles that book; else empty")


class PractitionerHoursSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField(source="practitioner_id")
    name = serializers.CharField()
    working = IntervalSerializer(many=True)
    time_off = TimeOffSerializer(many=True)


class CalendarRangeSerializer(serializers.Serializer[Any]):
    """The schema of ``range``; the answer is built by ``calendar_range_data``."""

    appointments = AppointmentSerializer(many=True)
    practitioners = PractitionerHoursSerializer(many=True)


# The calendar's answer without per-field serializers: a busy day is a few hundred
# appointments of 23 fields each, and DRF's fields (each DateTimeField looking the time
# zone up again) cost most of the request. The output is the same JSON as
# CalendarRangeSerializer's, field for field (scheduling/tests/test_calendar_range.py
# compares them).

_MONEY = MoneyField(read_only=True)


def _instant(value: dt.datetime | None, zone: dt.tzinfo) -> str | None:
    """As DRF's DateTimeField: in the current time zone, ISO 8601, ``Z`` for UTC."""
    if value is None:
        return None
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def appointment_row_data(row: dict[str, Any], zone: dt.tzinfo) -> dict[str, Any]:
    """One row of ``scheduling.selectors.appointment_rows`` as ``AppointmentSerializer``
    renders the appointment (same keys in the same order, same values); ``zone``: the
    current time zone."""
    deposit: decimal.Decimal | None = row["deposit_amount"]
    return {
        "id": str(row["id"]),
        "patient_id": str(row["patient_id"]),
        "patient_name": f"{row['patient_given_name']} {row['patient_family_name']}".strip(),
        "chart_number": _text(row["chart_number"]),
        "practitioner_id": str(row["practitioner_id"]),
        "practitioner_name": f"{row['practitioner_given_name']} {row['practitioner_family_name']}".strip(),
        "service_id": str(row["service_id"]),
        "service_name": _text(row["service_name"]),
        "deposit_amount": None if deposit is None else _MONEY.to_representation(deposit),
        "room_id": _text(row["room_id"]),
        "resource_id": _text(row["resource_id"]),
        "resource_name": _text(row["resource_name"]),
        "starts_at": _instant(row["starts_at"], zone),
        "ends_at": _instant(row["ends_at"], zone),
        "blocked_until": _instant(row["blocked_until"], zone),
        "status": _text(row["status"]),
        "source": _text(row["source"]),
        "notes": _text(row["notes"]),
        "cancel_reason": _text(row["cancel_reason"]),
        "cancelled_at": _instant(row["cancelled_at"], zone),
        "cancelled_by_id": _text(row["cancelled_by_id"]),
        "late_cancellation": bool(row["late_cancellation"]),
        "created_at": _instant(row["created_at"], zone),
    }


def _interval_data(interval: Interval, zone: dt.tzinfo, *, reason: bool) -> dict[str, Any]:
    data = {"starts_at": _instant(interval.starts_at, zone), "ends_at": _instant(interval.ends_at, zone)}
    if reason:
        data["reason"] = interval.reason
    return data


def slot_data(slots: list[Slot]) -> list[dict[str, Any]]:
    """``slots`` as ``SlotSerializer(slots, many=True)`` renders them (a week of
    availability is hundreds of slots)."""
    zone = timezone.get_current_timezone()
    return [
        {
            "practitioner_id": str(slot.practitioner_id),
            "starts_at": _instant(slot.starts_at, zone),
            "ends_at": _instant(slot.ends_at, zone),
        }
        for slot in slots
    ]


def calendar_range_data(result: CalendarRange) -> dict[str, Any]:
    """``result`` as ``CalendarRangeSerializer`` would render it."""
    zone = timezone.get_current_timezone()
    return {
        "appointments": [appointment_row_data(row, zone) for row in result.appointments],
        "practitioners": [
            {
                "id": str(hours.practitioner_id),
                "name": hours.name,
                "working": [_interval_data(i, zone, reason=False) for i in hours.working],
                "time_off": [_interval_data(i, zone, reason=True) for i in hours.time_off],
            }
            for hours in result.practitioners
        ],
    }


class RoomSerializer(serializers.ModelSerializer[Room]):
    class Meta:
        model = Room
        fields = ["id", "name", "is_active"]
        read_only_fields = ["id", "is_active"]
        validators: list[Any] = []


class RoomUpdateSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=100, required=False)
    is_active = serializers.BooleanField(required=False, help_text="false takes the room out of use")


class ResourceSerializer(serializers.ModelSerializer[Resource]):
    class Meta:
        model = Resource
        fields = ["id", "name", "kind", "is_active"]
        read_only_fields = fields


class ResourceInputSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=100)
    kind = serializers.ChoiceField(choices=DeviceKind.choices)


class ResourceUpdateSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=100, required=False)
    kind = serializers.ChoiceField(choices=DeviceKind.choices, required=False)
    is_active = serializers.BooleanField(required=False, help_text="false takes the device out of use")


class StaffScheduleSerializer(serializers.ModelSerializer[StaffSchedule]):
    practitioner_id = serializers.UUIDField()
    start_time = LocalTimeField()
    end_time = LocalTimeField()

    class Meta:
        model = StaffSchedule
        fields = ["id", "practitioner_id", "weekday", "start_time", "end_time"]
        read_only_fields = ["id"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["end_time"] <= attrs["start_time"]:
            raise serializers.ValidationError({"end_time": _("Must be after start_time.")})
        if attrs["weekday"] > 6:
            raise serializers.ValidationError({"weekday": "0 = Monday … 6 = Sunday."})
        return attrs


class ScheduleWindowSerializer(serializers.Serializer[Any]):
    weekday = serializers.IntegerField(min_value=0, max_value=6, help_text="0 = Monday … 6 = Sunday")
    start_time = LocalTimeField()
    end_time = LocalTimeField()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["end_time"] <= attrs["start_time"]:
            raise serializers.ValidationError({"end_time": _("Must be after start_time.")})
        return attrs


class StaffScheduleWeekSerializer(serializers.Serializer[Any]):
    """A practitioner's whole week of working hours (local time), replacing what is saved."""

    #: A window per quarter hour of the week at most.
    MAX_WINDOWS = 7 * 24 * 4

    practitioner_id = serializers.UUIDField()
    windows = ScheduleWindowSerializer(many=True, help_text="Empty: not working")

    def validate_windows(self, windows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if len(windows) > self.MAX_WINDOWS:
            raise serializers.ValidationError(_("At most %(count)d windows.") % {"count": self.MAX_WINDOWS})
        return windows


class ScheduleExceptionSerializer(serializers.ModelSerializer[ScheduleException]):
    practitioner_id = serializers.UUIDField()
    start_time = LocalTimeField(required=False, allow_null=True)
    end_time = LocalTimeField(required=False, allow_null=True)

    class Meta:
        model = ScheduleException
        fields = ["id", "practitioner_id", "date", "kind", "start_time", "end_time", "reason"]
        read_only_fields = ["id"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start, end = attrs.get("start_time"), attrs.get("end_time")
        if (start is None) != (end is None):
            raise serializers.ValidationError(
                {"end_time": _("Give both times, or neither for the whole day.")}
            )
        if start is not None and end is not None and end <= start:
            raise serializers.ValidationError({"end_time": _("Must be after start_time.")})
        if attrs["kind"] == ScheduleException.Kind.EXTRA and start is None:
            raise serializers.ValidationError({"start_time": _("Extra hours need times.")})
        return attrs


class FeedLinkSerializer(serializers.Serializer[Any]):
    url = serializers.CharField(help_text="Subscribe to it in a calendar app; keep it private")
