"""Professional licences of practitioners: recorded by the practitioner, verified or
rejected by an owner or admin of a clinic where they practise."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.licence_registry import RegistryAnswer, RegistryError, licence_registry
from accounts.models import Clinic, ProfessionalLicence, User
from audit.services import audit_event_record
from core.exceptions import ServiceUnavailable, ValidationFailed
from core.services import model_save

logger = logging.getLogger(__name__)

DECISIONS = (ProfessionalLicence.Status.VERIFIED, ProfessionalLicence.Status.REJECTED)


@transaction.atomic
def licence_create(
    *,
    user: User,
    council: str,
    number: str,
    region: str = "",
    specialty: str = "",
    valid_until: Any = None,
) -> ProfessionalLicence:
    """Record ``user``'s own professional licence (``council`` one of
    ``ProfessionalLicence.Council``, ``region`` e.g. the Brazilian state, ``specialty``
    the one the council registers, ``valid_until`` a date or ``None``); it stays
    ``pending`` until an owner or admin verifies it. Audited as ``licence.recorded`` at
    every clinic where ``user`` is an active member, so each one's trail shows it.
    Raises ``ValidationFailed`` naming ``number`` when that council and region already
    hold the number, or another field the model refuses."""
    licence = ProfessionalLicence(
        user=user,
        council=council,
        number=number.strip(),
        region=region.strip().upper(),
        specialty=specialty.strip(),
        valid_until=valid_until,
    )
    clash = ProfessionalLicence.objects.filter(council=council, region=licence.region, number=licence.number)
    if clash.exists():
        raise ValidationFailed(errors={"number": [_("This licence number is already on file.")]})
    model_save(licence)
    for clinic in Clinic.objects.filter(memberships__user=user, memberships__is_active=True):
        audit_event_record(
            clinic=clinic,
            actor=user,
            action="licence.recorded",
            object_type="accounts.ProfessionalLicence",
            object_id=licence.pk,
            changes={
                "licence": [None, str(licence)],
                "valid_until": [None, valid_until.isoformat() if valid_until else None],
            },
        )
    return licence


def licence_verify(
    *, licence: ProfessionalLicence, clinic: Clinic, actor: User, status: str, note: str
) -> ProfessionalLicence:
    """Record the decision of ``actor`` (an owner or admin of ``clinic``, where the
    licence's holder practises: the caller scopes it) on ``licence``: ``status``
    ``verified`` or ``rejected``, with ``note`` saying how it was checked (at most 1000
    characters). A verification is first put to the licence registry
    (``accounts.licence_registry``, outside any transaction): with the ``manual``
    backend the owner's word stands; a registry that finds the licence not in force makes
    it ``rejected`` (its reference kept). A rejection needs no registry. Audited at
    ``clinic`` as ``licence.verified`` or ``licence.rejected``.

    Raises ``ValidationFailed`` naming ``status`` or ``note``; ``ServiceUnavailable``
    (503, ``licence_registry_unavailable``) when the registry gives no usable answer,
    the licence left as it was."""
    note = note.strip()
    if status not in DECISIONS:
        raise ValidationFailed(errors={"status": [_("Choose verified or rejected.")]})
    if not note:
        raise ValidationFailed(errors={"note": [_("Say how the licence was checked.")]})
    answer = RegistryAnswer(status)
    if status == ProfessionalLicence.Status.VERIFIED:
        try:
            answer = licence_registry().lookup(
                council=licence.council, region=licence.region, number=licence.number
            )
        except RegistryError as exc:
            logger.warning("licence registry gave no answer for licence %s: %s", licence.pk, exc)
            raise ServiceUnavailable(
                _("The licence registry gave no usable answer (%(reason)s); the licence was not changed.")
                % {"reason": exc},
                code="licence_registry_unavailable",
            ) from exc
    return _licence_decision_record(licence=licence, clinic=clinic, actor=actor, answer=answer, note=note)


@transaction.atomic
def _licence_decision_record(
    *, licence: ProfessionalLicence, clinic: Clinic, actor: User, answer: RegistryAnswer, note: str
) -> ProfessionalLicence:
    locked = ProfessionalLicence.objects.select_for_update().get(pk=licence.pk)
    before = locked.status
    locked.status, locked.verified_at, locked.verified_by = answer.status, timezone.now(), actor
    locked.verification_note, locked.registry_reference = note[:1000], answer.reference
    model_save(
        locked,
        update_fields=["status", "verified_at", "verified_by", "verification_note", "registry_reference"],
    )
    audit_event_record(
        clinic=clinic,
        actor=actor,
        action=f"licence.{answer.status}",
        object_type="accounts.ProfessionalLicence",
        object_id=locked.pk,
        changes={
            "status": [before, locked.status],
            "verification_note": [None, locked.verification_note],
            "registry_reference": [None, locked.registry_reference],
        },
    )
    return locked
