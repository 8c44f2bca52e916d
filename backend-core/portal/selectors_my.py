"""Reads of a signed-in patient's own records in the portal: the clinics that hold a chart
of theirs, free times to move an appointment to, consents, data-subject requests,
copies of their data, course balances and invoices.

Every read is bounded by the account's identity (``PatientProfile.identity``), never by
an id typed into a URL alone: another patient's chart, invoice or export is not found
(``NotFound``, a 404), exactly like an unknown or malformed id. Reads of a clinic's
records go through that clinic's context and its apps' selectors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import BooleanField, ExpressionWrapper, Q

from commerce.models import CourseBalance, Invoice
from commerce.selectors import course_balance_list, invoice_list
from compliance.models import DataSubjectRequest
from core.exceptions import NotFound
from core.tenancy import clinic_context
from patients.models import ClinicPatient, Consent, ConsentPurpose
from patients.selectors import consent_current_map, consent_texts_current
from portal.models import PortalAccount
from portal.selectors import uuid_or_none
from scheduling.models import Appointment
from scheduling.selectors import Slot, practitioner_free_slots

#: The purposes a patient changes on "My data" (marketing, photographs, data sharing);
#: the treatment consent is given per treatment, when booking.
MY_DATA_PURPOSES = (
    ConsentPurpose.MARKETING_MESSAGES,
    ConsentPurpose.MARKETING_PHOTOS,
    ConsentPurpose.CLINICAL_PHOTOS,
    ConsentPurpose.DATA_SHARING,
)


def portal_charts(*, account: PortalAccount) -> list[ClinicPatient]:
    """The charts of the person at every active clinic that registered them through their
    identity, by clinic name (a deliberate read across clinics, bounded by the identity)."""
    return list(
        ClinicPatient.unscoped.filter(profile__identity_id=account.identity_id, clinic__is_active=True)
        .select_related("clinic", "profile")
        .order_by("clinic__name")
    )


def portal_chart_get(*, account: PortalAccount, clinic_id: object) -> ClinicPatient:
    """The person's chart at the clinic ``clinic_id``; ``NotFound`` when they have none
    there, or the id is malformed or unknown."""
    pk = uuid_or_none(clinic_id)
    chart = (
        ClinicPatient.unscoped.filter(
            clinic_id=pk, profile__identity_id=account.identity_id, clinic__is_active=True
        )
        .select_related("clinic", "profile")
        .first()
        if pk is not None
        else None
    )
    if chart is None:
        raise NotFound()
    return chart


def reschedule_slots(*, appointment: Appointment, day: dt.date, anyone: bool = False) -> list[Slot]:
    """Free start times on the clinic-local ``day`` to move ``appointment`` to: its
    treatment with its practitioner, or with any practitioner of the clinic (``anyone``,
    as booking's "anyone": each start time once, the appointment's practitioner first
    where free), from the staff's availability service
    (``scheduling.selectors.practitioner_free_slots``). The appointment's own time counts
    as busy, so a start overlapping it is not offered; its current start is left out."""
    clinic = appointment.clinic
    with clinic_context(clinic):
        slots = practitioner_free_slots(
            clinic=clinic,
            service=appointment.service,
            date_from=day,
            date_to=day,
            practitioner_id=None if anyone else appointment.practitioner_id,
        )
    slots = [slot for slot in slots if slot.starts_at != appointment.starts_at]
    if not anyone:
        return slots
    first: dict[dt.datetime, Slot] = {}
    for slot in slots:
        if slot.starts_at not in first or slot.practitioner_id == appointment.practitioner_id:
            first[slot.starts_at] = slot
    return sorted(first.values(), key=lambda slot: slot.starts_at)


def reschedule_practitioners(*, appointment: Appointment, starts_at: dt.datetime, anyone: bool) -> list[Any]:
    """The practitioners free at ``starts_at`` for ``appointment``'s treatment, in the
    order a move tries them: its own practitioner first, then the others by id (only its
    own unless ``anyone``)."""
    clinic = appointment.clinic
    with clinic_context(clinic):
        slots = practitioner_free_slots(
            clinic=clinic,
            service=appointment.service,
            date_from=clinic.date_at(starts_at),
            date_to=clinic.date_at(starts_at),
            practitioner_id=None if anyone else appointment.practitioner_id,
        )
    free = {slot.practitioner_id for slot in slots if slot.starts_at == starts_at}
    if starts_at == appointment.starts_at:
        free.discard(appointment.practitioner_id)
    return sorted(free, key=lambda pk: (pk != appointment.practitioner_id, str(pk)))


@dataclass(frozen=True)
class ConsentRow:
    """One purpose on "My data": its current decision (``None``: never asked) and the
    text the patient would agree to now (``None``: the clinic published none)."""

    purpose: str
    label: str
    current: Consent | None
    text: Any

    @property
    def granted(self) -> bool:
        return self.current is not None and self.current.decision == Consent.Decision.GRANTED


def portal_consents(*, chart: ClinicPatient, language: str) -> list[ConsentRow]:
    """The chart's standing decision for each of ``MY_DATA_PURPOSES`` with the current
    wording in ``language`` (else the clinic's, else English): the same records the
    clinic's chart shows (``patients.selectors.consent_current_map``)."""
    clinic = chart.clinic
    with clinic_context(clinic):
        current = consent_current_map(patient=chart)
        texts = {
            t.purpose: t for t in consent_texts_current(locale=language, fallbacks=(clinic.locale, "en"))
        }
    return [
        ConsentRow(purpose=p, label=str(ConsentPurpose(p).label), current=current.get(p), text=texts.get(p))
        for p in MY_DATA_PURPOSES
    ]


def portal_requests(*, chart: ClinicPatient) -> list[DataSubjectRequest]:
    """The chart's data-subject requests, newest first (all kinds and states), each with
    ``has_copy``: a document is kept (a completed export not dropped by an erasure). The
    documents themselves are not read (nor decrypted) for the list."""
    return list(
        DataSubjectRequest.unscoped.filter(clinic_id=chart.clinic_id, patient=chart)
        .defer("result")
        .annotate(has_copy=ExpressionWrapper(Q(result__isnull=False), output_field=BooleanField()))
        .order_by("-received_at")
    )


def portal_export_get(*, account: PortalAccount, export_id: object) -> DataSubjectRequest:
    """The person's own completed copy of their data (an export request whose document is
    still kept: an erasure drops earlier copies); ``NotFound`` for another patient's, an
    erased, an unknown or a malformed id alike."""
    pk = uuid_or_none(export_id)
    dsr = (
        DataSubjectRequest.unscoped.filter(
            pk=pk,
            kind=DataSubjectRequest.Kind.EXPORT,
            status=DataSubjectRequest.Status.COMPLETED,
            patient__profile__identity_id=account.identity_id,
            result__isnull=False,
        )
        .select_related("clinic", "patient")
        .first()
        if pk is not None
        else None
    )
    if dsr is None or dsr.result is None:
        raise NotFound()
    return dsr


def portal_course_balances(*, chart: ClinicPatient) -> list[CourseBalance]:
    """The chart's course balances (remaining sessions, expiry), soonest expiry first,
    from commerce's selector (``course_balance_list``); void ones left out."""
    with clinic_context(chart.clinic):
        return list(course_balance_list().filter(patient=chart).exclude(status=CourseBalance.Status.VOID))


def portal_invoices(*, chart: ClinicPatient) -> list[Invoice]:
    """The chart's issued invoices, newest first (drafts are the clinic's work in
    progress, not yet a bill), from commerce's selector (``invoice_list``)."""
    with clinic_context(chart.clinic):
        return list(invoice_list().filter(patient=chart).exclude(status=Invoice.Status.DRAFT))


def portal_invoice_get(*, account: PortalAccount, invoice_id: object) -> Invoice:
    """The person's own issued invoice; ``NotFound`` for another patient's, a draft, an
    unknown or a malformed id alike."""
    pk = uuid_or_none(invoice_id)
    invoice = (
        Invoice.unscoped.filter(pk=pk, patient__profile__identity_id=account.identity_id)
        .exclude(status=Invoice.Status.DRAFT)
        .select_related("clinic", "patient__profile")
        .first()
        if pk is not None
        else None
    )
    if invoice is None:
        raise NotFound()
    return invoice
