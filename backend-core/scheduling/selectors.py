"""Reads of scheduling: calendars, conflicts and free slots.

Free slots are computed in the clinic's time zone from the practitioner's weekly hours
and dated exceptions, minus their appointments at EVERY clinic (a practitioner works at
several), and the service's duration plus buffer. Wall-clock times that do not exist
(spring-forward gaps) are never offered; ambiguous ones (fall-back) are taken at their
first occurrence.
"""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from accounts.models import Clinic
from accounts.selectors import practitioners_of
from catalog.models import Service
from scheduling.models import ACTIVE_STATUSES, Appointment, ScheduleException, StaffSchedule

SLOT_STEP_MINUTES = 15
# No appointment blocks longer than this (services last at most 720 minutes plus a
# 240-minute buffer: catalog.Service validators). Overlap queries use it as a lower
# bound on starts_at so the (practitioner, starts_at) index reads only the window, not
# the practitioner's whole history (bench/calendar_queries.py: 13x fewer rows at 1M).
MAX_BLOCK = dt.timedelta(hours=16)


@dataclass(frozen=True)
class Slot:
    practitioner_id: uuid.UUID
    starts_at: dt.datetime  # UTC
    ends_at: dt.datetime  # UTC, end of the service (the buffer follows)


def appointment_list(
    *,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    practitioner_id: uuid.UUID | None = None,
    room_id: uuid.UUID | None = None,
    status: str = "",
) -> QuerySet[Appointment]:
    """The clinic's appointments starting in ``[start, end)``, in start order."""
    appointments = Appointment.objects.select_related(
        "patient__profile", "practitioner", "service", "room", "resource"
    ).order_by("starts_at", "pk")
    if start is not None:
        appointments = appointments.filter(starts_at__gte=start)
    if end is not None:
        appointments = appointments.filter(starts_at__lt=end)
    if practitioner_id is not None:
        appointments = appointments.filter(practitioner_id=practitioner_id)
    if room_id is not None:
        appointments = appointments.filter(room_id=room_id)
    if status:
        appointments = appointments.filter(status=status)
    return appointments


def busy_conflicts(
    *,
    starts_at: dt.datetime,
    blocked_until: dt.datetime,
    practitioner_id: uuid.UUID,
    patient_id: uuid.UUID,
    room_id: uuid.UUID | None,
    resource_id: uuid.UUID | None,
    exclude_id: uuid.UUID | None = None,
) -> list[str]:
    """Which of practitioner / patient / room / resource already have an active
    appointment overlapping ``[starts_at, blocked_until)``. The practitioner is checked
    across every clinic: this read crosses clinics on purpose (``unscoped``)."""
    overlapping = Appointment.unscoped.filter(
        status__in=ACTIVE_STATUSES,
        starts_at__lt=blocked_until,
        starts_at__gt=starts_at - MAX_BLOCK,
        blocked_until__gt=starts_at,
    )
    if exclude_id is not None:
        overlapping = overlapping.exclude(pk=exclude_id)
    checks = {"practitioner": Q(practitioner_id=practitioner_id), "patient": Q(patient_id=patient_id)}
    if room_id is not None:
        checks["room"] = Q(room_id=room_id)
    if resource_id is not None:
        checks["resource"] = Q(resource_id=resource_id)
    return [name for name, condition in checks.items() if overlapping.filter(condition).exists()]


def _local(day: dt.date, time: dt.time, zone: zoneinfo.ZoneInfo) -> dt.datetime | None:
    """``day`` at wall-clock ``time`` in ``zone`` as UTC, or ``None`` inside a DST gap."""
    local = dt.datetime.combine(day, time, tzinfo=zone)
    utc = local.astimezone(dt.UTC)
    if utc.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        return None
    return utc


