"""Demo calendars: rooms, practitioners' weekly hours, a vacation and extra hours per
clinic, and appointments from about three months ago to two months ahead.

Everything goes through the scheduling services: weekly hours and exceptions through
``staff_schedule_add`` / ``schedule_exception_add``, upcoming appointments through
``appointment_book`` (which also schedules their reminders) and ``appointment_transition``,
past ones through ``appointment_import``. The plan is drawn from a ``random.Random``
seeded per clinic and laid out relative to today in the clinic's time zone, so a build
on a given day always produces the same calendar.

The load is light on purpose: each clinic has a dozen demo patients, so a practitioner
sees one or two of them a day, never every slot. Appointments fit the practitioner's
working hours, never overlap for the practitioner (at any clinic: the visiting doctor's
appointments elsewhere are read first), the room or the patient, and a patient comes at
most once a day.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import timezone

from accounts.models import Clinic, User
from accounts.validators import normalize_phone
from catalog.models import Service
from core.roles import Role
from core.tenancy import clinic_context
from patients.models import ClinicPatient
from scheduling.models import ACTIVE_STATUSES, Appointment, Room, ScheduleException
from scheduling.selectors import Hours, hours_load
from scheduling.services import (
    appointment_book,
    appointment_import,
    appointment_transition,
    room_create,
    schedule_exception_add,
    staff_schedule_add,
)

Category = Service.Category
Status = Appointment.Status
Span = tuple[dt.time, dt.time]

PAST_DAYS = 91  # about three months back
FUTURE_DAYS = 61  # about two months ahead
STEP = dt.timedelta(minutes=15)
# No appointment is written in progress: past ones ended before now, upcoming ones
# start at least this long after it (the front desk cannot book a slot already begun).
LEAD = dt.timedelta(minutes=30)

# What each role performs, as relative weights per service category. Doctors inject and
# perform every procedure; nurses and therapists only what needs no signed consent
# (laser toning and hair removal, HIFU, peels, facials).
ROLE_MIX: dict[str, dict[str, int]] = {
    Role.DOCTOR: {
        Category.CONSULTATION: 30,
        Category.NEUROTOXIN: 26,
        Category.FILLER: 18,
        Category.BIOSTIMULATOR: 6,
        Category.LASER: 8,
        Category.ENERGY: 8,
        Category.PEEL: 2,
        Category.SKIN: 2,
    },
    Role.NURSE: {Category.LASER: 50, Category.ENERGY: 20, Category.PEEL: 15, Category.SKIN: 15},
    Role.THERAPIST: {Category.SKIN: 35, Category.LASER: 35, Category.PEEL: 25, Category.ENERGY: 5},
}
# Appointments per working day of one practitioner: relative weights of 0, 1, 2, 3.
DAILY_LOAD: dict[str, tuple[int, ...]] = {
    Role.DOCTOR: (2, 5, 4, 1),
    Role.NURSE: (5, 5, 1),
    Role.THERAPIST: (5, 5, 1),
}
# Past outcomes: a few cancellations, about one no-show in ten, more on Monday mornings.
PAST_CANCELLED = 0.05
NO_SHOW, NO_SHOW_MONDAY_MORNING = 0.1, 0.25
# Upcoming: a few cancellations; most appointments within three days are confirmed
# (the 24 h reminder asks), later ones only sometimes.
FUTURE_CANCELLED = 0.04
CONFIRMED_SOON, CONFIRMED_LATER, SOON = 0.6, 0.1, dt.timedelta(days=3)
# A medical tourist comes now and then, regulars often.
TOURIST_WEIGHT = 0.15
# The rolls that decide statuses step through [0, 1) by the golden ratio (a Weyl
# sequence) instead of being drawn independently, so with a few hundred appointments
# each clinic's shares of no-shows and cancellations stay close to the rates above.
GOLDEN_STEP = 0.6180339887498949


# ------------------------------------------------------------------------------ shapes


@dataclass(frozen=True)
class RoomSeed:
    """A room and the service categories it is equipped for, in order of preference."""

    name: str
    categories: tuple[str, ...]


@dataclass(frozen=True)
class WeeklyHours:
    """A practitioner's week: ``(weekday, intervals)`` pairs, 0 = Monday, local times;
    the gap between a day's intervals is the break."""

    phone: str
    days: tuple[tuple[int, tuple[Span, ...]], ...]


