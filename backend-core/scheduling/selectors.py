"""Reads of scheduling: calendars, conflicts and free slots.

Free slots are computed in the clinic's time zone from the practitioner's weekly hours
and dated exceptions, minus their appointments at EVERY clinic (a practitioner works at
several), and the service's duration plus buffer. Wall-clock times that do not exist
(spring-forward gaps) are never offered; ambiguous ones (fall-back) are taken at their
first occurrence.
"""

from __future__ import annotations

import bisect
import datetime as dt
import uuid
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Max, Min, Q, QuerySet
from django.utils.translation import gettext as _

from accounts.models import Clinic
from accounts.selectors import practitioners_of
from catalog.models import Service
from core.exceptions import ValidationFailed
from scheduling.models import ACTIVE_STATUSES, Appointment, Resource, Room, ScheduleException, StaffSchedule

SLOT_STEP_MINUTES = 15
# No appointment blocks longer than this (services last at most 720 minutes plus a
# 240-minute buffer: catalog.Service validators). Overlap queries use it as a lower
# bound on starts_at so the (practitioner, starts_at) index reads only the window, not
# the practitioner's whole history (bench/calendar_queries.py: 13x fewer rows at 1M).
MAX_BLOCK = dt.timedelta(hours=16)
# Free times are offered up to this many days after the clinic's today; later days answer
# "beyond the booking horizon" (a year: reminders, rosters and prices are not planned
# further).
BOOKING_HORIZON_DAYS = 366
# How far the booking dialog looks for the next day with a free time (one query more).
NEXT_FREE_SEARCH_DAYS = 14
# Longest span of the calendar's range read (a month view plus its edges).
RANGE_MAX_DAYS = 42


@dataclass(frozen=True)
class Slot:
    practitioner_id: uuid.UUID
    starts_at: dt.datetime  # UTC
    ends_at: dt.datetime  # UTC, end of the service (the buffer follows)


class Busy:
    """The busy spans ``[start, end)`` of one practitioner or device, merged into
    disjoint spans in start order, so whether a span overlaps them is one binary search
    (``overlaps``) rather than a scan of every appointment: a week of a busy
    practitioner is hundreds of appointments against hundreds of candidate starts."""

    def __init__(self, spans: Iterable[tuple[dt.datetime, dt.datetime]]) -> None:
        starts: list[dt.datetime] = []
        ends: list[dt.datetime] = []
        for start, end in sorted(spans):
            if ends and start <= ends[-1]:  # overlaps or touches the previous one
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        self._starts, self._ends = starts, ends

    def overlaps(self, start: dt.datetime, end: dt.datetime) -> bool:
        """True when ``[start, end)`` (``end`` after ``start``) overlaps a busy span."""
        first = bisect.bisect_right(self._ends, start)  # the first span ending after start
        return first < len(self._starts) and self._starts[first] < end


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


