"""Writes of a signed-in patient on their own records: move an appointment, change a
consent, take a copy of their data, ask for erasure or a correction.

Each goes through the owning app's service (scheduling's one move service, patients'
consent record, compliance's data-subject requests), so the clinic sees the change on
its calendar, chart and compliance desk, audited with no staff actor (the patient)."""

from __future__ import annotations

import datetime as dt
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from commerce.services.deposits import deposit_online_checkout
from compliance.models import DataSubjectRequest
from compliance.subject_rights import dsr_export_for_patient, dsr_receive_from_patient
from core.exceptions import ValidationFailed
from core.tenancy import clinic_context
from patients.models import Consent
from patients.selectors import consent_texts_current
from patients.services import consent_record
from portal.models import PortalAccount
from portal.selectors import portal_appointment_get
from portal.selectors_deposit import PAYABLE_STATUSES
from portal.selectors_my import MY_DATA_PURPOSES, portal_chart_get, reschedule_practitioners
from scheduling.models import Appointment
from scheduling.services import AppointmentConflict, appointment_reschedule

#: What a patient may ask to correct from the portal (a subset of
#: ``compliance.subject_rights.RECTIFIABLE``: what they can tell without the clinic).
CORRECTABLE = ("given_name", "family_name", "birth_date", "email", "address")


def _change_window_check(appointment: Appointment, *, now: dt.datetime) -> None:
    """A patient changes an appointment only up to the clinic's ``late_cancellation_hours``
    before its start (later, they call the clinic, whose late policy applies)."""
    hours = appointment.clinic.late_cancellation_hours
    if appointment.starts_at - now < timedelta(hours=hours):
        raise ValidationFailed(
            errors={
                "appointment": [
                    _("Change it at least %(hours)d hours ahead; call the clinic instead.") % {"hours": hours}
                ]
            }
        )


def portal_appointment_reschedule(
    *, account: PortalAccount, appointment_id: str, starts_at: dt.datetime, anyone: bool = False
) -> Appointment:
    """Move the patient's own upcoming appointment to ``starts_at``, a free time of its
    practitioner for its treatment, or of any practitioner of the clinic (``anyone``: its
    own first where free, then the others in turn, as booking's "anyone" does), from the
    staff's availability (``selectors_my.reschedule_practitioners``), through the one move
    service (``scheduling.services.appointment_reschedule``: no-overlap guarantee,
    reminders rescheduled, audited ``appointment.rescheduled``, published to the clinic's
    live calendar). Allowed up to the clinic's ``late_cancellation_hours`` before the
    current start, as cancelling is.

    Raises ``NotFound`` (another patient's appointment), ``ValidationFailed`` naming
    ``appointment`` (inside the window) or ``starts_at`` (not a free time),
    ``AppointmentConflict`` (409: taken meanwhile, by every practitioner tried) and
    ``Conflict`` (no longer movable)."""
    appointment = portal_appointment_get(account=account, appointment_id=appointment_id)
    _change_window_check(appointment, now=timezone.now())
    clinic = appointment.clinic
    free = reschedule_practitioners(appointment=appointment, starts_at=starts_at, anyone=anyone)
    if not free:
        raise ValidationFailed(errors={"starts_at": [_("This time is no longer free: pick another.")]})
    conflict = AppointmentConflict([])
    with clinic_context(clinic):
        for practitioner in sorted(User.objects.filter(pk__in=free), key=lambda user: free.index(user.pk)):
            try:
                with transaction.atomic():  # each try its own: a conflict leaves nothing behind
                    return appointment_reschedule(
                        appointment=appointment,
                        actor=None,
                        starts_at=starts_at,
                        practitioner=None if practitioner.pk == appointment.practitioner_id else practitioner,
                    )
            except AppointmentConflict as exc:
                conflict = exc
    raise conflict


