"""Staff: memberships of a clinic and the roles an actor may grant."""

from __future__ import annotations

import uuid
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.events import MEMBERSHIP_UPDATED, MembershipUpdatedEventDataSerializer
from accounts.models import CALENDAR_VIEWS, Clinic, Membership, MembershipPreferences, User
from accounts.selectors import practitioners_of
from accounts.services.authentication import user_sessions_end
from audit.services import audit_changes, audit_event_record
from core.exceptions import Conflict, FieldErrors, PermissionDeniedError
from core.roles import MANAGERS, Role
from core.services import model_save
from outbox.services import outbox_event_record


def role_grant_check(*, actor_role: str, role: str) -> None:
    """Raise ``PermissionDeniedError`` unless ``actor_role`` may grant ``role``: only an
    owner grants the owner or admin role."""
    if role in MANAGERS and actor_role != Role.OWNER:
        raise PermissionDeniedError(_("Only an owner can grant the owner or admin role."))


@transaction.atomic
def membership_create(*, clinic: Clinic, user: User, role: str) -> Membership:
    """Give ``user`` a ``role`` at ``clinic`` (platform onboarding and demo data; staff
    join through invites). Reactivates an existing membership with the new role."""
    membership, created = Membership.objects.get_or_create(user=user, clinic=clinic, defaults={"role": role})
    if not created:
        membership.role, membership.is_active = role, True
        model_save(membership, update_fields=["role", "is_active"])
    return membership


@transaction.atomic
def membership_update(
    *,
    membership: Membership,
    actor: User,
    actor_role: str,
    role: str | None = None,
    is_active: bool | None = None,
    specialty: str | None = None,
    bio: str | None = None,
    calendar_colour: str | None = None,
) -> Membership:
    """Change a staff member's role, (de)activate them, or edit how the clinic presents
    them: ``specialty`` (at most 120 characters), ``bio`` (at most 1000) and
    ``calendar_colour`` (``#RRGGBB``, or ``""`` for the calendar's default); the
    arguments left ``None`` stay. Only owners touch owners and admins; the clinic always
    keeps at least one active owner. Deactivating an active member or changing their
    role ends all their sessions (``user_sessions_end``). A change is audited as
    ``membership.updated`` (the changed fields, old and new); a call that changes
    nothing records nothing. Raises ``ValidationFailed`` naming ``calendar_colour`` (or
    another field the model refuses)."""
    locked = Membership.objects.select_for_update().get(pk=membership.pk)
    if locked.role in MANAGERS:
        role_grant_check(actor_role=actor_role, role=locked.role)
    if role is not None:
        role_grant_check(actor_role=actor_role, role=role)
    new_role = role if role is not None else locked.role
    new_active = is_active if is_active is not None else locked.is_active
    if locked.role == Role.OWNER and (new_role != Role.OWNER or not new_active):
        owners = Membership.objects.select_for_update().filter(
            clinic_id=locked.clinic_id, role=Role.OWNER, is_active=True
        )
        if owners.count() <= 1:
            raise Conflict(_("A clinic must keep at least one active owner."), code="last_owner")
    ended = (locked.is_active and not new_active) or (locked.is_active and new_role != locked.role)
    profile = {"specialty": specialty, "bio": bio, "calendar_colour": calendar_colour}
    after = {"role": new_role, "is_active": new_active}
    after.update({field: value.strip() for field, value in profile.items() if value is not None})
    if calendar_colour is not None:
        after["calendar_colour"] = calendar_colour.strip().lower()
    before = {field: getattr(locked, field) for field in after}
    for field, value in after.items():
        setattr(locked, field, value)
    model_save(locked, update_fields=list(after))
    changes = audit_changes(before=before, after=after)
    if changes:
        audit_event_record(
            clinic=locked.clinic,
            actor=actor,
            action="membership.updated",
            object_type="accounts.Membership",
            object_id=locked.pk,
            changes=changes,
        )
    if ended:
        # A removed role ends the member's sessions, and with them their sockets: what
        # they were let see and do was decided under the old role (ASVS 5.0 V7.4.2).
        user_sessions_end(user=locked.user, reason="membership_ended")
    outbox_event_record(
        clinic_id=locked.clinic_id,
        type=MEMBERSHIP_UPDATED,
        subject=f"membership/{locked.pk}",
        data=MembershipUpdatedEventDataSerializer(locked).data,
    )
    return locked


def membership_preferences_update(
    *,
    membership: Membership,
    actor: User,
    calendar_practitioners: list[uuid.UUID] | None = None,
    calendar_view: str | None = None,
) -> dict[str, Any]:
    """Save the member's own screen choices at their clinic (the given keys only) and
    return them all. ``calendar_practitioners``: the practitioners the calendar shows, in
    order, each an active practitioner of the membership's clinic (empty: all);
    ``calendar_view`` one of ``CALENDAR_VIEWS``. Only the member may change them
    (``actor``). Raises ``ValidationFailed`` naming ``calendar_practitioners`` or
    ``calendar_view``; ``PermissionDeniedError`` when ``actor`` is someone else."""
    if actor.pk != membership.user_id:
        raise PermissionDeniedError()
    errors = FieldErrors()
    changes: dict[str, Any] = {}
    if calendar_practitioners is not None:
        wanted = list(dict.fromkeys(calendar_practitioners))
        staff = practitioners_of(membership.clinic).filter(user_id__in=wanted)
        if set(wanted) - set(staff.values_list("user_id", flat=True)):
            errors.add("calendar_practitioners", _("Not a practitioner of this clinic."))
        changes["calendar_practitioners"] = [str(pid) for pid in wanted]
    if calendar_view is not None:
        if calendar_view not in CALENDAR_VIEWS:
            errors.add("calendar_view", _("Unknown view."))
        changes["calendar_view"] = calendar_view
    errors.raise_if_any()
    with transaction.atomic():
        row, _created = MembershipPreferences.objects.select_for_update().get_or_create(membership=membership)
        row.values = {**row.values, **changes}
        model_save(row, update_fields=["values", "updated_at"])
    values: dict[str, Any] = row.values
    return values