def resources_busy(
    *,
    resource_ids: list[uuid.UUID],
    starts_at: dt.datetime,
    blocked_until: dt.datetime,
    exclude_id: uuid.UUID | None = None,
) -> set[uuid.UUID]:
    """The ids among ``resource_ids`` with an active appointment overlapping
    ``[starts_at, blocked_until)`` (one query)."""
    if not resource_ids:
        return set()
    overlapping = Appointment.unscoped.filter(
        resource_id__in=resource_ids,
        status__in=ACTIVE_STATUSES,
        starts_at__lt=blocked_until,
        starts_at__gt=starts_at - MAX_BLOCK,
        blocked_until__gt=starts_at,
    )
    if exclude_id is not None:
        overlapping = overlapping.exclude(pk=exclude_id)
    return set(overlapping.values_list("resource_id", flat=True))


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
    """Two queries for the hours of ``practitioner_ids`` over the given local days (the
    weekly hours of only the weekdays those days fall on)."""
    weekly: dict[tuple[uuid.UUID, int], list[tuple[dt.time, dt.time]]] = {}
    weekdays = {
        (date_from + dt.timedelta(days=n)).weekday() for n in range(min((date_to - date_from).days + 1, 7))
    }
    for pid, weekday, start, end in (
        StaffSchedule.objects.filter(practitioner_id__in=practitioner_ids, weekday__in=weekdays)
        .order_by("start_time")
        .values_list("practitioner_id", "weekday", "start_time", "end_time")
    ):
        weekly.setdefault((pid, weekday), []).append((start, end))
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
    the past (before ``now``) and days after ``booking_horizon`` are left out. Sorted by
    start, then practitioner."""
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
    spans: dict[uuid.UUID, list[tuple[dt.datetime, dt.datetime]]] = {pid: [] for pid in practitioner_ids}
    for pid, start, end in Appointment.unscoped.filter(
        practitioner_id__in=practitioner_ids,
        status__in=ACTIVE_STATUSES,
        starts_at__lt=window_end,
        starts_at__gt=window_start - MAX_BLOCK,
        blocked_until__gt=window_start,
    ).values_list("practitioner_id", "starts_at", "blocked_until"):
        spans[pid].append((start, end))
    busy = {pid: Busy(practitioner_spans) for pid, practitioner_spans in spans.items()}
    hours = hours_load(clinic=clinic, practitioner_ids=practitioner_ids, date_from=date_from, date_to=date_to)
    slots = []
    day = date_from
    last_day = min(date_to, booking_horizon(clinic=clinic, now=now))
    while day <= last_day:
        for pid in practitioner_ids:
            for start, end in hours.intervals(pid, day):
                candidate = start
                while candidate + blocked <= end:
                    if candidate >= now and not busy[pid].overlaps(candidate, candidate + blocked):
                        slots.append(Slot(pid, candidate, candidate + length))
                    candidate += step
        day += dt.timedelta(days=1)
    return slots_with_free_device(
        clinic=clinic,
        service=service,
        slots=sorted(slots, key=lambda s: (s.starts_at, str(s.practitioner_id))),
    )


def slots_with_free_device(*, clinic: Clinic, service: Service, slots: list[Slot]) -> list[Slot]:
    """``slots`` (in start order) kept only where an active device of the service's
    ``device_kind`` is free over the slot plus the service's buffer; all of them when the
    service needs no device. Two queries whatever the number of slots: the devices and
    their appointments over the slots' span. A clinic without such a device gets no
    slot, as booking would refuse every one (409 ``resource``)."""
    if not service.device_kind or not slots:
        return slots
    device_ids = list(
        Resource.objects.filter(clinic=clinic, kind=service.device_kind, is_active=True).values_list(
            "pk", flat=True
        )
    )
    buffer = dt.timedelta(minutes=service.buffer_minutes)
    span_start, span_end = slots[0].starts_at, max(s.ends_at for s in slots) + buffer
    spans: dict[uuid.UUID, list[tuple[dt.datetime, dt.datetime]]] = {pk: [] for pk in device_ids}
    for pk, start, end in Appointment.unscoped.filter(
        resource_id__in=device_ids,
        status__in=ACTIVE_STATUSES,
        starts_at__lt=span_end,
        starts_at__gt=span_start - MAX_BLOCK,
        blocked_until__gt=span_start,
    ).values_list("resource_id", "starts_at", "blocked_until"):
        spans[pk].append((start, end))
    devices = [Busy(device_spans) for device_spans in spans.values()]
    return [
        slot
        for slot in slots
        if any(not device.overlaps(slot.starts_at, slot.ends_at + buffer) for device in devices)
    ]


def booking_horizon(*, clinic: Clinic, now: dt.datetime) -> dt.date:
    """The last local day free times are offered for: ``BOOKING_HORIZON_DAYS`` after the
    clinic's today at ``now``."""
    return clinic.date_at(now) + dt.timedelta(days=BOOKING_HORIZON_DAYS)


class Unavailable:
    """Why a practitioner has no free time on a day (``DayReason.reason``)."""

    NOT_WORKING = "not_working"  # no weekly hours that weekday, no extra hours
    TIME_OFF = "time_off"  # a time off covers the day's hours
    FULLY_BOOKED = "fully_booked"  # hours left, but no gap long enough for the service
    PAST = "past"  # the day, or what is left of its hours, is over
    BEYOND_HORIZON = "beyond_horizon"  # later than booking_horizon()

    ALL = (NOT_WORKING, TIME_OFF, FULLY_BOOKED, PAST, BEYOND_HORIZON)


@dataclass(frozen=True)
class DayReason:
    practitioner_id: uuid.UUID
    reason: str  # one of Unavailable.ALL
    detail: str  # the time off's reason when the caller may read it, else ""


@dataclass(frozen=True)
class DayAvailability:
    date: dt.date
    slots: list[Slot]
    unavailable: list[DayReason]  # every practitioner asked about who has no slot
    next_free_date: dt.date | None  # the first later day with a slot, within the search


