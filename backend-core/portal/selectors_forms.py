"""Reads of the treatment consent forms a signed-in patient signs on the portal before a
visit: which upcoming appointment still needs one, and the wording to read.

The rule is the clinical record's (``emr.selectors.consent_form_due``): a treatment that
``requires_consent`` needs a signature of the newest version of its form in some
language, which is what the clinician's "start session" asks for. The form offered is
the newest version in the page's language, else in the clinic's, else English."""

from __future__ import annotations

from collections.abc import Iterable

from core.tenancy import clinic_context
from emr.models import ConsentFormSignature, ConsentFormTemplate
from emr.selectors import consent_form_due, consent_form_valid_for
from scheduling.models import Appointment

#: An appointment in one of these states (and not over) may still get its form signed.
SIGNABLE_STATUSES = (Appointment.Status.BOOKED, Appointment.Status.CONFIRMED, Appointment.Status.ARRIVED)


def portal_consent_form_due(*, appointment: Appointment, language: str) -> ConsentFormTemplate | None:
    """The consent form the patient of ``appointment`` (one of their own, see
    ``portal.selectors.portal_appointment_get``) has still to sign for its treatment,
    in ``language``, else the clinic's language, else English; ``None`` when none is needed, it is
    signed already, the clinic published none, or the appointment is no longer ahead
    (cancelled, started, over)."""
    if appointment.status not in SIGNABLE_STATUSES or not appointment.service.requires_consent:
        return None
    clinic = appointment.clinic
    with clinic_context(clinic):
        return consent_form_due(
            patient_id=appointment.patient_id,
            service=appointment.service,
            locales=(language, clinic.locale, "en"),
        )


def portal_consent_forms_due(*, appointments: Iterable[Appointment], language: str) -> set[str]:
    """The ids (text) of those of ``appointments`` whose consent form is still to be
    signed (``portal_consent_form_due``). Only treatments that require consent cost a
    query (two or three each)."""
    return {
        str(appointment.pk)
        for appointment in appointments
        if portal_consent_form_due(appointment=appointment, language=language) is not None
    }


def portal_consent_form_signed(*, appointment: Appointment) -> ConsentFormSignature | None:
    """The patient's signature that covers ``appointment``'s treatment (the newest
    version of a language), or ``None``."""
    with clinic_context(appointment.clinic):
        return consent_form_valid_for(patient_id=appointment.patient_id, service=appointment.service)