@dataclass(frozen=True)
class TimeOff:
    """A vacation: whole days off on the practitioner's working days from ``after_days``
    after today for ``length`` calendar days."""

    phone: str
    after_days: int
    length: int
    reason: str


@dataclass(frozen=True)
class ExtraHours:
    """One extra working interval on the first ``weekday`` at least ``after_days`` ahead."""

    phone: str
    weekday: int
    after_days: int
    span: Span
    reason: str


@dataclass(frozen=True)
class CalendarSeed:
    rooms: tuple[RoomSeed, ...]
    hours: tuple[WeeklyHours, ...]
    time_off: TimeOff
    extra: ExtraHours
    cancel_reasons: tuple[str, ...]


@dataclass(frozen=True)
class CalendarSummary:
    rooms: int
    practitioners: int
    past: int
    upcoming: int
    no_shows: int


def week(days: Sequence[int], spans: tuple[Span, ...]) -> tuple[tuple[int, tuple[Span, ...]], ...]:
    """The same ``spans`` on each of ``days``."""
    return tuple((day, spans) for day in days)


def hours(*spans: tuple[int, int, int, int]) -> tuple[Span, ...]:
    """``hours((10, 0, 13, 0), (14, 0, 20, 0))``: 10:00-13:00 and 14:00-20:00."""
    return tuple((dt.time(h1, m1), dt.time(h2, m2)) for h1, m1, h2, m2 in spans)


# ------------------------------------------------------------------------------- build


@dataclass
class _Planned:
    practitioner: User
    role: str
    service: Service
    room: Room
    patient: ClinicPatient
    starts_at: dt.datetime
    roll: float  # decides the status, whatever the time of the build