def portal_consent_change(
    *, account: PortalAccount, clinic_id: str, purpose: str, granted: bool, language: str
) -> Consent:
    """Grant or withdraw one of ``MY_DATA_PURPOSES`` at a clinic that holds the patient's
    chart, through ``patients.services.consent_record`` (channel: the portal; the
    clinic's chart shows it; audited ``consent.granted``/``consent.withdrawn``). A
    grant refers to the wording shown in ``language`` (else the clinic's, else English).
    Withdrawing is always possible (LGPD Art. 8 §5; PDPA s19 para 5). Raises
    ``NotFound`` (no chart there), ``ValidationFailed`` naming ``purpose`` or ``text``."""
    chart = portal_chart_get(account=account, clinic_id=clinic_id)
    if purpose not in MY_DATA_PURPOSES:
        raise ValidationFailed(errors={"purpose": [_("Unknown consent purpose.")]})
    clinic = chart.clinic
    with clinic_context(clinic):
        text = None
        if granted:
            texts = consent_texts_current(locale=language, fallbacks=(clinic.locale, "en"))
            text = next((t for t in texts if t.purpose == purpose), None)
            if text is None:
                raise ValidationFailed(
                    errors={"text": [_("This clinic has not published this consent text.")]}
                )
        return consent_record(
            clinic=clinic,
            actor=None,
            patient=chart,
            purpose=purpose,
            decision=Consent.Decision.GRANTED if granted else Consent.Decision.WITHDRAWN,
            channel=Consent.Channel.PORTAL,
            text=text,
        )


def portal_export_create(*, account: PortalAccount, clinic_id: str) -> DataSubjectRequest:
    """A copy of everything the clinic's organization holds about the patient, made now
    (``compliance.subject_rights.dsr_export_for_patient``: the compliance desk's export
    document, recorded as a completed request). Raises ``NotFound`` (no chart there)."""
    chart = portal_chart_get(account=account, clinic_id=clinic_id)
    with clinic_context(chart.clinic):
        return dsr_export_for_patient(patient=chart)


@transaction.atomic
def portal_erasure_request(*, account: PortalAccount, clinic_id: str) -> tuple[DataSubjectRequest, bool]:
    """Ask the clinic's organization to erase the patient's data (LGPD Art. 18 IV and VI;
    PDPA s33): a request the compliance desk works. Idempotent: while one is open it is
    returned (``created`` ``False``). Raises ``NotFound`` (no chart there)."""
    chart = portal_chart_get(account=account, clinic_id=clinic_id)
    with clinic_context(chart.clinic):
        return dsr_receive_from_patient(patient=chart, kind=DataSubjectRequest.Kind.ERASURE)


@transaction.atomic
def portal_correction_request(
    *, account: PortalAccount, clinic_id: str, values: dict[str, str]
) -> tuple[DataSubjectRequest, bool]:
    """Ask for a correction (LGPD Art. 18 III; PDPA s35): ``values`` maps fields of
    ``CORRECTABLE`` to their right value; blank ones are left out; ``birth_date`` is
    ``YYYY-MM-DD`` and not in the future. The compliance desk applies it when it completes
    the request. The same open correction asked twice is one request. Raises
    ``NotFound`` (no chart there), ``ValidationFailed`` naming the field (or ``details``
    when nothing is given)."""
    chart = portal_chart_get(account=account, clinic_id=clinic_id)
    details: dict[str, Any] = {k: v.strip() for k, v in values.items() if k in CORRECTABLE and v.strip()}
    if "birth_date" in details:
        try:
            born = dt.date.fromisoformat(details["birth_date"])
        except ValueError:
            raise ValidationFailed(errors={"birth_date": [_("Enter a valid date.")]}) from None
        if born > chart.clinic.today():
            raise ValidationFailed(errors={"birth_date": [_("A birth date cannot be in the future.")]})
    if not details:
        raise ValidationFailed(errors={"details": [_("Write the right value of at least one field.")]})
    with clinic_context(chart.clinic):
        return dsr_receive_from_patient(
            patient=chart, kind=DataSubjectRequest.Kind.RECTIFICATION, details=details
        )


def portal_deposit_pay_online(*, account: PortalAccount, appointment_id: str, return_url: str) -> str:
    """Start paying the deposit of the patient's own booked or confirmed appointment by
    card on the online gateway's page (``commerce.services.deposit_online_checkout``);
    returns the page's URL, to which the patient is sent; ``return_url`` brings them back.
    The gateway's signed webhook settles the payment. Raises ``NotFound`` (another
    patient's appointment), ``ValidationFailed`` naming ``appointment`` (not booked or
    confirmed), ``method`` or ``payment``; ``Conflict`` (no deposit due)."""
    appointment = portal_appointment_get(account=account, appointment_id=appointment_id)
    if appointment.status not in PAYABLE_STATUSES:
        raise ValidationFailed(
            errors={"appointment": [_("A deposit is paid for a booked appointment only.")]}
        )
    with clinic_context(appointment.clinic):
        return deposit_online_checkout(
            appointment_id=appointment.pk,
            patient=appointment.patient,
            service=appointment.service,
            return_url=return_url,
        )
