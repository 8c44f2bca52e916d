"""Treatment sessions: create, start, finish, and the products used."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Clinic, User
from accounts.selectors import practitioner_licence_check, practitioners_of
from catalog.models import Product, Service
from commerce.models import StockLot
from commerce.services import stock_consume
from core.exceptions import Conflict, ValidationFailed
from core.services import model_save
from emr import selectors
from emr.models import PlannedSession, SessionProduct, TreatmentSession, Visit
from emr.services._shared import _audit
from emr.services.intake import session_alerts_check
from scheduling.models import Appointment
from scheduling.services import appointment_follow_visit


def _appointment_follow(session: TreatmentSession, actor: User, to_status: str) -> None:
    """The booked appointment behind the session's visit follows the treatment (in
    progress when a session starts, completed when one completes), so the calendar and
    the front desk's day list show where the patient is; walk-ins have none."""
    visit = Visit.objects.select_related("appointment").get(pk=session.visit_id)
    if visit.appointment is not None:
        appointment_follow_visit(appointment=visit.appointment, actor=actor, to_status=to_status)


def _practitioners(clinic: Clinic, ids: Sequence[uuid.UUID]) -> list[User]:
    found = {
        m.user_id: m.user for m in practitioners_of(clinic).filter(user_id__in=ids).select_related("user")
    }
    if not ids or len(found) != len(set(ids)):
        raise ValidationFailed(errors={"practitioner_ids": [_("Name practitioners of this clinic.")]})
    return list(found.values())


@transaction.atomic
def session_create(
    *,
    visit: Visit,
    actor: User,
    service: Service,
    practitioner_ids: Sequence[uuid.UUID],
    planned_item: PlannedSession | None = None,
) -> TreatmentSession:
    """Add a treatment session of ``service`` to an open visit, performed by
    ``practitioner_ids`` (clinical staff of the clinic). ``planned_item``, a step of
    one of the patient's plans, is marked done when the session completes. Raises
    ``ValidationFailed`` naming the field, ``Conflict`` for a closed visit."""
    if visit.status != Visit.Status.OPEN:
        raise Conflict(_("The visit is closed."), code="visit_closed")
    practitioners = _practitioners(visit.clinic, practitioner_ids)
    if planned_item is not None and (
        planned_item.plan.patient_id != visit.patient_id
        or planned_item.status != PlannedSession.Status.PLANNED
    ):
        raise ValidationFailed(errors={"planned_item_id": [_("Not an open step of this patient's plans.")]})
    session = TreatmentSession(clinic=visit.clinic, visit=visit, patient=visit.patient, service=service)
    model_save(session)
    session.practitioners.set(practitioners)
    if planned_item is not None:
        planned_item.session = session
        model_save(planned_item, update_fields=["session"])
    _audit(clinic=visit.clinic, actor=actor, action="session.created", obj=session)
    return session


@transaction.atomic
def session_start(
    *, session: TreatmentSession, actor: User, acknowledged_alerts: Sequence[str] = ()
) -> TreatmentSession:
    """Start a planned session; the visit's appointment becomes in progress
    (``scheduling.services.appointment_follow_visit``). A service that
    ``requires_consent`` starts only after
    the patient signed the newest version of one of its consent forms: raises
    ``Conflict`` (``consent_required``, 409) otherwise; ``Conflict``
    (``invalid_transition``) for a session that is not planned. The contraindication
    alerts of the service for the patient's medical history must be acknowledged
    (``acknowledged_alerts``: their codes; ``session_alerts_check``): ``Conflict``
    (``alerts_unacknowledged``) otherwise. Where the clinic requires licences, ``actor``
    needs a verified one (``accounts.selectors.practitioner_licence_check``: ``Conflict``,
    ``licence_required``)."""
    locked = (
        TreatmentSession.objects.select_for_update(of=("self",))
        .select_related("service", "clinic")
        .get(pk=session.pk)
    )
    practitioner_licence_check(user=actor, clinic=locked.clinic)
    if locked.status != TreatmentSession.Status.PLANNED:
        raise Conflict(_("Only a planned session can start."), code="invalid_transition")
    session_alerts_check(session=locked, actor=actor, acknowledged=acknowledged_alerts)
    if locked.service.requires_consent:
        signature = selectors.consent_form_valid_for(patient_id=locked.patient_id, service=locked.service)
        if signature is None:
            raise Conflict(
                _("The patient has not signed the consent form of %(service)s.")
                % {"service": locked.service},
                code="consent_required",
            )
        locked.consent_signature = signature
    locked.status, locked.started_at = TreatmentSession.Status.IN_PROGRESS, timezone.now()
    model_save(locked, update_fields=["status", "started_at", "consent_signature"])
    _audit(clinic=locked.clinic, actor=actor, action="session.started", obj=locked)
    _appointment_follow(locked, actor, Appointment.Status.IN_PROGRESS)
    return locked


