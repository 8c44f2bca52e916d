"""Visits: open an encounter, complete it and draft the invoice of its sessions."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Clinic, User
from commerce.selectors import course_redemptions_for
from commerce.services import invoice_draft_from_services
from core.exceptions import Conflict, ValidationFailed
from core.services import model_save
from emr import selectors
from emr.events import VISIT_COMPLETED, VISIT_OPENED, VisitEventDataSerializer
from emr.models import TreatmentSession, Visit
from emr.services._shared import _audit
from outbox.services import outbox_event_record
from patients.models import ClinicPatient
from scheduling.models import Appointment


def _visit_event(visit: Visit, event_type: str) -> None:
    """Schedule-level facts only: the live front desk shows who is in and who is done."""
    outbox_event_record(
        clinic_id=visit.clinic_id,
        type=event_type,
        subject=f"visit/{visit.pk}",
        data=VisitEventDataSerializer(visit).data,
    )


@transaction.atomic
def visit_open(
    *,
    clinic: Clinic,
    actor: User | None,
    patient: ClinicPatient | None = None,
    appointment: Appointment | None = None,
) -> Visit:
    """Open the encounter of ``appointment`` (its patient; idempotent: the appointment's
    visit if it has one) or of a walk-in ``patient``. Audited as ``visit.opened`` and
    announced to the clinic's live channel after commit.
    Raises ``ValidationFailed`` naming ``appointment_id`` for a cancelled or no-show
    appointment, ``patient_id`` when neither is given."""
    if appointment is not None:
        existing = Visit.objects.filter(appointment=appointment).first()
        if existing is not None:
            return existing
        if appointment.status in (Appointment.Status.CANCELLED, Appointment.Status.NO_SHOW):
            raise ValidationFailed(errors={"appointment_id": [_("This appointment did not take place.")]})
        patient = appointment.patient
    if patient is None:
        raise ValidationFailed(errors={"patient_id": [_("Name the patient or the appointment.")]})
    visit = Visit(
        clinic=clinic,
        patient=patient,
        appointment=appointment,
        kind=Visit.Kind.APPOINTMENT if appointment is not None else Visit.Kind.WALK_IN,
        opened_at=timezone.now(),
        opened_by=actor,
    )
    try:
        with transaction.atomic():
            model_save(visit)
    except IntegrityError:  # opened meanwhile by the arrival hook or another desk
        return Visit.objects.get(appointment=appointment)
    _audit(clinic=clinic, actor=actor, action="visit.opened", obj=visit)
    _visit_event(visit, VISIT_OPENED)
    return visit


VISIT_REFERENCE = "emr.visit"
# A course redemption that paid a treatment session references it so.
SESSION_REFERENCE = "emr.treatment_session"


def _visit_invoice_draft(visit: Visit, actor: User) -> None:
    """Draft the invoice of the visit's completed sessions for the cashier
    (``commerce.services.invoice_draft_from_services``, reference ``emr.visit``): one
    line per session, quantity ``session_billable_quantity``, the session's first
    practitioner (the appointment's, when they took part); a session paid from a prepaid
    course (a standing redemption referencing it, ``emr.treatment_session``) is a line at
    zero that names the course. Then the billable products used in the sessions
    (``selectors.session_billable_products``: quantity used times the product's price,
    credited to the session's practitioner); other products are part of the
    treatment's price (and a per-unit service bills the units used). Nothing to bill,
    no invoice."""
    booked = visit.appointment.practitioner_id if visit.appointment is not None else None
    sessions = list(selectors.sessions_to_bill(visit_id=visit.pk))
    paid = course_redemptions_for(
        reference_type=SESSION_REFERENCE, reference_ids=[session.pk for session in sessions]
    )
    items, products = [], []
    for session in sessions:
        practitioners = sorted(
            session.practitioners.all(), key=lambda user: (user.pk != booked, str(user.pk))
        )
        practitioner = practitioners[0] if practitioners else None
        items.append((session.service, selectors.session_billable_quantity(session), practitioner))
        products += [
            (product, quantity, practitioner)
            for product, quantity in selectors.session_billable_products(session)
        ]
    if items:
        invoice_draft_from_services(
            patient=visit.patient,
            items=items,
            reference_type=VISIT_REFERENCE,
            reference_id=visit.pk,
            actor=actor,
            redemptions=[paid.get(session.pk) for session in sessions],
            sessions=[session.pk for session in sessions],
            products=products,
            appointment_id=visit.appointment_id,
        )


@transaction.atomic
def visit_complete(*, visit: Visit, actor: User) -> Visit:
    """Close an open visit and draft the invoice of its completed sessions (see
    ``_visit_invoice_draft``). Every session must be completed or cancelled first:
    raises ``Conflict`` (``sessions_open``) otherwise, ``Conflict``
    (``invalid_transition``) for a visit that is not open. Audited as
    ``visit.completed``."""
    locked = (
        Visit.objects.select_for_update(of=("self",))
        .select_related("patient__clinic", "appointment")
        .get(pk=visit.pk)
    )
    if locked.status != Visit.Status.OPEN:
        raise Conflict(_("Only an open visit can be completed."), code="invalid_transition")
    unfinished = TreatmentSession.objects.filter(
        visit=locked, status__in=[TreatmentSession.Status.PLANNED, TreatmentSession.Status.IN_PROGRESS]
    )
    if unfinished.exists():
        raise Conflict(_("Complete or cancel every session of the visit first."), code="sessions_open")
    locked.status, locked.closed_at = Visit.Status.COMPLETED, timezone.now()
    model_save(locked, update_fields=["status", "closed_at"])
    _visit_invoice_draft(locked, actor)
    _audit(clinic=locked.clinic, actor=actor, action="visit.completed", obj=locked)
    _visit_event(locked, VISIT_COMPLETED)
    return locked
