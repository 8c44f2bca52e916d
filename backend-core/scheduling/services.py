"""Writes of scheduling. ``appointment_book`` is the one booking path, for the front
desk today and the patient portal later (``source="portal"``).

Double booking: the service checks for overlaps inside its transaction (clear 409s
naming what clashed; on SQLite, whose writers are serialized, that check is the
guarantee) and on PostgreSQL exclusion constraints make the guarantee race-proof: a
concurrent booking that slips past the check fails at INSERT and is reported the same.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Clinic, User
from accounts.selectors import practitioner_get, practitioners_of
from audit.services import audit_event_record
from catalog.models import Service
from core.exceptions import Conflict, ValidationFailed
from core.masking import format_phone
from core.services import model_save
from notifications.services import notification_schedule, notifications_cancel_for_subject
from notifications.templates import format_local_datetime
from outbox.services import outbox_event_record
from patients.models import ClinicPatient
from scheduling.events import (
    APPOINTMENT_CANCELLED,
    APPOINTMENT_CREATED,
    APPOINTMENT_UPDATED,
    AppointmentEventDataSerializer,
)
from scheduling.models import Appointment, Resource, Room, ScheduleException, StaffSchedule
from scheduling.selectors import busy_conflicts, within_working_hours
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
        "starts_at_local": format_local_datetime(
            appointment.starts_at, time_zone=clinic.time_zone, language=language
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
    try:
        with transaction.atomic():
            model_save(appointment)
    except IntegrityError as exc:
        constraint = getattr(getattr(exc.__cause__, "diag", None), "constraint_name", None)
        if constraint in _CONSTRAINT_SUBJECT:
            raise AppointmentConflict([_CONSTRAINT_SUBJECT[constraint]]) from exc
        raise


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
    room and device busy for its buffer after. It must start in the future and fit the
    practitioner's working hours at this clinic.

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
    _check_parts(clinic=clinic, practitioner=practitioner, service=service, room=room, resource=resource)
    ends_at = starts_at + dt.timedelta(minutes=service.duration_minutes)
    blocked_until = ends_at + dt.timedelta(minutes=service.buffer_minutes)
    if not within_working_hours(
        clinic=clinic, practitioner_id=practitioner.pk, starts_at=starts_at, blocked_until=blocked_until
    ):
        raise ValidationFailed(errors={"starts_at": [_("Outside the practitioner's working hours.")]})
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
    ``appointment_book``.

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
    if timezone.is_naive(starts_at):
        raise ValidationFailed(
            errors={"starts_at": [_("Give a time zone offset, e.g. 2026-12-01T09:00:00+07:00.")]}
        )
    if status not in (Status.COMPLETED, Status.NO_SHOW, Status.CANCELLED):
        raise ValidationFailed(errors={"status": [_("Import completed, no-show or cancelled appointments.")]})
    if status != Status.CANCELLED and starts_at > timezone.now():
        raise ValidationFailed(errors={"starts_at": [_("Only a cancelled appointment may lie ahead.")]})
    if status == Status.CANCELLED and not cancel_reason.strip():
        raise ValidationFailed(errors={"cancel_reason": [_("Say why the appointment is cancelled.")]})
    _check_parts(clinic=clinic, practitioner=practitioner, service=service, room=room, resource=None)
    ends_at = starts_at + dt.timedelta(minutes=service.duration_minutes)
    appointment = Appointment(
        clinic=clinic,
        patient=patient,
        practitioner=practitioner,
        service=service,
        room=room,
        starts_at=starts_at,
        ends_at=ends_at,
        blocked_until=ends_at + dt.timedelta(minutes=service.buffer_minutes),
        status=status,
        cancel_reason=cancel_reason.strip() if status == Status.CANCELLED else "",
        booked_by=actor,
    )
    if status == Status.COMPLETED:
        _save_without_overlap(appointment, exclude_self=False)
    else:
        model_save(appointment)
    _audit(appointment, actor, "appointment.imported", starts_at=starts_at.isoformat(), status=status)
    return appointment


@transaction.atomic
def appointment_reschedule(
    *,
    appointment: Appointment,
    actor: User,
    starts_at: dt.datetime,
    practitioner: User | None = None,
    room: Room | None = None,
) -> Appointment:
    """Move a booked or confirmed appointment to ``starts_at`` (and optionally another
    practitioner or room), under the same rules as booking. Raises ``Conflict``
    (``invalid_transition``) for an appointment that already started or ended."""
    locked = (
        Appointment.objects.select_for_update().select_related("service", "clinic").get(pk=appointment.pk)
    )
    if locked.status not in MOVABLE:
        raise Conflict(_("Only a booked or confirmed appointment can be moved."), code="invalid_transition")
    if timezone.is_naive(starts_at) or starts_at <= timezone.now():
        raise ValidationFailed(errors={"starts_at": [_("Give a future time with a time zone offset.")]})
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
    _save_without_overlap(locked, exclude_self=True)
    _reminders_cancel(locked)
    _reminders_schedule(locked)
    _audit(locked, actor, "appointment.rescheduled", starts_at=starts_at.isoformat())
    _event(locked, APPOINTMENT_UPDATED)
    return locked


@transaction.atomic
def appointment_transition(
    *,
    appointment: Appointment,
    actor: User,
    to_status: str,
    reason: str = "",
) -> Appointment:
    """Move an appointment along its state machine (``TRANSITIONS``): confirm, arrive,
    start, complete, cancel (``reason`` required), no-show. After commit it sends
    ``scheduling.signals.appointment_status_changed`` (the EMR opens the visit on
    ``arrived``/``in_progress``). Raises ``Conflict``
    (``invalid_transition``, 409) naming the current and requested states."""
    locked = Appointment.objects.select_for_update().get(pk=appointment.pk)
    if to_status not in TRANSITIONS.get(locked.status, frozenset()):
        raise Conflict(
            _("An appointment that is %(current)s cannot become %(target)s.")
            % {"current": locked.get_status_display().lower(), "target": Status(to_status).label.lower()},
            code="invalid_transition",
        )
    if to_status == Status.CANCELLED and not reason.strip():
        raise ValidationFailed(errors={"reason": [_("Say why the appointment is cancelled.")]})
    locked.status = to_status
    fields = ["status"]
    if to_status == Status.CANCELLED:
        locked.cancel_reason = reason.strip()
        fields.append("cancel_reason")
    model_save(locked, update_fields=fields)
    if to_status not in MOVABLE:  # arrived, cancelled, no-show...: no more reminders
        _reminders_cancel(locked)
    changed = {
        "appointment_id": locked.pk,
        "clinic_id": locked.clinic_id,
        "status": to_status,
        "actor_id": actor.pk,
    }
    transaction.on_commit(lambda: appointment_status_changed.send(sender=Appointment, **changed))
    _audit(locked, actor, f"appointment.{to_status}")
    _event(locked, APPOINTMENT_CANCELLED if to_status == Status.CANCELLED else APPOINTMENT_UPDATED)
    return locked


@transaction.atomic
def room_create(*, clinic: Clinic, actor: User, name: str) -> Room:
    if Room.objects.filter(name__iexact=name.strip()).exists():
        raise ValidationFailed(errors={"name": [_("A room with this name exists.")]})
    room = Room(clinic=clinic, name=name.strip())
    model_save(room)
    return room


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