def day_availability(
    *,
    clinic: Clinic,
    service: Service,
    day: dt.date,
    practitioner_id: uuid.UUID | None = None,
    show_time_off_reason: bool = False,
    now: dt.datetime | None = None,
) -> DayAvailability:
    """Free start times for ``service`` on the clinic's local ``day`` (as
    ``practitioner_free_slots``), and for every practitioner asked about who has none,
    why (``Unavailable``): past and beyond-horizon days first, then a whole-day or
    covering time off, no hours, and otherwise fully booked. When no practitioner has a
    slot that day, ``next_free_date`` is the first day with one among the next
    ``NEXT_FREE_SEARCH_DAYS`` (not before today, not after the horizon), else ``None``.
    A practitioner id that is not one of the clinic's practitioners gives an empty
    answer. Queries: a constant number, whatever the number of practitioners or
    appointments."""
    now = now or dt.datetime.now(tz=dt.UTC)
    slots = practitioner_free_slots(
        clinic=clinic, service=service, date_from=day, date_to=day, practitioner_id=practitioner_id, now=now
    )
    memberships = practitioners_of(clinic)
    if practitioner_id is not None:
        memberships = memberships.filter(user_id=practitioner_id)
    practitioner_ids = [m.user_id for m in memberships]
    free = {s.practitioner_id for s in slots}
    waiting = [pid for pid in practitioner_ids if pid not in free]
    today, horizon = clinic.date_at(now), booking_horizon(clinic=clinic, now=now)
    hours = hours_load(clinic=clinic, practitioner_ids=waiting, date_from=day, date_to=day)
    unavailable = []
    for pid in waiting:
        reason, detail = _reason(hours, pid, day, today=today, horizon=horizon, now=now)
        unavailable.append(DayReason(pid, reason, detail if show_time_off_reason else ""))
    next_free = None
    search_from = max(day + dt.timedelta(days=1), today)
    search_to = min(day + dt.timedelta(days=NEXT_FREE_SEARCH_DAYS), horizon)
    if not slots and practitioner_ids and search_from <= search_to:
        later = practitioner_free_slots(
            clinic=clinic,
            service=service,
            date_from=search_from,
            date_to=search_to,
            practitioner_id=practitioner_id,
            now=now,
        )
        next_free = clinic.date_at(later[0].starts_at) if later else None
    return DayAvailability(day, slots, unavailable, next_free)


def _reason(
    hours: Hours,
    practitioner_id: uuid.UUID,
    day: dt.date,
    *,
    today: dt.date,
    horizon: dt.date,
    now: dt.datetime,
) -> tuple[str, str]:
    if day < today:
        return Unavailable.PAST, ""
    if day > horizon:
        return Unavailable.BEYOND_HORIZON, ""
    exceptions = hours.exceptions.get((practitioner_id, day), [])
    time_off = [e for e in exceptions if e.kind == ScheduleException.Kind.TIME_OFF]
    detail = next((e.reason for e in time_off if e.reason), "")
    intervals = hours.intervals(practitioner_id, day)
    if not intervals:
        return (Unavailable.TIME_OFF, detail) if time_off else (Unavailable.NOT_WORKING, "")
    if all(end <= now for _start, end in intervals):
        return Unavailable.PAST, ""
    return Unavailable.FULLY_BOOKED, ""


@dataclass(frozen=True)
class Interval:
    starts_at: dt.datetime  # UTC
    ends_at: dt.datetime  # UTC
    reason: str = ""  # of a time off, "" when hidden


@dataclass(frozen=True)
class PractitionerHours:
    """One practitioner's working intervals and time off over a range."""

    practitioner_id: uuid.UUID
    name: str
    working: list[Interval]
    time_off: list[Interval]


@dataclass(frozen=True)
class CalendarRange:
    """``appointments``: rows of ``appointment_rows``."""

    appointments: list[dict[str, Any]]
    practitioners: list[PractitionerHours]


#: The columns of an appointment row (``appointment_rows``), each a field of
#: ``Appointment`` or, under the name the API gives it, of a related row.
APPOINTMENT_ROW_COLUMNS = (
    "id",
    "patient_id",
    "practitioner_id",
    "service_id",
    "room_id",
    "resource_id",
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
)
APPOINTMENT_ROW_RELATED = {
    "patient_given_name": F("patient__profile__given_name"),
    "patient_family_name": F("patient__profile__family_name"),
    "chart_number": F("patient__chart_number"),
    "practitioner_given_name": F("practitioner__given_name"),
    "practitioner_family_name": F("practitioner__family_name"),
    "service_name": F("service__name"),
    "service_deposit_kind": F("service__deposit_kind"),
    "service_deposit_value": F("service__deposit_value"),
    "service_price": F("service__price"),
    "resource_name": F("resource__name"),
}


