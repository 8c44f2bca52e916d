"""Writes of scheduling. ``appointment_book`` is the one booking path, for the front
desk today and the patient portal later (``source="portal"``).

Double booking: the service checks for overlaps inside its transaction (clear 409s
naming what clashed; on SQLite, whose writers are serialized, that check is the
guarantee) and on PostgreSQL exclusion constraints make the guarantee race-proof: a
concurrent booking that slips past the check fails at INSERT and is reported the same.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Clinic, Membership, User
from accounts.selectors import membership_active_get, practitioner_get, practitioners_of
from audit.services import audit_event_record
from catalog.models import Service
from core.dates import message_datetime_format
from core.exceptions import Conflict, PermissionDeniedError, ValidationFailed
from core.masking import format_phone
from core.permissions import role_has_permission
from core.services import model_save
from notifications.services import notification_schedule, notifications_cancel_for_subject
from outbox.services import outbox_event_record
from patients.models import ClinicPatient
from scheduling.events import (
    APPOINTMENT_CANCELLED,
    APPOINTMENT_CREATED,
    APPOINTMENT_UPDATED,
    AppointmentEventDataSerializer,
)
from scheduling.models import ACTIVE_STATUSES, Appointment, Resource, Room, ScheduleException, StaffSchedule
from scheduling.selectors import (
    BOOKING_HORIZON_DAYS,
    booking_horizon,
    busy_conflicts,
    resources_busy,
    within_working_hours,
)
from scheduling.signals import appointment_status_changed

Status = Appointment.Status

# The state machine of an appointment: from -> allowed next states.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.BOOKED: frozenset({Status.CONFIRMED, Status.ARRIVED, Status.CANCELLED, Status.NO_SHOW}),
    Status.CONFIRMED: frozenset({Status.ARRIVED, Status.CANCELLED, Status.NO_SHOW}),
    Status.ARRIVED: frozenset({Status.IN_PROGRESS, Status.CANCELLED}),
    Status.IN_PROGRESS: frozenset({Status.COMPLETED}),
    Status.COMPLETED: frozenset(),
    Status.CANCELLED: frozenset(),
    Status.NO_SHOW: frozenset(),
}
MOVABLE = frozenset({Status.BOOKED, Status.CONFIRMED})

# Reminders before each appointment (key -> how long before the start).
REMINDER_OFFSETS: dict[str, dt.timedelta] = {
    "24h": dt.timedelta(hours=24),
    "3h": dt.timedelta(hours=3),
    "1h": dt.timedelta(hours=1),
}
# The patient's preferred channel -> the channel a reminder goes out on (LINE and phone
# calls have no adapter: those patients get an SMS).
REMINDER_CHANNEL = {"sms": "sms", "whatsapp": "whatsapp", "email": "email", "line": "sms", "phone": "sms"}
APPOINTMENT_SUBJECT = "scheduling.Appointment"


def _reminders_schedule(appointment: Appointment) -> int:
    """Schedule the 24 h, 3 h and 1 h reminders still in the future, in the patient's
    channel and language. Idempotent per appointment, start time and offset (dedupe
    keys), so a retried booking or a beat run twice never doubles them."""
    profile = appointment.patient.profile
    clinic = appointment.clinic
    channel = REMINDER_CHANNEL.get(profile.preferred_channel, "sms")
    recipient = profile.email if channel == "email" else profile.phone
    if not recipient:
        channel, recipient = "sms", profile.phone
    if not recipient:  # contact data erased: nobody to remind
        return 0
    language = profile.preferred_language or clinic.locale
    payload = {
        "patient_name": profile.given_name,
        "clinic_name": clinic.name,
        "service_name": appointment.service.name,
        "starts_at_local": message_datetime_format(
            appointment.starts_at, zone=clinic.time_zone, language=language
        ),
        "clinic_phone": format_phone(clinic.phone, region=clinic.country) if clinic.phone else "",
    }
    now = timezone.now()
    count = 0
    for key, before in REMINDER_OFFSETS.items():
        when = appointment.starts_at - before
        if when <= now:
            continue
        notification_schedule(
            clinic=clinic,
            channel=channel,
            recipient=recipient,
            template="appointment.reminder",
            language=language,
            payload=payload,
            scheduled_for=when,
            dedupe_key=f"appointment:{appointment.pk}:{appointment.starts_at.isoformat()}:{key}",
            subject_type=APPOINTMENT_SUBJECT,
            subject_id=str(appointment.pk),
            patient_id=appointment.patient_id,
        )
        count += 1
    return count


def _reminders_cancel(appointment: Appointment) -> None:
    notifications_cancel_for_subject(subject_type=APPOINTMENT_SUBJECT, subject_id=str(appointment.pk))


_CONSTRAINT_SUBJECT = {
    "appointment_practitioner_no_overlap": "practitioner",
    "appointment_room_no_overlap": "room",
    "appointment_resource_no_overlap": "resource",
    "appointment_patient_no_overlap": "patient",
}


class AppointmentConflict(Conflict):
    code = "appointment_conflict"

    def __init__(self, subjects: list[str]) -> None:
        names = {
            "practitioner": _(
                "The practitioner already has an appointment at this time (at this or another clinic)."
            ),
            "room": _("The room is taken at this time."),
            "resource": _("The device is booked at this time."),
            "patient": _("The patient already has an appointment at this time."),
        }
        super().__init__(
            " ".join(names[s] for s in subjects),
            errors={subject: [names[subject]] for subject in subjects},
        )
        self.subjects = subjects


def _event(appointment: Appointment, event_type: str) -> None:
    outbox_event_record(
        clinic_id=appointment.clinic_id,
        type=event_type,
        subject=f"appointment/{appointment.pk}",
        data=AppointmentEventDataSerializer(appointment).data,
    )


def _audit(appointment: Appointment, actor: User | None, action: str, **changes: Any) -> None:
    audit_event_record(
        clinic=appointment.clinic,
        actor=actor,
        action=action,
        object_type="scheduling.Appointment",
        object_id=appointment.pk,
        changes={k: [None, v] for k, v in changes.items()} or None,
    )


def _check_parts(
    *, clinic: Clinic, practitioner: User, service: Service, room: Room | None, resource: Resource | None
) -> None:
    if not practitioners_of(clinic).filter(user=practitioner).exists():
        raise ValidationFailed(errors={"practitioner": [_("Not a practitioner of this clinic.")]})
    if not service.is_active:
        raise ValidationFailed(errors={"service": [_("This service is no longer offered.")]})
    if room is not None and not room.is_active:
        raise ValidationFailed(errors={"room": [_("This room is out of use.")]})
    if resource is not None and not resource.is_active:
        raise ValidationFailed(errors={"resource": [_("This device is out of use.")]})
    if resource is not None and service.device_kind and resource.kind != service.device_kind:
        raise ValidationFailed(errors={"resource": [_("This treatment needs another kind of device.")]})


def _device_assign(
    *,
    clinic: Clinic,
    service: Service,
    chosen: Resource | None,
    starts_at: dt.datetime,
    blocked_until: dt.datetime,
    exclude_id: Any = None,
) -> Resource | None:
    """The device an appointment of ``service`` over ``[starts_at, blocked_until)`` uses:
    ``chosen`` when given (``_save_without_overlap`` then checks that it is free), none
    when the treatment needs no device, else the first free active device of the
    treatment's ``device_kind`` by name. The devices of that kind are locked
    (``SELECT … FOR UPDATE``) so concurrent bookings pick devices one after the other: the
    second sees the first's appointment and takes the next device. Raises
    ``AppointmentConflict`` naming ``resource`` when every device of the kind is busy
    (or the clinic has none)."""
    if chosen is not None or not service.device_kind:
        return chosen
    devices = list(
        Resource.objects.select_for_update()
        .filter(clinic=clinic, kind=service.device_kind, is_active=True)
        .order_by("name", "pk")
    )
    busy = resources_busy(
        resource_ids=[d.pk for d in devices],
        starts_at=starts_at,
        blocked_until=blocked_until,
        exclude_id=exclude_id,
    )
    for device in devices:
        if device.pk not in busy:
            return device
    raise AppointmentConflict(["resource"])


def _constraint_conflict(exc: IntegrityError) -> AppointmentConflict | None:
    """The ``AppointmentConflict`` an exclusion constraint's violation means (``None``
    when another constraint failed)."""
    constraint = getattr(getattr(exc.__cause__, "diag", None), "constraint_name", None)
    if constraint in _CONSTRAINT_SUBJECT:
        return AppointmentConflict([_CONSTRAINT_SUBJECT[constraint]])
    return None


#: SQLSTATE of PostgreSQL's "deadlock detected".
_DEADLOCK_DETECTED = "40P01"
#: Times a write that lost a deadlock over an exclusion constraint is tried again.
_DEADLOCK_RETRIES = 3


def _write_without_overlap(write: Callable[[], object]) -> None:
    """Run ``write`` (inserts or updates of appointments) in a savepoint and turn an
    exclusion constraint's violation into the ``AppointmentConflict`` it means.

    Two transactions inserting overlapping rows at the same moment can each find the
    other's uncommitted row and wait for it: PostgreSQL then ends one of them with
    "deadlock detected" instead of the constraint violation (the exclusion check is not
    atomic with the insert, unlike a B-tree unique check; discussed on pgsql-hackers,
    2015). Only the savepoint is rolled back, so the write is tried again: it now waits
    for the other transaction and meets either its row (409) or a free slot."""
    for attempt in range(_DEADLOCK_RETRIES + 1):
        try:
            with transaction.atomic():
                write()
            return
        except OperationalError as exc:
            lost_deadlock = getattr(exc.__cause__, "sqlstate", None) == _DEADLOCK_DETECTED
            if not lost_deadlock or attempt == _DEADLOCK_RETRIES:
                raise
        except IntegrityError as exc:
            conflict = _constraint_conflict(exc)
            if conflict is None:
                raise
            raise conflict from exc


def _save_without_overlap(appointment: Appointment, *, exclude_self: bool) -> None:
    clashes = busy_conflicts(
        starts_at=appointment.starts_at,
        blocked_until=appointment.blocked_until,
        practitioner_id=appointment.practitioner_id,
        patient_id=appointment.patient_id,
        room_id=appointment.room_id,
        resource_id=appointment.resource_id,
        exclude_id=appointment.pk if exclude_self else None,
    )
    if clashes:
        raise AppointmentConflict(clashes)
    _write_without_overlap(lambda: model_save(appointment))


def _horizon_check(clinic: Clinic, starts_at: dt.datetime) -> None:
    """400 naming ``starts_at`` for a day after the booking horizon (the last day free
    times are offered for: ``scheduling.selectors.booking_horizon``)."""
    if clinic.date_at(starts_at) > booking_horizon(clinic=clinic, now=timezone.now()):
        raise ValidationFailed(
            errors={"starts_at": [_("Book at most %(days)d days ahead.") % {"days": BOOKING_HORIZON_DAYS}]}
        )


@transaction.atomic
def appointment_book(
    *,
    clinic: Clinic,
    actor: User | None,
    patient: ClinicPatient,
    practitioner: User,
    service: Service,
    starts_at: dt.datetime,
    room: Room | None = None,
    resource: Resource | None = None,
    notes: str = "",
    source: str = Appointment.Source.STAFF,
) -> Appointment:
    """Book ``patient`` with ``practitioner`` for ``service`` at ``starts_at`` (an aware
    instant). The appointment lasts the service's duration and keeps the practitioner,
    room and device busy for its buffer after. It must start in the future, on a day no
    later than the booking horizon (``BOOKING_HORIZON_DAYS`` after the clinic's today),
    and fit the practitioner's working hours at this clinic. A treatment with a ``device_kind`` gets
    ``resource`` (which must be of that kind) or, when none is given, the first free
    active device of the kind (``_device_assign``).

    Raises ``ValidationFailed`` (field named) and ``AppointmentConflict`` (409, naming
    practitioner / room / resource / patient). Schedules the 24 h / 3 h / 1 h reminders
    (those still ahead), publishes ``appointment.created`` to the clinic's live calendar
    after commit and audits ``appointment.booked``.
    """
    if timezone.is_naive(starts_at):
        raise ValidationFailed(
            errors={"starts_at": [_("Give a time zone offset, e.g. 2026-12-01T09:00:00+07:00.")]}
        )
    if starts_at <= timezone.now():
        raise ValidationFailed(errors={"starts_at": [_("Book a time in the future.")]})
    _horizon_check(clinic, starts_at)
    _check_parts(clinic=clinic, practitioner=practitioner, service=service, room=room, resource=resource)
    ends_at = starts_at + dt.timedelta(minutes=service.duration_minutes)
    blocked_until = ends_at + dt.timedelta(minutes=service.buffer_minutes)
    if not within_working_hours(
        clinic=clinic, practitioner_id=practitioner.pk, starts_at=starts_at, blocked_until=blocked_until
    ):
        raise ValidationFailed(errors={"starts_at": [_("Outside the practitioner's working hours.")]})
    resource = _device_assign(
        clinic=clinic, service=service, chosen=resource, starts_at=starts_at, blocked_until=blocked_until
    )
    appointment = Appointment(
        clinic=clinic,
        patient=patient,
        practitioner=practitioner,
        service=service,
        room=room,
        resource=resource,
        starts_at=starts_at,
        ends_at=ends_at,
        blocked_until=blocked_until,
        notes=notes,
        source=source,
        booked_by=actor,
    )
    _save_without_overlap(appointment, exclude_self=False)
    _reminders_schedule(appointment)
    _audit(appointment, actor, "appointment.booked", starts_at=starts_at.isoformat())
    _event(appointment, APPOINTMENT_CREATED)
    return appointment


@dataclass(frozen=True)
class ImportRow:
    """One appointment of the history ``appointments_import`` records (the arguments of
    ``appointment_import``, whose docstring gives the rules)."""

    patient: ClinicPatient
    practitioner: User
    service: Service
    starts_at: dt.datetime
    status: str
    room: Room | None = None
    cancel_reason: str = ""


def _import_row_build(clinic: Clinic, actor: User | None, row: ImportRow) -> Appointment:
    """The unsaved appointment of an imported ``row``, its fields checked (not yet its
    overlaps nor its practitioner, service and room: ``_check_parts``)."""
    if timezone.is_naive(row.starts_at):
        raise ValidationFailed(
            errors={"starts_at": [_("Give a time zone offset, e.g. 2026-12-01T09:00:00+07:00.")]}
        )
    if row.status not in (Status.COMPLETED, Status.NO_SHOW, Status.CANCELLED):
        raise ValidationFailed(errors={"status": [_("Import completed, no-show or cancelled appointments.")]})
    if row.status != Status.CANCELLED and row.starts_at > timezone.now():
        raise ValidationFailed(errors={"starts_at": [_("Only a cancelled appointment may lie ahead.")]})
    if row.status == Status.CANCELLED and not row.cancel_reason.strip():
        raise ValidationFailed(errors={"cancel_reason": [_("Say why the appointment is cancelled.")]})
    ends_at = row.starts_at + dt.timedelta(minutes=row.service.duration_minutes)
    return Appointment(
        clinic=clinic,
        patient=row.patient,
        practitioner=row.practitioner,
        service=row.service,
        room=row.room,
        starts_at=row.starts_at,
        ends_at=ends_at,
        blocked_until=ends_at + dt.timedelta(minutes=row.service.buffer_minutes),
        status=row.status,
        cancel_reason=row.cancel_reason.strip() if row.status == Status.CANCELLED else "",
        booked_by=actor,
    )


def _import_audit(appointment: Appointment, actor: User | None) -> None:
    _audit(
        appointment,
        actor,
        "appointment.imported",
        starts_at=appointment.starts_at.isoformat(),
        status=appointment.status,
    )


@transaction.atomic
def appointment_import(
    *,
    clinic: Clinic,
    actor: User | None,
    patient: ClinicPatient,
    practitioner: User,
    service: Service,
    starts_at: dt.datetime,
    status: str,
    room: Room | None = None,
    cancel_reason: str = "",
) -> Appointment:
    """Record an appointment that already happened (or was called off), for migrating
    history from another system and for demo data; the front desk books through
    ``appointment_book``. Many at once: ``appointments_import``.

    ``starts_at`` is an aware instant, in the past unless ``status`` is ``cancelled``;
    ``status`` is final: ``completed``, ``no_show`` or ``cancelled`` (then
    ``cancel_reason`` is required). Duration and buffer come from the service, as in
    booking. Working hours are not checked (old schedules are not imported) and no
    reminders are scheduled. A completed appointment is active, so it obeys the
    booking's overlap rule (practitioner at any clinic, room, patient) and raises
    ``AppointmentConflict`` (409); no-shows and cancellations block nothing, like the
    database's exclusion constraints. Raises ``ValidationFailed`` (field named)
    otherwise. Audits ``appointment.imported``; publishes no live-calendar event.
    """
    row = ImportRow(patient, practitioner, service, starts_at, status, room, cancel_reason)
    appointment = _import_row_build(clinic, actor, row)
    _check_parts(clinic=clinic, practitioner=practitioner, service=service, room=room, resource=None)
    if status == Status.COMPLETED:
        _save_without_overlap(appointment, exclude_self=False)
    else:
        model_save(appointment)
    _import_audit(appointment, actor)
    return appointment


class _Busy:
    """Non-overlapping busy intervals per key (``("practitioner", id)`` …), sorted by
    start, so one overlap check is a binary search."""

    def __init__(self) -> None:
        self._starts: dict[tuple[str, Any], list[dt.datetime]] = {}
        self._ends: dict[tuple[str, Any], list[dt.datetime]] = {}

    def clashes(self, key: tuple[str, Any], start: dt.datetime, end: dt.datetime) -> bool:
        starts, ends = self._starts.get(key, []), self._ends.get(key, [])
        at = bisect.bisect_left(starts, end)  # the intervals starting before ``end``
        return at > 0 and ends[at - 1] > start

    def add(self, key: tuple[str, Any], start: dt.datetime, end: dt.datetime) -> None:
        starts, ends = self._starts.setdefault(key, []), self._ends.setdefault(key, [])
        at = bisect.bisect_left(starts, start)
        starts.insert(at, start)
        ends.insert(at, end)


def _import_keys(appointment: Appointment) -> dict[str, tuple[str, Any]]:
    keys = {
        "practitioner": ("practitioner", appointment.practitioner_id),
        "patient": ("patient", appointment.patient_id),
    }
    if appointment.room_id is not None:
        keys["room"] = ("room", appointment.room_id)
    return keys


def _import_parts_check(clinic: Clinic, rows: Sequence[ImportRow]) -> None:
    """``_check_parts`` once per practitioner, service and room the rows name."""
    checked: set[tuple[Any, ...]] = set()
    for row in rows:
        parts = (row.practitioner.pk, row.service.pk, row.room.pk if row.room else None)
        if parts not in checked:
            _check_parts(
                clinic=clinic,
                practitioner=row.practitioner,
                service=row.service,
                room=row.room,
                resource=None,
            )
            checked.add(parts)


def _import_overlaps_check(active: list[Appointment]) -> None:
    """Raise ``AppointmentConflict`` when an ``active`` row overlaps a stored active
    appointment (read once, for the rows' span) or an earlier row."""
    if not active:
        return
    busy = _Busy()
    stored = Appointment.unscoped.filter(
        Q(practitioner_id__in={a.practitioner_id for a in active})
        | Q(patient_id__in={a.patient_id for a in active})
        | Q(room_id__in={a.room_id for a in active if a.room_id is not None}),
        status__in=ACTIVE_STATUSES,
        starts_at__lt=max(a.blocked_until for a in active),
        blocked_until__gt=min(a.starts_at for a in active),
    ).only("practitioner_id", "patient_id", "room_id", "starts_at", "blocked_until")
    for appointment in stored:
        for key in _import_keys(appointment).values():
            busy.add(key, appointment.starts_at, appointment.blocked_until)
    for appointment in active:
        keys = _import_keys(appointment)
        start, end = appointment.starts_at, appointment.blocked_until
        clashes = [name for name, key in keys.items() if busy.clashes(key, start, end)]
        if clashes:
            raise AppointmentConflict(clashes)
        for key in keys.values():
            busy.add(key, start, end)


@transaction.atomic
def appointments_import(*, clinic: Clinic, actor: User | None, rows: Sequence[ImportRow]) -> int:
    """Record many past appointments at once (a migration's or the demo's history):
    each row under ``appointment_import``'s rules, all or nothing; returns how many.

    The overlap rule is checked against the active appointments already stored (the
    practitioners' at any clinic, read once for the rows' time span) and between the
    rows themselves; a clash raises ``AppointmentConflict`` naming what clashed, a bad
    row ``ValidationFailed``; on PostgreSQL the exclusion constraints stay the
    guarantee. The rows are inserted in batches and each gets its
    ``appointment.imported`` audit event, as one by one; no reminders, no live events.
    """
    appointments = [_import_row_build(clinic, actor, row) for row in rows]
    _import_parts_check(clinic, rows)
    _import_overlaps_check([a for a in appointments if a.status == Status.COMPLETED])
    _write_without_overlap(lambda: Appointment.unscoped.bulk_create(appointments, batch_size=500))
    for appointment in appointments:
        _import_audit(appointment, actor)
    return len(appointments)


@transaction.atomic
def appointment_reschedule(
    *,
    appointment: Appointment,
    actor: User | None,
    starts_at: dt.datetime,
    practitioner: User | None = None,
    room: Room | None = None,
) -> Appointment:
    """Move a booked or confirmed appointment to ``starts_at`` (and optionally another
    practitioner or room), under the same rules as booking. The appointment keeps its
    device when that is free at the new time; otherwise a treatment that needs a device
    gets another free one of its kind (409 naming ``resource`` when none is). Raises
    ``Conflict`` (``invalid_transition``) for an appointment that already started or
    ended. ``actor`` ``None``: the patient, in the portal (``portal``)."""
    locked = (
        Appointment.objects.select_for_update(of=("self",))
        .select_related("service", "clinic")
        .get(pk=appointment.pk)
    )
    if locked.status not in MOVABLE:
        raise Conflict(_("Only a booked or confirmed appointment can be moved."), code="invalid_transition")
    if timezone.is_naive(starts_at) or starts_at <= timezone.now():
        raise ValidationFailed(errors={"starts_at": [_("Give a future time with a time zone offset.")]})
    _horizon_check(locked.clinic, starts_at)
    practitioner = practitioner or locked.practitioner
    _check_parts(
        clinic=locked.clinic, practitioner=practitioner, service=locked.service, room=room, resource=None
    )
    length = locked.ends_at - locked.starts_at
    buffer = locked.blocked_until - locked.ends_at
    locked.starts_at, locked.ends_at = starts_at, starts_at + length
    locked.blocked_until = locked.ends_at + buffer
    locked.practitioner, locked.room = practitioner, room if room is not None else locked.room
    if not within_working_hours(
        clinic=locked.clinic,
        practitioner_id=practitioner.pk,
        starts_at=starts_at,
        blocked_until=locked.blocked_until,
    ):
        raise ValidationFailed(errors={"starts_at": [_("Outside the practitioner's working hours.")]})
    # A device the treatment needs may be swapped for a free one of its kind; one chosen
    # for a treatment that needs none stays, and a clash is the 409 below.
    kept = locked.resource
    if kept is not None and locked.service.device_kind:
        busy = resources_busy(
            resource_ids=[kept.pk],
            starts_at=starts_at,
            blocked_until=locked.blocked_until,
            exclude_id=locked.pk,
        )
        kept = None if kept.pk in busy else kept
    locked.resource = _device_assign(
        clinic=locked.clinic,
        service=locked.service,
        chosen=kept,
        starts_at=starts_at,
        blocked_until=locked.blocked_until,
        exclude_id=locked.pk,
    )
    _save_without_overlap(locked, exclude_self=True)
    _reminders_cancel(locked)
    _reminders_schedule(locked)
    _audit(locked, actor, "appointment.rescheduled", starts_at=starts_at.isoformat())
    _event(locked, APPOINTMENT_UPDATED)
    return locked


def _local_moment(instant: dt.datetime, clinic: Clinic) -> str:
    """``instant`` as the reader of a refusal sees it: the clinic's wall clock, in the
    request's language (the clinic's outside a request)."""
    return message_datetime_format(
        instant, zone=clinic.time_zone, language=translation.get_language() or clinic.locale
    )


def appointment_checkin_opens_at(appointment: Appointment, clinic: Clinic) -> dt.datetime:
    """The first instant (aware) the patient can be checked in: the clinic's
    ``checkin_opens_minutes_before`` the start, but never before local midnight of the
    appointment's clinic-local day."""
    day_starts = dt.datetime.combine(clinic.date_at(appointment.starts_at), dt.time(0), tzinfo=clinic.zone)
    early = appointment.starts_at - dt.timedelta(minutes=clinic.checkin_opens_minutes_before)
    return max(early, day_starts)


def appointment_is_late_cancellation(appointment: Appointment, clinic: Clinic, now: dt.datetime) -> bool:
    """True when cancelling at ``now`` is within the clinic's ``late_cancellation_hours``
    of the start (or after it)."""
    return appointment.starts_at - now < dt.timedelta(hours=clinic.late_cancellation_hours)


def _actor_may(actor: User | None, clinic: Clinic, permission: str) -> bool:
    """The actor's role here holds ``permission``; the system (``None``) may anything."""
    if actor is None:
        return True
    membership = membership_active_get(user_id=actor.pk, clinic_id=clinic.pk)
    return membership is not None and role_has_permission(membership.role, permission)


def _transition_check(locked: Appointment, *, actor: User | None, to_status: str, now: dt.datetime) -> None:
    """The front desk's rules on top of the state machine (issue 15): check-in only on
    the appointment's clinic-local day, from ``Clinic.checkin_opens_minutes_before``;
    no-show only once the start has passed; cancelling after check-in needs
    ``calendar.cancel_after_arrival``. Raises ``Conflict`` (409) with a code saying which
    rule, or ``PermissionDeniedError`` (403)."""
    clinic = locked.clinic
    if to_status == Status.ARRIVED:
        if clinic.date_at(now) > clinic.date_at(locked.starts_at):
            raise Conflict(
                _("Check-in has closed: the appointment was on %(day)s.")
                % {"day": _local_moment(locked.starts_at, clinic)},
                code="checkin_closed",
            )
        opens = appointment_checkin_opens_at(locked, clinic)
        if now < opens:
            raise Conflict(
                _("Check-in opens on the appointment's day, from %(opens)s.")
                % {"opens": _local_moment(opens, clinic)},
                code="checkin_not_open",
            )
    if to_status == Status.NO_SHOW and now < locked.starts_at:
        raise Conflict(
            _("A no-show can be recorded only after the start time (%(starts)s).")
            % {"starts": _local_moment(locked.starts_at, clinic)},
            code="no_show_before_start",
        )
    if (
        to_status == Status.CANCELLED
        and locked.status not in MOVABLE
        and not _actor_may(actor, clinic, "calendar.cancel_after_arrival")
    ):
        raise PermissionDeniedError(
            _("The patient has checked in: only a manager can cancel this appointment now.")
        )


def _transition_apply(locked: Appointment, *, actor: User | None, to_status: str, reason: str = "") -> None:
    """Store the new state (cancellation: reason, who, when, late or not), stop the
    reminders once the appointment cannot move any more, announce the change to other
    contexts after commit (``appointment_status_changed``), audit it and publish it to
    the clinic's live screens."""
    locked.status = to_status
    fields = ["status"]
    if to_status == Status.CANCELLED:
        now = timezone.now()
        locked.cancel_reason = reason.strip()
        locked.cancelled_at, locked.cancelled_by = now, actor
        locked.late_cancellation = appointment_is_late_cancellation(locked, locked.clinic, now)
        fields += ["cancel_reason", "cancelled_at", "cancelled_by", "late_cancellation"]
    model_save(locked, update_fields=fields)
    if to_status not in MOVABLE:  # arrived, cancelled, no-show...: no more reminders
        _reminders_cancel(locked)
    changed = {
        "appointment_id": locked.pk,
        "clinic_id": locked.clinic_id,
        "status": to_status,
        "actor_id": actor.pk if actor else None,
    }
    transaction.on_commit(lambda: appointment_status_changed.send(sender=Appointment, **changed))
    extra = {"late_cancellation": locked.late_cancellation} if to_status == Status.CANCELLED else {}
    _audit(locked, actor, f"appointment.{to_status}", **extra)
    _event(locked, APPOINTMENT_CANCELLED if to_status == Status.CANCELLED else APPOINTMENT_UPDATED)


@transaction.atomic
def appointment_transition(
    *,
    appointment: Appointment,
    actor: User | None,
    to_status: str,
    reason: str = "",
) -> Appointment:
    """Move an appointment along its state machine (``TRANSITIONS``): confirm, arrive,
    start, complete, cancel (``reason`` required), no-show; ``actor`` ``None`` is the
    system. The front desk's rules apply (``_transition_check``):

    - arrive: only on the appointment's clinic-local day, from
      ``Clinic.checkin_opens_minutes_before`` minutes before the start: ``Conflict``
      ``checkin_not_open`` / ``checkin_closed``;
    - no-show: only once the start has passed: ``Conflict`` ``no_show_before_start``;
    - cancel: a booked or confirmed appointment by the front desk; an arrived one needs
      ``calendar.cancel_after_arrival`` (``PermissionDeniedError``, 403). Records who
      cancelled, when, and ``late_cancellation`` when less than
      ``Clinic.late_cancellation_hours`` before the start.

    Raises ``Conflict`` (``invalid_transition``, 409) naming the current and requested
    states, ``ValidationFailed`` naming ``reason``. After commit it sends
    ``scheduling.signals.appointment_status_changed`` (the EMR opens the visit on
    ``arrived``/``in_progress``); publishes ``appointment.updated`` (``cancelled``)."""
    locked = (
        Appointment.objects.select_for_update(of=("self",)).select_related("clinic").get(pk=appointment.pk)
    )
    if to_status not in TRANSITIONS.get(locked.status, frozenset()):
        raise Conflict(
            _("An appointment that is %(current)s cannot become %(target)s.")
            % {"current": locked.get_status_display().lower(), "target": Status(to_status).label.lower()},
            code="invalid_transition",
        )
    if to_status == Status.CANCELLED and not reason.strip():
        raise ValidationFailed(errors={"reason": [_("Say why the appointment is cancelled.")]})
    _transition_check(locked, actor=actor, to_status=to_status, now=timezone.now())
    _transition_apply(locked, actor=actor, to_status=to_status, reason=reason)
    return locked


# The way from each state to where a treatment session takes the appointment.
_VISIT_PATHS: dict[str, dict[str, tuple[str, ...]]] = {
    Status.IN_PROGRESS: {
        Status.BOOKED: (Status.ARRIVED, Status.IN_PROGRESS),
        Status.CONFIRMED: (Status.ARRIVED, Status.IN_PROGRESS),
        Status.ARRIVED: (Status.IN_PROGRESS,),
    },
    Status.COMPLETED: {
        Status.BOOKED: (Status.ARRIVED, Status.IN_PROGRESS, Status.COMPLETED),
        Status.CONFIRMED: (Status.ARRIVED, Status.IN_PROGRESS, Status.COMPLETED),
        Status.ARRIVED: (Status.IN_PROGRESS, Status.COMPLETED),
        Status.IN_PROGRESS: (Status.COMPLETED,),
    },
}


@transaction.atomic
def appointment_follow_visit(*, appointment: Appointment, actor: User | None, to_status: str) -> Appointment:
    """Bring the appointment to where its visit is: ``in_progress`` when a treatment
    session of it starts, ``completed`` when one completes. The session is the evidence
    that the patient is here, so the front desk's timing rules do not apply; each step
    on the way (arrived, in progress, completed) is stored, audited and published live
    like a front-desk change. An appointment already there, further on, or ended
    (cancelled, no-show) is left as it is. ``to_status`` is ``in_progress`` or
    ``completed``; anything else raises ``ValueError`` (a programming error)."""
    if to_status not in _VISIT_PATHS:
        raise ValueError(f"a visit does not take an appointment to {to_status!r}")
    locked = (
        Appointment.objects.select_for_update(of=("self",)).select_related("clinic").get(pk=appointment.pk)
    )
    for step in _VISIT_PATHS[to_status].get(locked.status, ()):
        _transition_apply(locked, actor=actor, to_status=step)
    return locked


@transaction.atomic
def _check_room_name_free(*, name: str, exclude_pk: Any = None) -> str:
    name = name.strip()
    if not name:
        raise ValidationFailed(errors={"name": [_("Give the room a name.")]})
    clash = Room.objects.filter(name__iexact=name)
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationFailed(errors={"name": [_("A room with this name exists.")]})
    return name


def _room_audit(room: Room, actor: User, action: str, **changes: tuple[Any, Any]) -> None:
    audit_event_record(
        clinic=room.clinic,
        actor=actor,
        action=action,
        object_type="scheduling.Room",
        object_id=room.pk,
        changes={k: list(v) for k, v in changes.items()} or None,
    )


@transaction.atomic
def room_create(*, clinic: Clinic, actor: User, name: str) -> Room:
    """Add a treatment room to the clinic. Raises ``ValidationFailed`` on ``name``
    (blank, or the name of another room of the clinic, case-insensitive). Audits
    ``room.created``."""
    room = Room(clinic=clinic, name=_check_room_name_free(name=name))
    model_save(room)
    _room_audit(room, actor, "room.created", name=(None, room.name))
    return room


@transaction.atomic
def room_update(*, room: Room, actor: User, name: str | None = None, is_active: bool | None = None) -> Room:
    """Rename a room, or take it out of (or back into) use; the arguments left ``None``
    stay. A room out of use cannot be booked; appointments already in it keep it (the
    front desk moves them). Raises ``ValidationFailed`` on ``name`` as ``room_create``.
    Audits ``room.updated`` with the old and new values; a call that changes nothing
    records nothing."""
    locked = Room.objects.select_for_update().get(pk=room.pk)
    changes: dict[str, tuple[Any, Any]] = {}
    if name is not None:
        name = _check_room_name_free(name=name, exclude_pk=locked.pk)
        if name != locked.name:
            changes["name"] = (locked.name, name)
            locked.name = name
    if is_active is not None and is_active != locked.is_active:
        changes["is_active"] = (locked.is_active, is_active)
        locked.is_active = is_active
    if changes:
        model_save(locked, update_fields=list(changes))
        _room_audit(locked, actor, "room.updated", **changes)
    return locked


def _check_resource_name_free(*, name: str, exclude_pk: Any = None) -> str:
    name = name.strip()
    if not name:
        raise ValidationFailed(errors={"name": [_("Give the device a name.")]})
    clash = Resource.objects.filter(name__iexact=name)
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationFailed(errors={"name": [_("A device with this name exists.")]})
    return name


def _resource_audit(resource: Resource, actor: User, action: str, **changes: Any) -> None:
    audit_event_record(
        clinic=resource.clinic,
        actor=actor,
        action=action,
        object_type="scheduling.Resource",
        object_id=resource.pk,
        changes={k: list(v) for k, v in changes.items()} or None,
    )


@transaction.atomic
def resource_create(*, clinic: Clinic, actor: User, name: str, kind: str) -> Resource:
    """Add a bookable device of ``kind`` (``catalog.models.DeviceKind``) to the clinic.
    Raises ``ValidationFailed`` on ``name`` (blank, or the name of another device of the
    clinic, case-insensitive). Audits ``resource.created``."""
    resource = Resource(clinic=clinic, name=_check_resource_name_free(name=name), kind=kind)
    model_save(resource)
    _resource_audit(resource, actor, "resource.created", name=(None, resource.name), kind=(None, kind))
    return resource


@transaction.atomic
def resource_update(
    *,
    resource: Resource,
    actor: User,
    name: str | None = None,
    kind: str | None = None,
    is_active: bool | None = None,
) -> Resource:
    """Rename a device, change its kind, or take it out of (or back into) use; the
    arguments left ``None`` stay. Appointments already booked keep the device (the front
    desk moves them). Raises ``ValidationFailed`` on ``name`` as ``resource_create``.
    Audits ``resource.updated`` with the old and new values."""
    locked = Resource.objects.select_for_update().get(pk=resource.pk)
    changes: dict[str, tuple[Any, Any]] = {}
    if name is not None:
        name = _check_resource_name_free(name=name, exclude_pk=locked.pk)
        changes["name"] = (locked.name, name)
        locked.name = name
    if kind is not None:
        changes["kind"] = (locked.kind, kind)
        locked.kind = kind
    if is_active is not None:
        changes["is_active"] = (locked.is_active, is_active)
        locked.is_active = is_active
    if changes:
        model_save(locked, update_fields=list(changes))
        _resource_audit(locked, actor, "resource.updated", **changes)
    return locked


@transaction.atomic
def resource_remove(*, resource: Resource, actor: User) -> Resource | None:
    """Remove a device: deleted when no appointment ever used it (returns ``None``),
    otherwise deactivated so the calendar's history keeps naming it (returns the
    device, ``is_active`` false). Audits ``resource.deleted`` or ``resource.updated``."""
    if Appointment.unscoped.filter(resource_id=resource.pk).exists():
        return resource_update(resource=resource, actor=actor, is_active=False)
    _resource_audit(resource, actor, "resource.deleted", name=(resource.name, None))
    resource.delete()
    return None


@transaction.atomic
def staff_schedule_add(
    *, clinic: Clinic, actor: User, practitioner_id: Any, weekday: int, start_time: dt.time, end_time: dt.time
) -> StaffSchedule:
    """Add a weekly working interval (local time) for a practitioner of the clinic; it
    may not overlap another interval of the same weekday."""
    practitioner = practitioner_get(clinic=clinic, practitioner_id=practitioner_id)
    overlapping = StaffSchedule.objects.filter(
        practitioner=practitioner, weekday=weekday, start_time__lt=end_time, end_time__gt=start_time
    )
    if overlapping.exists():
        raise ValidationFailed(errors={"start_time": [_("Overlaps another interval of that day.")]})
    schedule = StaffSchedule(
        clinic=clinic, practitioner=practitioner, weekday=weekday, start_time=start_time, end_time=end_time
    )
    model_save(schedule)
    return schedule


@transaction.atomic
def staff_schedule_week_replace(
    *,
    clinic: Clinic,
    actor: User,
    practitioner_id: Any,
    windows: Sequence[tuple[int, dt.time, dt.time]],
) -> list[StaffSchedule]:
    """Replace a practitioner's weekly working hours at ``clinic`` with ``windows``, all
    or nothing: ``(weekday, start, end)`` in the clinic's local time, weekday 0 = Monday
    … 6 = Sunday, each ending after it starts (the serializer checks). Windows of one day
    may touch (a break is two windows) but not overlap: ``ValidationFailed`` naming the
    later one, ``windows.<i>.start_time`` (``i`` its position in ``windows``). A
    practitioner who does not work at the clinic is unknown (``practitioner_get``: 400
    naming ``practitioner_id``, as for any id that does not exist).
    Appointments already booked stay where they are: the front desk sees them and
    reschedules. Returns the new rows by weekday and start."""
    practitioner = practitioner_get(clinic=clinic, practitioner_id=practitioner_id)
    errors: dict[str, list[str]] = {}
    by_start = sorted(range(len(windows)), key=lambda i: (windows[i][0], windows[i][1]))
    for before, after in itertools.pairwise(by_start):
        if windows[before][0] == windows[after][0] and windows[after][1] < windows[before][2]:
            errors[f"windows.{after}.start_time"] = [_("Overlaps another interval of that day.")]
    if errors:
        raise ValidationFailed(errors=errors)
    # Two saves of the same week in flight end as one of them, never a mix of both: they
    # queue on the practitioner's membership row (the rows themselves are replaced, so
    # locking them would not stop the second save from missing the first one's inserts).
    list(Membership.objects.select_for_update().filter(clinic=clinic, user=practitioner).values_list("pk"))
    StaffSchedule.objects.filter(clinic=clinic, practitioner=practitioner).delete()
    rows = [
        StaffSchedule(clinic=clinic, practitioner=practitioner, weekday=day, start_time=start, end_time=end)
        for day, start, end in sorted(windows)
    ]
    StaffSchedule.objects.bulk_create(rows)
    return rows


@transaction.atomic
def staff_schedule_delete(*, schedule: StaffSchedule, actor: User) -> None:
    """Remove a weekly working interval. Appointments already booked in it stay: the
    front desk sees them and reschedules."""
    schedule.delete()


@transaction.atomic
def schedule_exception_add(
    *,
    clinic: Clinic,
    actor: User,
    practitioner_id: Any,
    date: dt.date,
    kind: str,
    start_time: dt.time | None = None,
    end_time: dt.time | None = None,
    reason: str = "",
) -> ScheduleException:
    """Record time off (whole day without times) or extra hours on one date. Existing
    appointments are not moved: the front desk sees them and reschedules."""
    exception = ScheduleException(
        clinic=clinic,
        practitioner=practitioner_get(clinic=clinic, practitioner_id=practitioner_id),
        date=date,
        kind=kind,
        start_time=start_time,
        end_time=end_time,
        reason=reason,
    )
    model_save(exception)
    return exception


@transaction.atomic
def schedule_exception_delete(*, exception: ScheduleException, actor: User) -> None:
    """Remove a dated time off or extra hours. Appointments already booked stay."""
    exception.delete()


@transaction.atomic
def appointments_erase_free_text(*, patients: list[ClinicPatient]) -> list[str]:
    """Clear the free text of every appointment of ``patients`` (one person's charts at the
    clinics of one organization): the booking notes and the cancellation reason, which
    staff write freely and which may name the person, their phone or their condition.
    The appointments themselves stay (who was seen when is part of the retained record
    and of the practitioners' history). Returns the ids (text) of all the person's
    appointments, so the caller can reach what refers to them (reminders).

    Used by a data-subject erasure (LGPD Art. 18 VI; PDPA s33). Crosses clinics
    deliberately, limited to the given charts."""
    appointments = Appointment.unscoped.filter(patient__in=patients)
    appointments.exclude(notes="", cancel_reason="").update(
        notes="", cancel_reason="", updated_at=timezone.now()
    )
    return [str(pk) for pk in appointments.values_list("pk", flat=True)]
