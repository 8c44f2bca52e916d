"""Demo calendars: rooms, practitioners' weekly hours, time off and extra hours, a year
of history and the coming month of appointments, at the occupancy of a busy clinic.

Everything goes through the scheduling services: weekly hours and exceptions through
``staff_schedule_add`` / ``schedule_exception_add``, the history through
``appointments_import`` (every row checked and audited as ``appointment_import`` does),
upcoming appointments through ``appointment_book`` (which also schedules their
reminders) and ``appointment_transition`` (confirmations, cancellations). The plan is
drawn from a ``random.Random`` seeded per clinic and laid out relative to today in the
clinic's time zone, so a build on a given day always produces the same calendar.

How a day fills: each practitioner's working day gets a target occupancy (60 to 85 %
of its minutes, ``WeeklyHours.occupancy``; a little more on the clinic's busiest
weekdays), and the day is walked from its first minute: an appointment is placed where
one fits (a room equipped for it free, the practitioner not busy at another clinic)
while the booked share is under the target, otherwise the time stays free. Patients
join the clinic over the year (some were patients before it); regulars come often;
a patient comes at most once a day. Outcomes: about one appointment in ten is
cancelled (a third of those late, on the day); no-shows are about one in fifteen of
returning patients' appointments and one in six of first visits (about 7 % in all);
upcoming appointments soon are mostly confirmed by the reminder, later ones rarely.

The occupancy the summary prints is the booked share of the coming month's working
minutes; ``demo_data --history-days`` loads a shorter history (the browser tests do,
as each of their modules loads the demo afresh).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

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
    ImportRow,
    appointment_book,
    appointment_transition,
    appointments_import,
    room_create,
    schedule_exception_add,
    staff_schedule_add,
)

Category = Service.Category
Status = Appointment.Status
Span = tuple[dt.time, dt.time]
Interval = tuple[dt.datetime, dt.datetime]

HISTORY_DAYS = 365  # a year back (``demo_data --history-days`` for less)
FUTURE_DAYS = 30  # the coming month
STEP = dt.timedelta(minutes=15)
TRIES = 3  # draws of a patient and a treatment for a free time before it stays free
# No appointment is written in progress: past ones ended before now, upcoming ones
# start at least this long after it (the front desk cannot book a slot already begun).
LEAD = dt.timedelta(minutes=30)

# What each role performs, as relative weights per service category. Doctors inject and
# perform every procedure; nurses and therapists only what needs no signed consent
# (laser toning and hair removal, HIFU, peels, facials).
ROLE_MIX: dict[str, dict[str, int]] = {
    Role.DOCTOR: {
        Category.CONSULTATION: 22,
        Category.NEUROTOXIN: 30,
        Category.FILLER: 20,
        Category.BIOSTIMULATOR: 6,
        Category.LASER: 8,
        Category.ENERGY: 10,
        Category.PEEL: 2,
        Category.SKIN: 2,
    },
    Role.NURSE: {Category.LASER: 50, Category.ENERGY: 20, Category.PEEL: 15, Category.SKIN: 15},
    Role.THERAPIST: {Category.SKIN: 35, Category.LASER: 35, Category.PEEL: 25, Category.ENERGY: 5},
}
# A first visit to a doctor is a consultation.
FIRST_VISIT: dict[str, str] = {Role.DOCTOR: Category.CONSULTATION}
# The busiest weekdays (Saturday everywhere; Thursday evening in Riyadh) fill a bit more.
BUSY_DAY_BONUS = 0.06
# Outcomes: cancellations (a share of them late, on the day), no-shows of first visits
# and of returning patients; upcoming ones are cancelled now and then.
CANCELLED, LATE_SHARE = 0.10, 0.35
NO_SHOW_FIRST, NO_SHOW_RETURNING = 0.16, 0.07
FUTURE_CANCELLED = 0.05
# Upcoming: most appointments within three days are confirmed (the 24 h reminder asks),
# later ones only sometimes.
CONFIRMED_SOON, CONFIRMED_LATER, SOON = 0.65, 0.1, dt.timedelta(days=3)
# Patients: the share already coming before the history starts (the others join over
# it), and how often each comes, as relative weights (occasional to loyal regulars).
ESTABLISHED = 0.45
LOYALTY = (0.3, 0.6, 1.0, 1.0, 1.5, 2.5, 4.0)
TOURIST_WEIGHT = 0.15
# The rolls that decide statuses step through [0, 1) by the golden ratio (a Weyl
# sequence) instead of being drawn independently, so each clinic's shares of
# no-shows and cancellations stay close to the rates above.
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
    the gap between a day's intervals is the break. ``occupancy``: the range of the
    share of a working day that is booked."""

    phone: str
    days: tuple[tuple[int, tuple[Span, ...]], ...]
    occupancy: tuple[float, float] = (0.60, 0.85)