@transaction.atomic
def session_finish(
    *, session: TreatmentSession, actor: User, to_status: str, reason: str = ""
) -> TreatmentSession:
    """Complete an in-progress session (its plan step becomes done, the visit's
    appointment becomes completed) or cancel (skip) a planned or in-progress one, which
    needs ``reason`` (at most 300 characters, kept as ``skip_reason`` and audited): the
    visit can then be completed and billed without it. Raises ``ValidationFailed``
    (``reason``) for a cancellation without one, ``Conflict`` (``invalid_transition``)."""
    reason = reason.strip()
    if to_status == TreatmentSession.Status.CANCELLED and not reason:
        raise ValidationFailed(errors={"reason": [_("Say why the session is skipped.")]})
    allowed: dict[str, set[str]] = {
        TreatmentSession.Status.COMPLETED: {TreatmentSession.Status.IN_PROGRESS},
        TreatmentSession.Status.CANCELLED: {
            TreatmentSession.Status.PLANNED,
            TreatmentSession.Status.IN_PROGRESS,
        },
    }
    locked = (
        TreatmentSession.objects.select_for_update(of=("self",)).select_related("clinic").get(pk=session.pk)
    )
    if locked.status not in allowed.get(to_status, set()):
        raise Conflict(
            _("A session that is %(current)s cannot become %(target)s.")
            % {"current": locked.status, "target": to_status},
            code="invalid_transition",
        )
    locked.status = to_status
    fields = ["status"]
    if to_status == TreatmentSession.Status.CANCELLED:
        locked.skip_reason = reason[:300]
        fields.append("skip_reason")
    if to_status == TreatmentSession.Status.COMPLETED:
        locked.completed_at = timezone.now()
        fields.append("completed_at")
        PlannedSession.objects.filter(session=locked).update(status=PlannedSession.Status.DONE)
    model_save(locked, update_fields=fields)
    _audit(
        clinic=locked.clinic,
        actor=actor,
        action=f"session.{to_status}",
        obj=locked,
        changes={"skip_reason": [None, locked.skip_reason]} if locked.skip_reason else None,
    )
    if to_status == TreatmentSession.Status.COMPLETED:
        _appointment_follow(locked, actor, Appointment.Status.COMPLETED)
    return locked


STOCK_REFERENCE = "emr.treatment_session"


@transaction.atomic
def session_products_record(
    *,
    session: TreatmentSession,
    actor: User,
    items: Sequence[tuple[Product, Decimal, StockLot | None]],
) -> list[SessionProduct]:
    """Record products used in a started or completed session, each ``(product,
    quantity in the product's unit, lot or None)``, and take them out of stock in the
    same transaction (``commerce.services.stock_consume``: the lot given, or FEFO over
    unexpired lots, reference ``emr.treatment_session``). All or nothing. Raises
    ``ValidationFailed`` naming ``products.<i>.<field>`` (``quantity``: more than on
    hand; ``lot``: expired or another product's), ``Conflict`` for a session that is
    planned or cancelled, or (``licence_required``) for an ``actor`` without the verified
    licence the clinic requires (``accounts.selectors.practitioner_licence_check``)."""
    locked = (
        TreatmentSession.objects.select_for_update(of=("self",))
        .select_related("clinic", "patient")
        .get(pk=session.pk)
    )
    practitioner_licence_check(user=actor, clinic=locked.clinic)
    if locked.status not in (TreatmentSession.Status.IN_PROGRESS, TreatmentSession.Status.COMPLETED):
        raise Conflict(_("Record products of a started or completed session."), code="invalid_transition")
    recorded: list[SessionProduct] = []
    for index, (product, quantity, lot) in enumerate(items):
        try:
            movements = stock_consume(
                product=product,
                quantity=quantity,
                lot=lot,
                patient=locked.patient,
                reference_type=STOCK_REFERENCE,
                reference_id=locked.pk,
                actor=actor,
            )
        except ValidationFailed as exc:
            raise ValidationFailed(
                exc.detail,
                errors={f"products.{index}.{field}": messages for field, messages in exc.errors.items()},
            ) from exc
        for movement in movements:
            line = SessionProduct(
                clinic=locked.clinic,
                session=locked,
                product=product,
                lot=movement.lot,
                movement=movement,
                quantity=-movement.quantity,
                unit=product.unit,
                recorded_by=actor,
            )
            model_save(line)
            recorded.append(line)
    _audit(
        clinic=locked.clinic,
        actor=actor,
        action="session.products_recorded",
        obj=locked,
        changes={
            "products": [None, [f"{line.product_id}:{line.lot_id}:{line.quantity}" for line in recorded]]
        },
    )
    return recorded