class _Calendar:
    """The busy intervals laid out so far, practitioners read across clinics first."""

    def __init__(self, busy: dict[uuid.UUID, list[tuple[dt.datetime, dt.datetime]]]) -> None:
        self.practitioners = busy
        self.rooms: dict[uuid.UUID, list[tuple[dt.datetime, dt.datetime]]] = {}

    @staticmethod
    def _free(busy: list[tuple[dt.datetime, dt.datetime]], start: dt.datetime, end: dt.datetime) -> bool:
        return all(end <= b_start or b_end <= start for b_start, b_end in busy)

    def room_for(
        self,
        rooms: list[Room],
        practitioner_busy: list[tuple[dt.datetime, dt.datetime]],
        start: dt.datetime,
        end: dt.datetime,
    ) -> Room | None:
        if not self._free(practitioner_busy, start, end):
            return None
        return next((room for room in rooms if self._free(self.rooms.get(room.pk, []), start, end)), None)

    def take(self, practitioner_id: uuid.UUID, room: Room, start: dt.datetime, end: dt.datetime) -> None:
        self.practitioners.setdefault(practitioner_id, []).append((start, end))
        self.rooms.setdefault(room.pk, []).append((start, end))


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    keys = sorted(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _setup(
    clinic: Clinic, actor: User, seed: CalendarSeed, by_phone: dict[str, User], today: dt.date
) -> dict[str, list[Room]]:
    """Rooms, weekly hours, the vacation and the extra hours; returns the rooms of each
    service category in order of preference."""
    rooms_of: dict[str, list[Room]] = {}
    for room_seed in seed.rooms:
        room = room_create(clinic=clinic, actor=actor, name=room_seed.name)
        for category in room_seed.categories:
            rooms_of.setdefault(category, []).append(room)
    for weekly in seed.hours:
        for weekday, spans in weekly.days:
            for start, end in spans:
                staff_schedule_add(
                    clinic=clinic,
                    actor=actor,
                    practitioner_id=by_phone[weekly.phone].pk,
                    weekday=weekday,
                    start_time=start,
                    end_time=end,
                )
    off = seed.time_off
    working = {weekday for hours_ in seed.hours if hours_.phone == off.phone for weekday, _ in hours_.days}
    for offset in range(off.after_days, off.after_days + off.length):
        day = today + dt.timedelta(days=offset)
        if day.weekday() in working:
            schedule_exception_add(
                clinic=clinic,
                actor=actor,
                practitioner_id=by_phone[off.phone].pk,
                date=day,
                kind=ScheduleException.Kind.TIME_OFF,
                reason=off.reason,
            )
    extra = seed.extra
    day = today + dt.timedelta(days=extra.after_days)
    day += dt.timedelta(days=(extra.weekday - day.weekday()) % 7)
    schedule_exception_add(
        clinic=clinic,
        actor=actor,
        practitioner_id=by_phone[extra.phone].pk,
        date=day,
        kind=ScheduleException.Kind.EXTRA,
        start_time=extra.span[0],
        end_time=extra.span[1],
        reason=extra.reason,
    )
    return rooms_of


def _busy_elsewhere(
    practitioner_ids: list[uuid.UUID], start: dt.datetime, end: dt.datetime
) -> dict[uuid.UUID, list[tuple[dt.datetime, dt.datetime]]]:
    """Active appointments of these practitioners at any clinic (the cross-clinic read
    is on purpose: the visiting doctor may already be booked at another clinic)."""
    busy: dict[uuid.UUID, list[tuple[dt.datetime, dt.datetime]]] = {pid: [] for pid in practitioner_ids}
    for pid, b_start, b_end in Appointment.unscoped.filter(
        practitioner_id__in=practitioner_ids,
        status__in=ACTIVE_STATUSES,
        starts_at__lt=end,
        blocked_until__gt=start,
    ).values_list("practitioner_id", "starts_at", "blocked_until"):
        busy[pid].append((b_start, b_end))
    return busy


def _plan(
    rng: random.Random,
    *,
    hours_: Hours,
    practitioners: list[tuple[str, User]],
    services: list[Service],
    rooms_of: dict[str, list[Room]],
    patients: list[ClinicPatient],
    calendar: _Calendar,
    days: list[dt.date],
) -> list[_Planned]:
    """Lay out the appointments day by day, practitioner by practitioner."""
    patient_weights = [TOURIST_WEIGHT if "medical tourist" in p.tags else 1.0 for p in patients]
    planned: list[_Planned] = []
    rolls = rng.random()
    for day in days:
        seen_today: set[uuid.UUID] = set()
        for role, practitioner in practitioners:
            intervals = hours_.intervals(practitioner.pk, day)
            if not intervals:
                continue
            load = DAILY_LOAD[role]
            count = rng.choices(range(len(load)), weights=load)[0]
            day_start, day_end = intervals[0][0], intervals[-1][1]
            busy = [
                b
                for b in calendar.practitioners.get(practitioner.pk, [])
                if b[0] < day_end and day_start < b[1]
            ]
            for _ in range(count):
                category = _weighted(rng, ROLE_MIX[role])
                eligible = [
                    s
                    for s in services
                    if s.category == category and (role == Role.DOCTOR or not s.requires_consent)
                ]
                rolls = (rolls + GOLDEN_STEP) % 1.0
                roll, pick_service, pick_slot = rolls, rng.random(), rng.random()
                who = rng.choices(range(len(patients)), weights=patient_weights)[0]
                if not eligible:
                    continue
                service = eligible[int(pick_service * len(eligible))]
                blocked = dt.timedelta(minutes=service.duration_minutes + service.buffer_minutes)
                candidates = _free_slots(calendar, rooms_of.get(category, []), busy, intervals, blocked)
                if not candidates:
                    continue
                starts_at, room = candidates[int(pick_slot * len(candidates))]
                patient = _patient_free_today(patients, who, seen_today)
                if patient is None:
                    continue
                seen_today.add(patient.pk)
                busy.append((starts_at, starts_at + blocked))
                calendar.take(practitioner.pk, room, starts_at, starts_at + blocked)
                planned.append(_Planned(practitioner, role, service, room, patient, starts_at, roll))
    return planned


def _free_slots(
    calendar: _Calendar,
    rooms: list[Room],
    busy: list[tuple[dt.datetime, dt.datetime]],
    intervals: list[tuple[dt.datetime, dt.datetime]],
    blocked: dt.timedelta,
) -> list[tuple[dt.datetime, Room]]:
    """Every ``STEP`` in ``intervals`` where ``blocked`` fits with the practitioner not
    ``busy``, with the room ``calendar`` gives it there (no slot where no room is free)."""
    slots = []
    for start, end in intervals:
        at = start
        while at + blocked <= end:
            room = calendar.room_for(rooms, busy, at, at + blocked)
            if room is not None:
                slots.append((at, room))
            at += STEP
    return slots


def _patient_free_today(
    patients: list[ClinicPatient], who: int, seen_today: set[uuid.UUID]
) -> ClinicPatient | None:
    """The drawn patient, or the next one who has no appointment today."""
    return next(
        (
            patients[(who + k) % len(patients)]
            for k in range(len(patients))
            if patients[(who + k) % len(patients)].pk not in seen_today
        ),
        None,
    )


def _seed_phones(seed: CalendarSeed) -> set[str]:
    """The phones as the seed writes them (``+66 86 330 9127``), to map to accounts."""
    return {w.phone for w in seed.hours} | {seed.time_off.phone, seed.extra.phone}


def _past_status(item: _Planned, zone: dt.tzinfo) -> str:
    local = item.starts_at.astimezone(zone)
    no_show = NO_SHOW_MONDAY_MORNING if local.weekday() == 0 and local.hour < 13 else NO_SHOW
    if item.roll < PAST_CANCELLED:
        return Status.CANCELLED
    if item.roll < PAST_CANCELLED + no_show:
        return Status.NO_SHOW
    return Status.COMPLETED


def calendar_build(
    clinic: Clinic,
    actor: User,
    seed: CalendarSeed,
    staff: Sequence[tuple[str, User]],
    patients: list[ClinicPatient],
) -> CalendarSummary:
    """Rooms, hours and appointments of ``clinic``, written as ``actor`` (the front
    desk). ``staff`` pairs roles and users; those with weekly hours in ``seed`` (keyed
    by phone) take appointments."""
    zone = clinic.zone
    now = timezone.now()
    today = now.astimezone(zone).date()
    rng = random.Random(f"aesthetix-demo-calendar:{clinic.slug}")  # noqa: S311 - demo data
    by_phone = {user.phone: user for _role, user in staff}
    by_phone.update({phone: by_phone[normalize_phone(phone)] for phone in _seed_phones(seed)})
    scheduled = {by_phone[weekly.phone].phone for weekly in seed.hours}
    practitioners = sorted(
        {(role, user) for role, user in staff if user.phone in scheduled},
        key=lambda pair: (pair[0], pair[1].phone),
    )
    days = [today + dt.timedelta(days=offset) for offset in range(-PAST_DAYS, FUTURE_DAYS + 1)]
    with clinic_context(clinic):
        rooms_of = _setup(clinic, actor, seed, by_phone, today)
        ids = [user.pk for _role, user in practitioners]
        hours_ = hours_load(clinic=clinic, practitioner_ids=ids, date_from=days[0], date_to=days[-1])
        window = (now - dt.timedelta(days=PAST_DAYS + 1), now + dt.timedelta(days=FUTURE_DAYS + 1))
        calendar = _Calendar(_busy_elsewhere(ids, *window))
        services = list(Service.objects.filter(is_active=True).order_by("name"))
        planned = _plan(
            rng,
            hours_=hours_,
            practitioners=practitioners,
            services=services,
            rooms_of=rooms_of,
            patients=patients,
            calendar=calendar,
            days=days,
        )
        past = upcoming = no_shows = 0
        for item in planned:
            ends = item.starts_at + dt.timedelta(
                minutes=item.service.duration_minutes + item.service.buffer_minutes
            )
            reason = seed.cancel_reasons[int(item.roll * 1000) % len(seed.cancel_reasons)]
            if ends <= now:
                status = _past_status(item, zone)
                appointment_import(
                    clinic=clinic,
                    actor=actor,
                    patient=item.patient,
                    practitioner=item.practitioner,
                    service=item.service,
                    starts_at=item.starts_at,
                    status=status,
                    room=item.room,
                    cancel_reason=reason if status == Status.CANCELLED else "",
                )
                past += 1
                no_shows += status == Status.NO_SHOW
            elif item.starts_at >= now + LEAD:
                appointment = appointment_book(
                    clinic=clinic,
                    actor=actor,
                    patient=item.patient,
                    practitioner=item.practitioner,
                    service=item.service,
                    starts_at=item.starts_at,
                    room=item.room,
                )
                confirmed = CONFIRMED_SOON if item.starts_at - now < SOON else CONFIRMED_LATER
                if item.roll < FUTURE_CANCELLED:
                    appointment_transition(
                        appointment=appointment, actor=actor, to_status=Status.CANCELLED, reason=reason
                    )
                elif item.roll < FUTURE_CANCELLED + confirmed:
                    appointment_transition(appointment=appointment, actor=actor, to_status=Status.CONFIRMED)
                upcoming += 1
    return CalendarSummary(len(seed.rooms), len(practitioners), past, upcoming, no_shows)
