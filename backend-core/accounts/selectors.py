"""Reads of the accounts context."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable
from typing import Any, NamedTuple

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import (
    Clinic,
    Invite,
    Membership,
    MembershipPreferences,
    ProfessionalLicence,
    User,
    licence_councils_for,
)
from core.exceptions import Conflict, ValidationFailed
from core.permissions import roles_with_permission
from core.prepared import PreparedQuery
from core.roles import CLINICAL_ROLES, MANAGERS, TWO_FACTOR_ROLES, Role


def membership_active_get(*, user_id: uuid.UUID, clinic_id: uuid.UUID) -> Membership | None:
    """The user's active membership at an active clinic, with clinic and organization."""
    return (
        Membership.objects.select_related("clinic__organization")
        .filter(user_id=user_id, clinic_id=clinic_id, is_active=True, clinic__is_active=True)
        .first()
    )


def membership_list_for_user(*, user: User) -> QuerySet[Membership]:
    return (
        Membership.objects.select_related("clinic")
        .filter(user=user, is_active=True, clinic__is_active=True)
        .order_by("clinic__name")
    )


class MembershipBrief(NamedTuple):
    """One of the user's memberships as ``/users/me`` lists it."""

    id: uuid.UUID
    clinic_id: uuid.UUID
    clinic_name: str
    clinic_time_zone: str
    role: str


def _memberships_and_device(*, user_id: uuid.UUID) -> QuerySet[Any, Any]:
    return (
        Membership.objects.filter(user_id=user_id, is_active=True)
        .annotate(enrolled=Exists(TOTPDevice.objects.filter(user_id=OuterRef("user_id"), confirmed=True)))
        .order_by("clinic__name")
        .values_list(
            "pk", "clinic_id", "clinic__name", "clinic__time_zone", "role", "clinic__is_active", "enrolled"
        )
    )


# Read at every start of the app: compiled once per process (core.prepared).
_MEMBERSHIPS_AND_DEVICE = PreparedQuery(_memberships_and_device, params=("user_id",))


def membership_list_and_two_factor_state(*, user: User) -> tuple[list[MembershipBrief], bool, bool]:
    """``/users/me``'s memberships and second-factor state from one query: the user's
    active memberships at active clinics, ordered by clinic name, as
    ``membership_list_for_user``; whether any active membership (at any clinic) has a
    role that must use TOTP, as ``user_requires_two_factor``; and whether the user has a
    confirmed TOTP device (a second query only for a user without an active
    membership). Plain rows, not model instances: every start of the app reads this."""
    rows = _MEMBERSHIPS_AND_DEVICE.rows(user_id=user.pk)
    required = any(role in TWO_FACTOR_ROLES for _pk, _clinic, _name, _zone, role, _open, _enrolled in rows)
    enrolled = rows[0][-1] if rows else TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    listed = [
        MembershipBrief(pk, clinic_id, clinic_name, zone, role)
        for pk, clinic_id, clinic_name, zone, role, clinic_is_active, _enrolled in rows
        if clinic_is_active
    ]
    return listed, required, enrolled


def staff_list(*, clinic: Clinic, search: str = "") -> QuerySet[Membership]:
    """Memberships of ``clinic`` with their users, ordered by name. ``search``: words that
    must each be found (case-insensitive) in the given or family name, or, for a word with
    digits, in the mobile number (its digits, E.164), so "Nok Chai" finds Nok Chaiyaporn."""
    queryset = Membership.objects.select_related("user").filter(clinic=clinic)
    for word in search.split():
        matches = Q(user__given_name__icontains=word) | Q(user__family_name__icontains=word)
        digits = re.sub(r"\D", "", word)
        if digits:
            matches |= Q(user__phone__contains=digits)
        queryset = queryset.filter(matches)
    return queryset.order_by("user__given_name", "user__family_name")


def membership_preferences(*, membership: Membership) -> dict[str, Any]:
    """The member's saved screen choices at their clinic (``{}`` before the first save)."""
    row = MembershipPreferences.objects.filter(membership=membership).first()
    return row.values if row is not None else {}


def practitioners_of(clinic: Clinic) -> QuerySet[Membership]:
    """Active clinical staff of the clinic (doctors, nurses, therapists, assistants)."""
    return Membership.objects.select_related("user").filter(
        clinic=clinic, is_active=True, role__in=list(CLINICAL_ROLES)
    )


def practitioner_get(*, clinic: Clinic, practitioner_id: uuid.UUID | str) -> Any:
    """The user who is an active practitioner of ``clinic`` with id ``practitioner_id``.
    Raises ``ValidationFailed`` naming ``practitioner_id`` otherwise (also for another
    clinic's staff)."""
    membership = practitioners_of(clinic).filter(user_id=practitioner_id).first()
    if membership is None:
        raise ValidationFailed(errors={"practitioner_id": [_("Not a practitioner of this clinic.")]})
    return membership.user


def clinic_list_for_organization(*, organization_id: uuid.UUID) -> QuerySet[Clinic]:
    return Clinic.objects.filter(organization_id=organization_id).order_by("name")


def clinics_managed_by(*, user: User, role: str) -> QuerySet[Clinic]:
    """Clinics ``user`` may open and edit in the settings, before the organization scope
    the view adds: every clinic when ``role`` (their role where they act) is owner, the
    owner running the whole organization; otherwise only clinics where they hold an
    active manager membership, so an admin of one branch cannot change another's
    currency or time zone."""
    clinics = Clinic.objects.select_related("organization").order_by("name")
    if role == Role.OWNER:
        return clinics
    return clinics.filter(
        memberships__user=user, memberships__is_active=True, memberships__role__in=list(MANAGERS)
    )


