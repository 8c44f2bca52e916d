"""Scheduling: rooms, resources, practitioners' working hours and appointments.

Times of appointments are instants (UTC); working hours are wall-clock times in the
clinic's time zone, so a schedule stays "09:00-18:00" across daylight-saving changes.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from catalog.models import DeviceKind
from core.models import ClinicScopedModel


class Room(ClinicScopedModel):
    """A treatment room; one appointment at a time."""

    name = models.CharField(max_length=100)
    is_active = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["clinic", "name"], name="room_unique_name")]

    def __str__(self) -> str:
        return self.name


class Resource(ClinicScopedModel):
    """A bookable device (e.g. a CO2 laser, an HIFU machine); one appointment at a time.
    ``kind`` is what a treatment requires (``catalog.Service.device_kind``); a device that
    was ever booked is deactivated, not deleted, so past appointments keep it."""

    name = models.CharField(max_length=100)
    kind = models.CharField(max_length=20, choices=DeviceKind.choices, default=DeviceKind.OTHER)
    is_active = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["clinic", "name"], name="resource_unique_name")]

    def __str__(self) -> str:
        return self.name


class StaffSchedule(ClinicScopedModel):
    """One working interval of a practitioner on a weekday at this clinic (local time).
    Breaks are the gaps between a day's intervals (09:00-12:00 and 13:00-18:00)."""

    practitioner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    weekday = models.PositiveSmallIntegerField(help_text=_("0 = Monday … 6 = Sunday"))
    start_time = models.TimeField()
    end_time = models.TimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")), name="schedule_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="schedule_weekday_range"),
        ]
        indexes = [models.Index(fields=["clinic", "practitioner", "weekday"], name="schedule_lookup")]


class ScheduleException(ClinicScopedModel):
    """A dated change to a practitioner's hours: time off (a whole day when no times are
    given) or an extra working interval."""

    class Kind(models.TextChoices):
        TIME_OFF = "time_off", _("Time off")
        EXTRA = "extra", _("Extra hours")

    practitioner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    reason = models.CharField(max_length=200, blank=True)

    class Meta:
        indexes = [models.Index(fields=["clinic", "practitioner", "date"], name="schedule_exception_lookup")]


ACTIVE_STATUSES = ("booked", "confirmed", "arrived", "in_progress", "completed")


class Appointment(ClinicScopedModel):
    """A booking of a patient with a practitioner for a service.

    ``blocked_until`` is ``ends_at`` plus the service's buffer: the practitioner, room and
    resource are busy over ``[starts_at, blocked_until)``. On PostgreSQL exclusion
    constraints (migration 0002) forbid two active appointments overlapping for the same
    practitioner — at ANY clinic — and for the same room, resource or patient.
    """

    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        CONFIRMED = "confirmed", _("Confirmed")
        ARRIVED = "arrived", _("Arrived")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")
        NO_SHOW = "no_show", _("No-show")

    class Source(models.TextChoices):
        STAFF = "staff", _("Front desk")
        PORTAL = "portal", _("Patient portal")

    patient = models.ForeignKey(
        "patients.ClinicPatient", on_delete=models.PROTECT, related_name="appointments"
    )
    practitioner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    service = models.ForeignKey("catalog.Service", on_delete=models.PROTECT, related_name="+")
    room = models.ForeignKey(Room, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    resource = models.ForeignKey(Resource, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    blocked_until = models.DateTimeField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.BOOKED)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.STAFF)
    notes = models.TextField(blank=True)
    cancel_reason = models.CharField(max_length=300, blank=True)
    # Who cancelled and when, and whether it was within the clinic's
    # ``late_cancellation_hours`` of the start (for no-show and cancellation reports).
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    late_cancellation = models.BooleanField(default=False)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="appointment_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(blocked_until__gte=F("ends_at")), name="appointment_buffer_not_negative"
            ),
        ]
        indexes = [
            models.Index(fields=["clinic", "starts_at"], name="appointment_day"),
            models.Index(fields=["practitioner", "starts_at"], name="appointment_practitioner"),
        ]
