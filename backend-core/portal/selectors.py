"""Reads of the patient portal: the public directory of published clinics, a clinic's
public page, free times, and a signed-in patient's own appointments.

Public reads cross clinics on purpose (the directory is global) and return only what
a clinic published: its name, address, hours, active treatments and active
practitioners. A patient's reads are bounded by their identity, never by an id they
typed: another patient's appointment is not found (404)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.models import Clinic, Membership, ProfessionalLicence
from accounts.selectors import practitioners_of
from catalog.models import Service
from core.exceptions import NotFound
from core.tenancy import clinic_context
from portal.models import PortalAccount
from scheduling.models import Appointment, StaffSchedule
from scheduling.selectors import Slot, practitioner_free_slots


def uuid_or_none(value: object) -> uuid.UUID | None:
    """``value`` as a UUID, or ``None`` when it is not one (ids typed into URLs/forms)."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def published_clinics(*, city: str = "", treatment: str = "") -> QuerySet[Clinic]:
    """Active clinics that publish themselves in the portal (``Clinic.portal_published``),
    by name; ``city`` matches the clinic's city or address (case-insensitive part),
    ``treatment`` the name of one of its active treatments."""
    clinics = Clinic.objects.filter(is_active=True, portal_published=True).select_related("organization")
    if city.strip():
        clinics = clinics.filter(Q(city__icontains=city.strip()) | Q(address__icontains=city.strip()))
    if treatment.strip():
        clinics = clinics.filter(
            Exists(
                Service.unscoped.filter(
                    clinic=OuterRef("pk"), is_active=True, name__icontains=treatment.strip()
                )
            )
        )
    return clinics.order_by("name")


def published_clinic_get(*, slug: str) -> Clinic:
    """The published, active clinic of ``slug``; ``NotFound`` otherwise (an unpublished
    clinic is not told apart from one that does not exist)."""
    clinic = published_clinics().filter(slug=slug).first()
    if clinic is None:
        raise NotFound()
    return clinic


@dataclass(frozen=True)
class PublicPractitioner:
    """A practitioner as the public page shows them: name, specialty here, and their
    verified, unexpired licences (council, region, number)."""

    id: uuid.UUID
    name: str
    specialty: str
    licences: tuple[ProfessionalLicence, ...]


@dataclass(frozen=True)
class OpeningHours:
    """One weekday's opening hours: the earliest start and latest end of any
    practitioner's working interval that day (local time), ``None`` when closed."""

    weekday: int  # 0 = Monday
    opens: dt.time | None
    closes: dt.time | None


def clinic_treatments(clinic: Clinic) -> QuerySet[Service]:
    """The clinic's active treatments, by name (price in ``Service.currency``, duration
    in minutes)."""
    with clinic_context(clinic):
        return Service.objects.filter(is_active=True).order_by("name")


def clinic_practitioners(clinic: Clinic) -> list[PublicPractitioner]:
    """The clinic's active practitioners, by name, with only their verified licences that
    have not expired (the licence check's facts: ``accounts.ProfessionalLicence``)."""
    today = clinic.today()
    verified = ProfessionalLicence.objects.filter(status=ProfessionalLicence.Status.VERIFIED).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=today)
    )
    memberships: QuerySet[Membership] = practitioners_of(clinic).prefetch_related(
        Prefetch("user__licences", queryset=verified, to_attr="verified_licences")
    )
    rows = [
        PublicPractitioner(
            id=m.user_id,
            name=m.user.full_name,
            specialty=m.specialty,
            licences=tuple(getattr(m.user, "verified_licences", ())),
        )
        for m in memberships
    ]
    return sorted(rows, key=lambda p: p.name)


def clinic_opening_hours(clinic: Clinic) -> list[OpeningHours]:
    """Monday to Sunday: when the clinic has someone working (its staff's weekly hours)."""
    with clinic_context(clinic):
        intervals = list(
            StaffSchedule.objects.filter(
                practitioner_id__in=practitioners_of(clinic).values("user_id")
            ).values_list("weekday", "start_time", "end_time")
        )
    rows = []
    for weekday in range(7):
        day = [(start, end) for wd, start, end in intervals if wd == weekday]
        rows.append(
            OpeningHours(
                weekday=weekday,
                opens=min((s for s, _e in day), default=None),
                closes=max((e for _s, e in day), default=None),
            )
        )
    return rows


def clinic_free_slots(*, clinic: Clinic, service_id: str, practitioner_id: str, day: dt.date) -> list[Slot]:
    """Free start times on the clinic-local ``day`` for the treatment, for one
    practitioner or anyone (``practitioner_id`` ``""``), from the staff's availability
    service (``scheduling.selectors.practitioner_free_slots``). For "anyone" each start
    time is listed once. Unknown treatment or practitioner ids give no slot."""
    with clinic_context(clinic):
        service = (
            Service.objects.filter(pk=service_id, is_active=True).first()
            if uuid_or_none(service_id)
            else None
        )
        chosen = uuid_or_none(practitioner_id) if practitioner_id else None
        if service is None or (practitioner_id and chosen is None):
            return []
        slots = practitioner_free_slots(
            clinic=clinic, service=service, date_from=day, date_to=day, practitioner_id=chosen
        )
    if chosen is not None:
        return slots
    seen: set[dt.datetime] = set()
    unique = []
    for slot in slots:
        if slot.starts_at not in seen:
            seen.add(slot.starts_at)
            unique.append(slot)
    return unique


def portal_appointments(*, account: PortalAccount) -> tuple[list[Appointment], list[Appointment]]:
    """The patient's appointments at every clinic that registered them through their
    identity: ``(upcoming, past)``; upcoming (not cancelled, ending after now) soonest
    first, past (and cancelled) newest first. A deliberate read across clinics, bounded
    by the account's identity."""
    now = timezone.now()
    rows = list(
        Appointment.unscoped.filter(patient__profile__identity_id=account.identity_id)
        .select_related("clinic", "service", "practitioner")
        .order_by("starts_at")
    )
    upcoming = [a for a in rows if a.ends_at > now and a.status != Appointment.Status.CANCELLED]
    past = [a for a in reversed(rows) if a not in upcoming]
    return upcoming, past


def portal_appointment_get(*, account: PortalAccount, appointment_id: object) -> Appointment:
    """The patient's own appointment of ``appointment_id``; ``NotFound`` for another
    patient's, a malformed or an unknown id alike (no existence oracle)."""
    pk = uuid_or_none(appointment_id)
    appointment = (
        Appointment.unscoped.filter(pk=pk, patient__profile__identity_id=account.identity_id)
        .select_related("clinic", "service", "practitioner")
        .first()
        if pk is not None
        else None
    )
    if appointment is None:
        raise NotFound()
    return appointment