def appointment_rows(appointments: QuerySet[Appointment]) -> list[dict[str, Any]]:
    """``appointments`` as plain dicts (``values()``: no model instances), one query:
    the columns of ``APPOINTMENT_ROW_COLUMNS`` and ``APPOINTMENT_ROW_RELATED`` (the
    patient's and practitioner's names, chart number, service name and deposit, device
    name; ``None`` for no device), and ``deposit_amount``: ``Service.deposit_amount``
    (worked out once per service). What a list of many appointments (a calendar day)
    reads; ``scheduling.serializers.appointment_row_data`` renders a row as
    ``AppointmentSerializer`` renders the model."""
    rows = list(appointments.values(*APPOINTMENT_ROW_COLUMNS, **APPOINTMENT_ROW_RELATED))
    deposits: dict[uuid.UUID, Any] = {}
    for row in rows:
        deposit = deposits.get(row["service_id"])
        if deposit is None:
            deposit = deposits[row["service_id"]] = Service(
                deposit_kind=row["service_deposit_kind"],
                deposit_value=row["service_deposit_value"],
                price=row["service_price"],
            ).deposit_amount
        row["deposit_amount"] = deposit
    return rows


def calendar_range(
    *,
    clinic: Clinic,
    date_from: dt.date,
    date_to: dt.date,
    practitioner_ids: list[uuid.UUID] | None = None,
    show_time_off_reason: bool = False,
) -> CalendarRange:
    """What the calendar shows for local days ``date_from``…``date_to`` (inclusive): the
    appointments (any status) starting on those days with the chosen practitioners, and
    each practitioner's working intervals (weekly hours with exceptions applied, DST
    gaps left out) and time off (a whole day is local midnight to midnight), as UTC
    instants. ``practitioner_ids`` ``None`` means every active practitioner of the
    clinic, in name order; otherwise in the given order.

    Raises ``ValidationFailed`` naming ``practitioner`` when an id is not an active
    practitioner of this clinic. Queries: four, whatever the number of practitioners,
    days or appointments."""
    memberships = practitioners_of(clinic).order_by("user__given_name", "user__family_name", "user_id")
    if practitioner_ids is not None:
        memberships = memberships.filter(user_id__in=practitioner_ids)
    users = {m.user_id: m.user for m in memberships}
    if practitioner_ids is not None:
        if set(practitioner_ids) - set(users):
            raise ValidationFailed(errors={"practitioner": [_("Not a practitioner of this clinic.")]})
        users = {pid: users[pid] for pid in dict.fromkeys(practitioner_ids)}
    ids = list(users)
    zone = clinic.zone
    start = dt.datetime.combine(date_from, dt.time(0), tzinfo=zone)
    end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(0), tzinfo=zone)
    appointments = appointment_rows(appointment_list(start=start, end=end).filter(practitioner_id__in=ids))
    hours = hours_load(clinic=clinic, practitioner_ids=ids, date_from=date_from, date_to=date_to)
    days = [date_from + dt.timedelta(days=n) for n in range((date_to - date_from).days + 1)]
    practitioners = []
    for pid, user in users.items():
        working = [Interval(s, e) for day in days for s, e in hours.intervals(pid, day)]
        time_off = []
        for day in days:
            for exc in hours.exceptions.get((pid, day), []):
                if exc.kind != ScheduleException.Kind.TIME_OFF:
                    continue
                off_start = dt.datetime.combine(day, exc.start_time or dt.time(0), tzinfo=zone)
                off_end = (
                    dt.datetime.combine(day, exc.end_time, tzinfo=zone)
                    if exc.end_time
                    else dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=zone)
                )
                reason = exc.reason if show_time_off_reason else ""
                time_off.append(Interval(off_start.astimezone(dt.UTC), off_end.astimezone(dt.UTC), reason))
        practitioners.append(PractitionerHours(pid, user.full_name, working, time_off))
    return CalendarRange(appointments, practitioners)


# Daily figures for the reporting context (one clinic's rows, in its time zone).


@dataclass(frozen=True)
class AppointmentFact:
    """What a report needs of one appointment: its clinic-local day, practitioner,
    patient, status, whether a cancellation was late, its length in minutes and whether
    it was the patient's first appointment at the clinic (not counting cancelled ones)."""

    day: dt.date
    practitioner_id: uuid.UUID
    patient_id: uuid.UUID
    status: str
    late_cancellation: bool
    minutes: int
    first_visit: bool


