"""Clinical notes (SOAP: draft, sign, amend) and treatment plans."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TypedDict, Unpack

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Clinic, User
from accounts.selectors import practitioner_licence_check
from catalog.models import Service
from core.exceptions import Conflict, PermissionDeniedError, ValidationFailed
from core.services import model_save
from emr.models import ClinicalNote, PlannedSession, TreatmentPlan, TreatmentSession, Visit
from emr.services._shared import _audit
from patients.models import ClinicPatient


class SoapFields(TypedDict, total=False):
    """The SOAP sections of a clinical note (free text each)."""

    subjective: str
    objective: str
    assessment: str
    plan: str


NOTE_FIELDS = tuple(SoapFields.__annotations__)


@transaction.atomic
def note_create(
    *,
    visit: Visit,
    actor: User,
    session: TreatmentSession | None = None,
    **soap: Unpack[SoapFields],
) -> ClinicalNote:
    """Write a draft SOAP note (``subjective``, ``objective``, ``assessment``, ``plan``)
    for ``visit`` (and one of its sessions). Raises ``ValidationFailed`` naming
    ``session_id`` for a session of another visit."""
    if session is not None and session.visit_id != visit.pk:
        raise ValidationFailed(errors={"session_id": [_("Not a session of this visit.")]})
    note = ClinicalNote(
        clinic=visit.clinic, patient=visit.patient, visit=visit, session=session, author=actor, **soap
    )
    model_save(note)
    _audit(clinic=visit.clinic, actor=actor, action="note.created", obj=note)
    return note


def _locked_draft(note: ClinicalNote, actor: User) -> ClinicalNote:
    locked = ClinicalNote.objects.select_for_update(of=("self",)).select_related("clinic").get(pk=note.pk)
    if locked.status == ClinicalNote.Status.SIGNED:
        raise Conflict(_("A signed note cannot be changed; amend it instead."), code="note_signed")
    if locked.author_id != actor.pk:
        raise PermissionDeniedError(_("Only the author edits or signs a draft note."))
    return locked


@transaction.atomic
def note_update(*, note: ClinicalNote, actor: User, **soap: Unpack[SoapFields]) -> ClinicalNote:
    """Change the SOAP fields of a draft note (its author only). Raises ``Conflict``
    (``note_signed``, 409) for a signed note, ``PermissionDeniedError`` for another
    author's draft."""
    locked = _locked_draft(note, actor)
    for name, value in soap.items():
        setattr(locked, name, value)
    if soap:
        model_save(locked, update_fields=list(soap))
    _audit(clinic=locked.clinic, actor=actor, action="note.updated", obj=locked)
    return locked


@transaction.atomic
def note_sign(*, note: ClinicalNote, actor: User) -> ClinicalNote:
    """Sign (lock) a draft note: its author only. Raises as ``note_update``, and
    ``Conflict`` (``licence_required``) for an author without the verified licence the
    clinic requires (``accounts.selectors.practitioner_licence_check``)."""
    locked = _locked_draft(note, actor)
    practitioner_licence_check(user=actor, clinic=locked.clinic)
    if not any(getattr(locked, name).strip() for name in NOTE_FIELDS):
        raise ValidationFailed(errors={"subjective": [_("An empty note cannot be signed.")]})
    locked.status, locked.signed_at, locked.signed_by = ClinicalNote.Status.SIGNED, timezone.now(), actor
    model_save(locked, update_fields=["status", "signed_at", "signed_by"])
    _audit(clinic=locked.clinic, actor=actor, action="note.signed", obj=locked)
    return locked


@transaction.atomic
def note_amend(*, note: ClinicalNote, actor: User, reason: str, **soap: Unpack[SoapFields]) -> ClinicalNote:
    """Amend a signed note: a new draft version (``version`` + 1, ``amends`` = the
    note) holding the note's SOAP fields overridden by ``soap``. Only the newest version
    of a note is amended. Raises ``ValidationFailed`` naming ``reason`` when empty,
    ``Conflict`` (``note_not_signed``/``note_superseded``)."""
    locked = (
        ClinicalNote.objects.select_for_update(of=("self",)).select_related("clinic", "visit").get(pk=note.pk)
    )
    if locked.status != ClinicalNote.Status.SIGNED:
        raise Conflict(_("Only a signed note is amended; edit the draft."), code="note_not_signed")
    if ClinicalNote.objects.filter(amends=locked).exists():
        raise Conflict(_("This version was already amended; amend the newest."), code="note_superseded")
    if not reason.strip():
        raise ValidationFailed(errors={"reason": [_("Say why the note is amended.")]})
    amendment = ClinicalNote(
        clinic=locked.clinic,
        patient_id=locked.patient_id,
        visit=locked.visit,
        session_id=locked.session_id,
        author=actor,
        version=locked.version + 1,
        amends=locked,
        amendment_reason=reason.strip(),
        **{name: soap.get(name, getattr(locked, name)) for name in NOTE_FIELDS},
    )
    model_save(amendment)
    _audit(clinic=locked.clinic, actor=actor, action="note.amended", obj=amendment)
    return amendment


@transaction.atomic
def plan_create(
    *,
    clinic: Clinic,
    actor: User,
    patient: ClinicPatient,
    title: str,
    goals: Sequence[str] = (),
    items: Sequence[tuple[Service, dt.date]] = (),
) -> TreatmentPlan:
    """A treatment plan for ``patient``: goals (text) and planned sessions as
    ``(service, target date)`` in order. Audited as ``plan.created``."""
    plan = TreatmentPlan(
        clinic=clinic, patient=patient, title=title.strip(), goals=list(goals), created_by=actor
    )
    model_save(plan)
    for sequence, (service, target_date) in enumerate(items, start=1):
        model_save(
            PlannedSession(
                clinic=clinic, plan=plan, sequence=sequence, service=service, target_date=target_date
            )
        )
    _audit(clinic=clinic, actor=actor, action="plan.created", obj=plan)
    return plan


class PlanFields(TypedDict, total=False):
    """The fields of a treatment plan that ``plan_update`` changes."""

    title: str
    goals: list[str]
    status: str


@transaction.atomic
def plan_update(
    *,
    plan: TreatmentPlan,
    actor: User,
    items_add: Sequence[tuple[Service, dt.date]] = (),
    **fields: Unpack[PlanFields],
) -> TreatmentPlan:
    """Change the ``PlanFields`` given (title, goals, status) and append planned sessions.
    Audited as ``plan.updated`` with the changed fields."""
    locked = TreatmentPlan.objects.select_for_update(of=("self",)).select_related("clinic").get(pk=plan.pk)
    changes = {k: [getattr(locked, k), v] for k, v in fields.items() if getattr(locked, k) != v}
    for name, value in fields.items():
        setattr(locked, name, value)
    if fields:
        model_save(locked, update_fields=list(fields))
    last = PlannedSession.objects.filter(plan=locked).aggregate(last=Max("sequence"))["last"] or 0
    for sequence, (service, target_date) in enumerate(items_add, start=last + 1):
        model_save(
            PlannedSession(
                clinic=locked.clinic, plan=locked, sequence=sequence, service=service, target_date=target_date
            )
        )
    _audit(clinic=locked.clinic, actor=actor, action="plan.updated", obj=locked, changes=changes)
    return locked