@dataclass(frozen=True)
class TimeOff:
    """Whole days off on the practitioner's working days from ``after_days`` after
    today (negative: in the past) for ``length`` calendar days."""

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
    """``cancel_reasons`` are given ahead; ``late_reasons`` on the day."""

    rooms: tuple[RoomSeed, ...]
    hours: tuple[WeeklyHours, ...]
    time_off: tuple[TimeOff, ...]
    extra: ExtraHours
    cancel_reasons: tuple[str, ...]
    late_reasons: tuple[str, ...]
    busy_days: tuple[int, ...]


@dataclass(frozen=True)
class CalendarSummary:
    """``occupancy``: the booked share of the coming month's working time (0 to 1,
    from tomorrow on, cancellations not counted)."""

    rooms: int
    practitioners: int
    past: int
    upcoming: int
    no_shows: int
    cancelled: int
    occupancy: float


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
    service: Service
    room: Room
    patient: ClinicPatient
    starts_at: dt.datetime
    blocked_until: dt.datetime
    first_visit: bool
    roll: float  # decides the status, whatever the time of the build


@dataclass
class _Practitioner:
    user: User
    role: str
    occupancy: tuple[float, float]


class _Busy:
    """Busy intervals by owner (a practitioner at any clinic, a room) and UTC date of
    their start; intervals never last past the next day."""

    def __init__(self) -> None:
        self._by_day: dict[tuple[uuid.UUID, dt.date], list[Interval]] = {}

    def add(self, owner: uuid.UUID, start: dt.datetime, end: dt.datetime) -> None:
        self._by_day.setdefault((owner, start.astimezone(dt.UTC).date()), []).append((start, end))

    def free(self, owner: uuid.UUID, start: dt.datetime, end: dt.datetime) -> bool:
        day = start.astimezone(dt.UTC).date()
        return all(
            end <= b_start or b_end <= start
            for offset in (-1, 0, 1)
            for b_start, b_end in self._by_day.get((owner, day + dt.timedelta(days=offset)), [])
        )


@dataclass
class _Patients:
    """The clinic's patients in the order they join it, with cumulative visit weights,
    so a draw among those who joined by a day is one binary search."""

    people: list[ClinicPatient]
    joined: list[int]  # day offset from today when each joined
    cumulative: list[float]
    seen: set[uuid.UUID]  # came at least once

    @classmethod
    def build(cls, rng: random.Random, patients: list[ClinicPatient], first_day: int) -> _Patients:
        rows = []
        for patient in patients:
            established = rng.random() < ESTABLISHED
            joined = first_day - 1 if established else rng.randint(first_day, FUTURE_DAYS)
            weight = TOURIST_WEIGHT if "medical tourist" in patient.tags else rng.choice(LOYALTY)
            rows.append((joined, weight, patient))
        rows.sort(key=lambda row: row[0])
        return cls(
            people=[row[2] for row in rows],
            joined=[row[0] for row in rows],
            cumulative=list(itertools.accumulate(row[1] for row in rows)),
            seen={row[2].pk for row in rows if row[0] < first_day},  # came before the history
        )

    def draw(self, rng: random.Random, offset: int, today: set[uuid.UUID]) -> ClinicPatient | None:
        """A patient who joined by day ``offset``, weighted by how often each comes, and
        has no appointment ``today`` yet."""
        count = bisect.bisect_right(self.joined, offset)
        if count == 0:
            return None
        pick = bisect.bisect_right(self.cumulative, rng.random() * self.cumulative[count - 1])
        for k in range(count):
            patient = self.people[(pick + k) % count]
            if patient.pk not in today:
                return patient
        return None