def appointment_facts(*, clinic: Clinic, start: dt.date, end: dt.date) -> list[AppointmentFact]:
    """The current clinic's appointments starting on the clinic-local days ``start`` to
    ``end`` (both included), any status. Two queries: the appointments, then the first
    uncancelled start of each of their patients."""
    since = dt.datetime.combine(start, dt.time.min, tzinfo=clinic.zone)
    until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=clinic.zone)
    rows = list(
        Appointment.objects.filter(starts_at__gte=since, starts_at__lt=until).values_list(
            "pk", "practitioner_id", "patient_id", "status", "late_cancellation", "starts_at", "ends_at"
        )
    )
    patients = {row[2] for row in rows}
    firsts = dict(
        Appointment.objects.filter(patient_id__in=patients)
        .exclude(status=Appointment.Status.CANCELLED)
        .values("patient_id")
        .annotate(first=Min("starts_at"))
        .values_list("patient_id", "first")
    )
    return [
        AppointmentFact(
            day=starts_at.astimezone(clinic.zone).date(),
            practitioner_id=practitioner,
            patient_id=patient,
            status=status,
            late_cancellation=late,
            minutes=int((ends_at - starts_at).total_seconds() // 60),
            first_visit=status != Appointment.Status.CANCELLED and firsts.get(patient) == starts_at,
        )
        for _pk, practitioner, patient, status, late, starts_at, ends_at in rows
    ]


def scheduled_practitioner_ids() -> list[uuid.UUID]:
    """Practitioners with weekly hours at the current clinic."""
    return list(StaffSchedule.objects.values_list("practitioner_id", flat=True).distinct().order_by())


def available_minutes(
    *, practitioner_ids: list[uuid.UUID], day: dt.date, hours: Hours
) -> dict[uuid.UUID, int]:
    """Minutes each practitioner works on clinic-local ``day`` (weekly hours plus extra
    hours minus time off, from ``hours``: ``hours_load``)."""
    return {
        pid: int(sum(((end - begin).total_seconds() for begin, end in hours.intervals(pid, day)), 0.0) // 60)
        for pid in practitioner_ids
    }


# How far after a completed visit a next appointment counts as a rebooking.
REBOOKING_WINDOW_DAYS = 90


@dataclass(frozen=True)
class PatientDay:
    """One patient's clinic-local ``day`` with an uncancelled appointment at the clinic.

    ``days_since``: days since the patient's previous day with an uncancelled
    appointment there (``None``: none before). With a completed appointment that day
    (``completed``): ``days_to_next_completed`` (to their next day with a completed one;
    ``None``: none yet) and ``rebooked``: they hold an uncancelled appointment starting
    on one of the ``REBOOKING_WINDOW_DAYS`` days after ``day``."""

    day: dt.date
    patient_id: uuid.UUID
    days_since: int | None
    completed: bool
    days_to_next_completed: int | None
    rebooked: bool


def patient_days(*, clinic: Clinic, start: dt.date, end: dt.date) -> list[PatientDay]:
    """The current clinic's ``PatientDay`` rows for the local days ``start`` to ``end``.

    Three queries, each bounded by the patients seen in the range (``(patient,
    starts_at)`` through the patient foreign key's index): the range's appointments, the
    last uncancelled start of each before ``start``, and their uncancelled appointments
    from ``start`` to ``REBOOKING_WINDOW_DAYS`` days after ``end`` plus the first
    completed one after that (for the next completed visit)."""
    since = dt.datetime.combine(start, dt.time.min, tzinfo=clinic.zone)
    until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=clinic.zone)
    horizon = dt.datetime.combine(
        end + dt.timedelta(days=REBOOKING_WINDOW_DAYS + 1), dt.time.min, tzinfo=clinic.zone
    )
    uncancelled = Appointment.objects.exclude(status=Appointment.Status.CANCELLED)
    seen: dict[uuid.UUID, dict[dt.date, bool]] = {}  # patient -> day -> completed that day
    later: dict[uuid.UUID, list[tuple[dt.date, bool]]] = {}
    rows = list(
        uncancelled.filter(starts_at__gte=since, starts_at__lt=horizon).values_list(
            "patient_id", "starts_at", "status"
        )
    )
    in_range = {p for p, at, _s in rows if at < until}
    for patient, starts_at, status in rows:
        if patient not in in_range:
            continue
        day = starts_at.astimezone(clinic.zone).date()
        done = status == Appointment.Status.COMPLETED
        later.setdefault(patient, []).append((day, done))
        if starts_at < until:
            days = seen.setdefault(patient, {})
            days[day] = days.get(day, False) or done
    before = dict(
        uncancelled.filter(patient_id__in=in_range, starts_at__lt=since)
        .values("patient_id")
        .annotate(last=Max("starts_at"))
        .values_list("patient_id", "last")
    )
    next_completed = dict(
        Appointment.objects.filter(
            patient_id__in=in_range, status=Appointment.Status.COMPLETED, starts_at__gte=horizon
        )
        .values("patient_id")
        .annotate(first=Min("starts_at"))
        .values_list("patient_id", "first")
    )
    result = []
    for patient, days in seen.items():
        previous = before.get(patient)
        previous_day = previous.astimezone(clinic.zone).date() if previous else None
        upcoming = sorted(set(later[patient]))
        after = next_completed.get(patient)
        for day in sorted(days):
            completed = days[day]
            next_day = next((d for d, done in upcoming if d > day and done), None)
            if next_day is None and after is not None:
                next_day = after.astimezone(clinic.zone).date()
            result.append(
                PatientDay(
                    day=day,
                    patient_id=patient,
                    days_since=(day - previous_day).days if previous_day else None,
                    completed=completed,
                    days_to_next_completed=(next_day - day).days if completed and next_day else None,
                    rebooked=completed
                    and any(0 < (d - day).days <= REBOOKING_WINDOW_DAYS for d, _done in upcoming),
                )
            )
            previous_day = day
    return result


@dataclass(frozen=True)
class RoomDay:
    """A room's clinic-local day: ``booked_minutes`` (its uncancelled appointments,
    no-shows included: the room was held) and ``available_minutes`` (the clinic's open
    time that day: the union of every practitioner's working intervals there)."""

    day: dt.date
    room_id: uuid.UUID
    name: str
    booked_minutes: int
    available_minutes: int


def room_days(
    *, clinic: Clinic, days: list[dt.date], hours: Hours, practitioner_ids: list[uuid.UUID]
) -> list[RoomDay]:
    """One ``RoomDay`` per active room (and per inactive room with bookings) of the
    current clinic and local day in ``days`` where it was open or booked. The clinic has
    no opening hours of its own, so it is taken as open while at least one practitioner
    works (``hours``: ``hours_load`` of ``practitioner_ids``). One query for the rooms,
    one for the appointments."""
    since = dt.datetime.combine(days[0], dt.time.min, tzinfo=clinic.zone)
    until = dt.datetime.combine(days[-1] + dt.timedelta(days=1), dt.time.min, tzinfo=clinic.zone)
    booked: dict[tuple[dt.date, uuid.UUID], int] = {}
    for room_id, starts_at, ends_at in (
        Appointment.objects.filter(starts_at__gte=since, starts_at__lt=until, room__isnull=False)
        .exclude(status=Appointment.Status.CANCELLED)
        .values_list("room_id", "starts_at", "ends_at")
    ):
        key = (starts_at.astimezone(clinic.zone).date(), room_id)
        booked[key] = booked.get(key, 0) + int((ends_at - starts_at).total_seconds() // 60)
    held = {room_id for _day, room_id in booked}
    rooms = {r.pk: r for r in Room.objects.filter(Q(is_active=True) | Q(pk__in=held))}
    result = []
    for day in days:
        spans = sorted(span for pid in practitioner_ids for span in hours.intervals(pid, day))
        open_minutes, reach = 0, None
        for begin, finish in spans:
            begin = max(begin, reach) if reach else begin
            if finish > begin:
                open_minutes += int((finish - begin).total_seconds() // 60)
                reach = finish
        for room in sorted(rooms.values(), key=lambda r: r.name):
            minutes = booked.get((day, room.pk), 0)
            if minutes or open_minutes:
                result.append(RoomDay(day, room.pk, room.name, minutes, open_minutes))
    return result


def patient_ids_with_appointments_since(*, since: dt.datetime) -> QuerySet[Appointment, uuid.UUID]:
    """The ids of the current clinic's patients with an appointment (any status but
    cancelled) starting at or after ``since`` (aware), including ones booked ahead: a
    subquery (``values_list``), not evaluated here."""
    return (
        Appointment.objects.filter(starts_at__gte=since)
        .exclude(status=Appointment.Status.CANCELLED)
        .values_list("patient_id", flat=True)
    )