@dataclass(frozen=True)
class Hours:
    """Practitioners' weekly hours and dated exceptions at one clinic, loaded once."""

    zone: zoneinfo.ZoneInfo
    weekly: dict[tuple[uuid.UUID, int], list[tuple[dt.time, dt.time]]]
    exceptions: dict[tuple[uuid.UUID, dt.date], list[ScheduleException]]

    def intervals(self, practitioner_id: uuid.UUID, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        """Working intervals on local ``day`` in UTC: weekly hours, none on a whole-day
        time off, plus extra hours, minus partial time off."""
        exceptions = self.exceptions.get((practitioner_id, day), [])
        if any(e.kind == ScheduleException.Kind.TIME_OFF and e.start_time is None for e in exceptions):
            return []
        spans = list(self.weekly.get((practitioner_id, day.weekday()), []))
        spans += [
            (e.start_time, e.end_time)
            for e in exceptions
            if e.kind == ScheduleException.Kind.EXTRA and e.start_time and e.end_time
        ]
        off = [
            (e.start_time, e.end_time)
            for e in exceptions
            if e.kind == ScheduleException.Kind.TIME_OFF and e.start_time and e.end_time
        ]
        intervals = []
        for start, end in _subtract(sorted(spans), off):
            utc_start, utc_end = _local(day, start, self.zone), _local(day, end, self.zone)
            if utc_start is not None and utc_end is not None and utc_end > utc_start:
                intervals.append((utc_start, utc_end))
        return intervals


def hours_load(
    *, clinic: Clinic, practitioner_ids: list[uuid.UUID], date_from: dt.date, date_to: dt.date
) -> Hours:
    """Two queries for the hours of ``practitioner_ids`` over the given local days."""
    weekly: dict[tuple[uuid.UUID, int], list[tuple[dt.time, dt.time]]] = {}
    for row in StaffSchedule.objects.filter(practitioner_id__in=practitioner_ids).order_by("start_time"):
        weekly.setdefault((row.practitioner_id, row.weekday), []).append((row.start_time, row.end_time))
    exceptions: dict[tuple[uuid.UUID, dt.date], list[ScheduleException]] = {}
    for exc in ScheduleException.objects.filter(
        practitioner_id__in=practitioner_ids, date__gte=date_from, date__lte=date_to
    ):
        exceptions.setdefault((exc.practitioner_id, exc.date), []).append(exc)
    return Hours(clinic.zone, weekly, exceptions)


def _subtract(
    spans: Iterable[tuple[dt.time, dt.time]], holes: list[tuple[dt.time, dt.time]]
) -> list[tuple[dt.time, dt.time]]:
    result = list(spans)
    for hole_start, hole_end in holes:
        next_result = []
        for start, end in result:
            if hole_end <= start or hole_start >= end:
                next_result.append((start, end))
                continue
            if start < hole_start:
                next_result.append((start, hole_start))
            if hole_end < end:
                next_result.append((hole_end, end))
        result = next_result
    return result


def within_working_hours(
    *, clinic: Clinic, practitioner_id: uuid.UUID, starts_at: dt.datetime, blocked_until: dt.datetime
) -> bool:
    """True when ``[starts_at, blocked_until)`` lies inside one working interval."""
    day = starts_at.astimezone(clinic.zone).date()
    hours = hours_load(clinic=clinic, practitioner_ids=[practitioner_id], date_from=day, date_to=day)
    return any(
        start <= starts_at and blocked_until <= end for start, end in hours.intervals(practitioner_id, day)
    )


def practitioner_free_slots(
    *,
    clinic: Clinic,
    service: Service,
    date_from: dt.date,
    date_to: dt.date,
    practitioner_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> list[Slot]:
    """Free start times for ``service`` on local days ``date_from``…``date_to``
    (inclusive, at most 31 days), every 15 minutes, for one practitioner or every
    practitioner of the clinic. A slot needs the service's duration plus buffer inside
    working hours and free of the practitioner's appointments at any clinic; slots in
    the past (before ``now``) are left out. Sorted by start, then practitioner."""
    now = now or dt.datetime.now(tz=dt.UTC)
    memberships = practitioners_of(clinic)
    if practitioner_id is not None:
        memberships = memberships.filter(user_id=practitioner_id)
    practitioner_ids = [m.user_id for m in memberships]
    length = dt.timedelta(minutes=service.duration_minutes)
    blocked = length + dt.timedelta(minutes=service.buffer_minutes)
    step = dt.timedelta(minutes=SLOT_STEP_MINUTES)
    zone = clinic.zone
    window_start = _local(date_from, dt.time(0), zone) or dt.datetime.combine(
        date_from, dt.time(1), tzinfo=zone
    )
    window_end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(0), tzinfo=zone).astimezone(
        dt.UTC
    )
    busy: dict[uuid.UUID, list[tuple[dt.datetime, dt.datetime]]] = {pid: [] for pid in practitioner_ids}
    for pid, start, end in Appointment.unscoped.filter(
        practitioner_id__in=practitioner_ids,
        status__in=ACTIVE_STATUSES,
        starts_at__lt=window_end,
        starts_at__gt=window_start - MAX_BLOCK,
        blocked_until__gt=window_start,
    ).values_list("practitioner_id", "starts_at", "blocked_until"):
        busy[pid].append((start, end))
    hours = hours_load(clinic=clinic, practitioner_ids=practitioner_ids, date_from=date_from, date_to=date_to)
    slots = []
    day = date_from
    while day <= date_to:
        for pid in practitioner_ids:
            for start, end in hours.intervals(pid, day):
                candidate = start
                while candidate + blocked <= end:
                    clash = any(
                        b_start < candidate + blocked and candidate < b_end for b_start, b_end in busy[pid]
                    )
                    if candidate >= now and not clash:
                        slots.append(Slot(pid, candidate, candidate + length))
                    candidate += step
        day += dt.timedelta(days=1)
    return sorted(slots, key=lambda s: (s.starts_at, str(s.practitioner_id)))