def clinics_permitting(*, user: User, organization_id: uuid.UUID, permission: str) -> QuerySet[Clinic]:
    """Clinics of organization ``organization_id`` where ``user`` holds an active
    membership whose role has ``permission`` (``core.permissions.PERMISSIONS``): the
    clinics they may act in for that permission, whichever clinic the request names."""
    return Clinic.objects.filter(
        organization_id=organization_id,
        memberships__user=user,
        memberships__is_active=True,
        memberships__role__in=list(roles_with_permission(permission)),
    )


def invite_list() -> QuerySet[Invite]:
    """Invites of the current clinic (tenant-scoped manager), newest first."""
    return Invite.objects.select_related("invited_by").order_by("-created_at")


def licence_list_for_user(*, user: User) -> QuerySet[ProfessionalLicence]:
    return ProfessionalLicence.objects.filter(user=user).order_by("council", "number")


def licence_list_for_clinic(
    *, clinic: Clinic, expiring_within_days: int | None = None
) -> QuerySet[ProfessionalLicence]:
    """Licences of the active practitioners of ``clinic`` (``practitioners_of``), with
    their holder (``user``, ``verified_by``) and the holder's role there as
    ``member_role``, soonest expiry first (no expiry last). ``expiring_within_days``:
    only licences whose ``valid_until`` is on or before the clinic's today plus that many
    days, those already expired included (they need renewing first)."""
    roles = Membership.objects.filter(clinic=clinic, user_id=OuterRef("user_id")).values("role")[:1]
    licences = (
        ProfessionalLicence.objects.filter(user__in=practitioners_of(clinic).values("user_id"))
        .select_related("user", "verified_by")
        .annotate(member_role=Subquery(roles))
    )
    if expiring_within_days is not None:
        horizon = clinic.today() + dt.timedelta(days=expiring_within_days)
        licences = licences.filter(valid_until__lte=horizon)
    return licences.order_by("valid_until", "user__given_name", "council", "number")


def practitioner_licence_check(*, user: User, clinic: Clinic, on: dt.date | None = None) -> None:
    """Refuse a clinical act by ``user`` at ``clinic`` when the clinic requires licences
    (``Clinic.licence_check``) and ``user`` holds no verified licence, valid on ``on``
    (default: the clinic's today; a licence without ``valid_until`` does not expire),
    of a council that lets their role practise in the clinic's country
    (``accounts.models.licence_councils_for``). Raises ``Conflict`` (409,
    ``licence_required``) whose message names the council and what is wrong, the most
    actionable first: no licence, one waiting for verification, one expired (the latest),
    one rejected. Nothing is read when the
    clinic does not require licences."""
    if not clinic.licence_check:
        return
    role = Membership.objects.filter(user=user, clinic=clinic).values_list("role", flat=True).first() or ""
    councils = licence_councils_for(country=clinic.country, role=role)
    day = on or clinic.today()
    licences = list(ProfessionalLicence.objects.filter(user=user, council__in=councils))
    verified = ProfessionalLicence.Status.VERIFIED
    if any(
        lic.status == verified and (lic.valid_until is None or lic.valid_until >= day) for lic in licences
    ):
        return
    names = " / ".join(councils) or clinic.country
    expired = [lic for lic in licences if lic.valid_until is not None and lic.valid_until < day]
    pending = [
        lic for lic in licences if lic.status == ProfessionalLicence.Status.PENDING and lic not in expired
    ]
    if not licences:
        message = _(
            "No %(council)s licence is on file for you: add it to your profile and have it verified."
        ) % {"council": names}
    elif pending:
        message = _("Your %(council)s licence %(number)s is not verified yet: ask an owner to verify it.") % {
            "council": pending[0].council,
            "number": pending[0].number,
        }
    elif expired:
        newest = max(expired, key=lambda row: row.valid_until or day)
        message = _(
            "Your %(council)s licence %(number)s expired on %(date)s: renew it and have it verified."
        ) % {
            "council": newest.council,
            "number": newest.number,
            "date": newest.valid_until,
        }
    else:
        message = _("Your %(council)s licence %(number)s was rejected: ask an owner to review it.") % {
            "council": licences[0].council,
            "number": licences[0].number,
        }
    raise Conflict(message, code="licence_required")


def user_requires_two_factor(*, user: User) -> bool:
    """True when any active membership has a role that must use TOTP."""
    return Membership.objects.filter(user=user, is_active=True, role__in=list(TWO_FACTOR_ROLES)).exists()


def totp_device_confirmed(*, user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def two_factor_state(
    *, user: User, verified: bool, required: bool | None = None, enrolled: bool | None = None
) -> dict[str, Any]:
    """``{"required": bool, "enrolled": bool, "verified": bool}`` for API responses;
    ``required`` and ``enrolled`` when the caller has already read them (else a query
    each)."""
    return {
        "required": user_requires_two_factor(user=user) if required is None else required,
        "enrolled": (
            TOTPDevice.objects.filter(user=user, confirmed=True).exists() if enrolled is None else enrolled
        ),
        "verified": verified,
    }


def user_names(*, user_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Full names (the phone number when a user has none) of ``user_ids``: one query."""
    return {user.pk: str(user) for user in User.objects.filter(pk__in=list(user_ids))}