def _setup(
    clinic: Clinic, actor: User, seed: CalendarSeed, by_phone: dict[str, User], today: dt.date
) -> dict[str, list[Room]]:
    """Rooms, weekly hours, time off and the extra hours; returns the rooms of each
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
    for off in seed.time_off:
        working = {weekday for w in seed.hours if w.phone == off.phone for weekday, _ in w.days}
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


def _busy_elsewhere(practitioner_ids: list[uuid.UUID], start: dt.datetime, end: dt.datetime) -> _Busy:
    """Active appointments of these practitioners at any clinic (the cross-clinic read
    is on purpose: the visiting doctor may already be booked at another clinic)."""
    busy = _Busy()
    for pid, b_start, b_end in Appointment.unscoped.filter(
        practitioner_id__in=practitioner_ids,
        status__in=ACTIVE_STATUSES,
        starts_at__lt=end,
        blocked_until__gt=start,
    ).values_list("practitioner_id", "starts_at", "blocked_until"):
        busy.add(pid, b_start, b_end)
    return busy


@dataclass
class _Planner:
    """Lays the appointments out day by day, practitioner by practitioner."""

    rng: random.Random
    hours: Hours
    services: dict[str, list[Service]]  # by category
    rooms_of: dict[str, list[Room]]
    patients: _Patients
    busy: _Busy
    busy_days: tuple[int, ...]
    today: dt.date
    planned: list[_Planned] = field(default_factory=list)
    roll: float = 0.0
    # The coming month's booked and working minutes, for the summary.
    booked_ahead: float = 0.0
    working_ahead: float = 0.0

    def day(self, day: dt.date, practitioners: list[_Practitioner]) -> None:
        came_today: set[uuid.UUID] = set()
        for practitioner in practitioners:
            intervals = self.hours.intervals(practitioner.user.pk, day)
            if not intervals:
                continue
            low, high = practitioner.occupancy
            target = self.rng.uniform(low, high) + (BUSY_DAY_BONUS if day.weekday() in self.busy_days else 0)
            working = sum((end - start).total_seconds() for start, end in intervals) / 60
            booked = self._fill(day, practitioner, intervals, target, came_today)
            if day > self.today:
                self.booked_ahead += booked
                self.working_ahead += working

    def _fill(
        self,
        day: dt.date,
        practitioner: _Practitioner,
        intervals: list[Interval],
        target: float,
        came_today: set[uuid.UUID],
    ) -> float:
        """Walk the day: book while the booked share of the time walked so far is under
        ``target`` and something fits, else leave 15 to 45 minutes free. Returns the
        booked minutes."""
        offset = (day - self.today).days
        pid = practitioner.user.pk
        booked = walked = 0.0
        for start, end in intervals:
            at = start
            while at + STEP <= end:
                item = None
                if booked <= target * max(walked, 1.0):
                    # A few tries: another patient or treatment may fit where one did not.
                    for _ in range(TRIES):
                        item = self._appointment(practitioner, at, end, offset, came_today)
                        if item is not None:
                            break
                if item is None:
                    gap = STEP * self.rng.choice((1, 1, 2, 3))
                    walked += gap.total_seconds() / 60
                    at += gap
                    continue
                length = (item.blocked_until - at).total_seconds() / 60
                booked += length
                walked += length
                self.busy.add(pid, at, item.blocked_until)
                self.busy.add(item.room.pk, at, item.blocked_until)
                came_today.add(item.patient.pk)
                self.patients.seen.add(item.patient.pk)
                self.planned.append(item)
                at = item.blocked_until
        return booked

    def _appointment(
        self,
        practitioner: _Practitioner,
        at: dt.datetime,
        end: dt.datetime,
        offset: int,
        came: set[uuid.UUID],
    ) -> _Planned | None:
        """An appointment starting ``at`` that fits before ``end``, or ``None``."""
        patient = self.patients.draw(self.rng, offset, came)
        if patient is None:
            return None
        first = patient.pk not in self.patients.seen
        category = FIRST_VISIT.get(practitioner.role) if first else None
        if category is None:
            weights = ROLE_MIX[practitioner.role]
            keys = sorted(weights)
            category = self.rng.choices(keys, weights=[weights[k] for k in keys])[0]
        eligible = [
            s
            for s in self.services.get(category, [])
            if practitioner.role == Role.DOCTOR or not s.requires_consent
        ]
        if not eligible:
            return None
        service = self.rng.choice(eligible)
        until = at + dt.timedelta(minutes=service.duration_minutes + service.buffer_minutes)
        if until > end or not self.busy.free(practitioner.user.pk, at, until):
            return None
        room = next((r for r in self.rooms_of.get(category, []) if self.busy.free(r.pk, at, until)), None)
        if room is None:
            return None
        self.roll = (self.roll + GOLDEN_STEP) % 1.0
        return _Planned(practitioner.user, service, room, patient, at, until, first, self.roll)


def _seed_phones(seed: CalendarSeed) -> set[str]:
    """The phones as the seed writes them (``+66 86 330 9127``), to map to accounts."""
    return {w.phone for w in seed.hours} | {off.phone for off in seed.time_off} | {seed.extra.phone}


def _past_status(item: _Planned) -> str:
    if item.roll < CANCELLED:
        return Status.CANCELLED
    no_show = NO_SHOW_FIRST if item.first_visit else NO_SHOW_RETURNING
    return Status.NO_SHOW if (item.roll - CANCELLED) / (1 - CANCELLED) < no_show else Status.COMPLETED


def _reason(seed: CalendarSeed, item: _Planned, *, late: bool) -> str:
    reasons = seed.late_reasons if late else seed.cancel_reasons
    return reasons[int(item.roll * 1000) % len(reasons)]


def _history_write(clinic: Clinic, actor: User, seed: CalendarSeed, past: list[_Planned]) -> tuple[int, int]:
    """Import the appointments that ended; returns (no-shows, cancellations)."""
    rows = []
    for item in past:
        status = _past_status(item)
        late = item.roll < CANCELLED * LATE_SHARE
        rows.append(
            ImportRow(
                patient=item.patient,
                practitioner=item.practitioner,
                service=item.service,
                starts_at=item.starts_at,
                status=status,
                room=item.room,
                cancel_reason=_reason(seed, item, late=late) if status == Status.CANCELLED else "",
            )
        )
    appointments_import(clinic=clinic, actor=actor, rows=rows)
    return (
        sum(row.status == Status.NO_SHOW for row in rows),
        sum(row.status == Status.CANCELLED for row in rows),
    )


def _upcoming_write(
    clinic: Clinic, actor: User, seed: CalendarSeed, upcoming: list[_Planned], now: dt.datetime
) -> list[_Planned]:
    """Book the appointments ahead, confirm or cancel some; returns the cancelled."""
    cancelled = []
    for item in upcoming:
        appointment = appointment_book(
            clinic=clinic,
            actor=actor,
            patient=item.patient,
            practitioner=item.practitioner,
            service=item.service,
            starts_at=item.starts_at,
            room=item.room,
        )
        soon = item.starts_at - now < SOON
        if item.roll < FUTURE_CANCELLED:
            reason = _reason(seed, item, late=soon)
            appointment_transition(
                appointment=appointment, actor=actor, to_status=Status.CANCELLED, reason=reason
            )
            cancelled.append(item)
        elif item.roll < FUTURE_CANCELLED + (CONFIRMED_SOON if soon else CONFIRMED_LATER):
            appointment_transition(appointment=appointment, actor=actor, to_status=Status.CONFIRMED)
    return cancelled


def calendar_build(
    clinic: Clinic,
    actor: User,
    seed: CalendarSeed,
    staff: Sequence[tuple[str, User]],
    patients: list[ClinicPatient],
    *,
    history_days: int = HISTORY_DAYS,
) -> CalendarSummary:
    """Rooms, hours and appointments of ``clinic`` from ``history_days`` ago to
    ``FUTURE_DAYS`` ahead (local days), written as ``actor`` (the front desk).
    ``staff`` pairs roles and users; those with weekly hours in ``seed`` (keyed by
    phone) take appointments."""
    zone = clinic.zone
    now = timezone.now()
    today = now.astimezone(zone).date()
    rng = random.Random(f"aesthetix-demo-calendar:{clinic.slug}")  # noqa: S311 - demo data
    by_phone = {user.phone: user for _role, user in staff}
    by_phone.update({phone: by_phone[normalize_phone(phone)] for phone in _seed_phones(seed)})
    occupancy = {by_phone[w.phone].pk: w.occupancy for w in seed.hours}
    practitioners = sorted(
        (_Practitioner(user, role, occupancy[user.pk]) for role, user in staff if user.pk in occupancy),
        key=lambda p: (p.role, p.user.phone),
    )
    days = [today + dt.timedelta(days=offset) for offset in range(-history_days, FUTURE_DAYS + 1)]
    with clinic_context(clinic):
        rooms_of = _setup(clinic, actor, seed, by_phone, today)
        ids = [p.user.pk for p in practitioners]
        services: dict[str, list[Service]] = {}
        for service in Service.objects.filter(is_active=True).order_by("name"):
            services.setdefault(service.category, []).append(service)
        planner = _Planner(
            rng=rng,
            hours=hours_load(clinic=clinic, practitioner_ids=ids, date_from=days[0], date_to=days[-1]),
            services=services,
            rooms_of=rooms_of,
            patients=_Patients.build(rng, patients, -history_days),
            busy=_busy_elsewhere(
                ids, now - dt.timedelta(days=history_days + 1), now + dt.timedelta(days=FUTURE_DAYS + 1)
            ),
            busy_days=seed.busy_days,
            today=today,
        )
        for day in days:
            planner.day(day, practitioners)
        past = [item for item in planner.planned if item.blocked_until <= now]
        upcoming = [item for item in planner.planned if item.starts_at >= now + LEAD]
        no_shows, cancelled = _history_write(clinic, actor, seed, past)
        called_off = _upcoming_write(clinic, actor, seed, upcoming, now)
    freed = sum(
        (item.blocked_until - item.starts_at).total_seconds() / 60
        for item in called_off
        if item.starts_at.astimezone(zone).date() > today
    )
    return CalendarSummary(
        rooms=len(seed.rooms),
        practitioners=len(practitioners),
        past=len(past),
        upcoming=len(upcoming),
        no_shows=no_shows,
        cancelled=cancelled + len(called_off),
        occupancy=(planner.booked_ahead - freed) / planner.working_ahead if planner.working_ahead else 0.0,
    )
