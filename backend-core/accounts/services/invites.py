"""Invites: create, revoke, accept, and the SMS that carries the link."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from accounts.events import MEMBERSHIP_CREATED, MembershipCreatedEventDataSerializer
from accounts.models import Clinic, Invite, Membership, User
from accounts.services.staff import membership_create, role_grant_check
from accounts.services.users import user_create
from accounts.validators import clean_phone
from audit.services import audit_event_record
from core.exceptions import AuthenticationFailedError, Conflict, Gone, PermissionDeniedError, ValidationFailed
from core.masking import format_phone, mask_phone
from core.services import model_save
from core.tasks import enqueue_on_commit
from notifications.services import message_send
from notifications.templates import render
from outbox.services import outbox_event_record


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _invite_audit(*, invite: Invite, actor: User, action: str, changes: dict[str, list[object]]) -> None:
    audit_event_record(
        clinic=invite.clinic,
        actor=actor,
        action=action,
        object_type="accounts.Invite",
        object_id=invite.pk,
        changes=changes,
    )


def invite_accept_url(token: str) -> str:
    return f"{settings.PUBLIC_BASE_URL}/accept-invite?token={token}"


@transaction.atomic
def invite_create(
    *, clinic: Clinic, actor: User, actor_role: str, phone: str, role: str, email: str = ""
) -> tuple[Invite, str]:
    """Invite a person (by mobile number) to ``clinic`` as ``role``.

    Returns the invite and its one-time token (only its hash is stored). The invite is
    delivered by the worker after commit. Expires after ``INVITE_TTL_HOURS`` (72 h).
    Audited as ``invite.created`` (the phone and e-mail masked, the role).
    Raises ``ValidationFailed``, ``PermissionDeniedError``, ``Conflict`` (already staff).
    """
    e164 = clean_phone(phone, region=clinic.country)
    role_grant_check(actor_role=actor_role, role=role)
    if Membership.objects.filter(clinic=clinic, user__phone=e164, is_active=True).exists():
        raise Conflict(_("This person already works at this clinic."), code="already_member")
    token = secrets.token_urlsafe(32)
    invite = Invite(
        clinic=clinic,
        phone=e164,
        email=email,
        role=role,
        token_hash=_token_hash(token),
        expires_at=timezone.now() + timedelta(hours=settings.INVITE_TTL_HOURS),
        invited_by=actor,
    )
    model_save(invite)
    _invite_audit(
        invite=invite,
        actor=actor,
        action="invite.created",
        changes={"phone": [None, e164], "email": [None, email], "role": [None, role]},
    )
    from accounts.tasks import invite_deliver

    enqueue_on_commit(invite_deliver, clinic_id=str(clinic.pk), invite_id=str(invite.pk), token=token)
    return invite, token


@transaction.atomic
def invite_revoke(*, invite: Invite, actor: User) -> Invite:
    """Revoke a pending invite (its link stops working), audited as ``invite.revoked``.
    Raises ``Conflict`` (``invite_not_pending``) for an invite accepted, revoked or
    expired."""
    if invite.status != Invite.Status.PENDING:
        raise Conflict(_("Only a pending invite can be revoked."), code="invite_not_pending")
    invite.revoked_at = timezone.now()
    model_save(invite, update_fields=["revoked_at"])
    _invite_audit(
        invite=invite,
        actor=actor,
        action="invite.revoked",
        changes={"status": [Invite.Status.PENDING, invite.status]},
    )
    return invite


@transaction.atomic
def invite_accept(
    *,
    token: str,
    user: User | None,
    password: str = "",
    given_name: str = "",
    family_name: str = "",
    email: str = "",
) -> Membership:
    """Accept an invite with its token and get the membership.

    If an account with the invited phone exists, the caller must be signed in as that
    user (``user``); otherwise a new account is created from ``password`` and names.
    Audited as ``invite.accepted`` (by the member; the membership and its role).
    Raises ``Gone`` (expired, revoked or used), ``ValidationFailed``,
    ``AuthenticationFailedError`` (must sign in), ``PermissionDeniedError`` (wrong user).
    """
    invite = _pending_invite(token, lock=True)
    existing = User.objects.filter(phone=invite.phone).first()
    if existing is not None:
        if user is None or not user.is_authenticated:
            raise AuthenticationFailedError(
                _("An account with this mobile number exists: sign in, then accept."),
                code="sign_in_to_accept",
            )
        if user.pk != existing.pk:
            raise PermissionDeniedError(_("This invite was sent to another mobile number."))
        member = existing
    else:
        if not given_name:
            raise ValidationFailed(errors={"given_name": [_("This field is required.")]})
        if not password:
            raise ValidationFailed(errors={"password": [_("This field is required.")]})
        member = user_create(
            phone=invite.phone,
            password=password,
            given_name=given_name,
            family_name=family_name,
            email=email or invite.email,
        )
    membership = membership_create(clinic=invite.clinic, user=member, role=invite.role)
    invite.accepted_at, invite.accepted_by = timezone.now(), member
    model_save(invite, update_fields=["accepted_at", "accepted_by"])
    _invite_audit(
        invite=invite,
        actor=member,
        action="invite.accepted",
        changes={
            "status": [Invite.Status.PENDING, invite.status],
            "membership_id": [None, membership.pk],
            "role": [None, membership.role],
        },
    )
    outbox_event_record(
        clinic_id=invite.clinic_id,
        type=MEMBERSHIP_CREATED,
        subject=f"membership/{membership.pk}",
        data=MembershipCreatedEventDataSerializer(membership).data,
    )
    return membership


def _pending_invite(token: str, *, lock: bool) -> Invite:
    """The pending invite of ``token``. The token identifies the clinic: this read
    crosses clinics on purpose. Raises ``ValidationFailed`` (``token``: no such invite)
    or ``Gone`` (``invite_expired`` / ``invite_revoked`` / ``invite_accepted``)."""
    invites = Invite.unscoped.select_related("clinic")
    invite = (invites.select_for_update() if lock else invites).filter(token_hash=_token_hash(token)).first()
    if invite is None:
        raise ValidationFailed(errors={"token": [_("This invite link is not valid.")]})
    if invite.status != Invite.Status.PENDING:
        raise Gone(
            _("This invite is %(status)s.") % {"status": invite.status}, code=f"invite_{invite.status}"
        )
    return invite


@dataclass(frozen=True)
class InvitePreview:
    """What the accept-invite page shows before anything is written."""

    clinic_name: str
    role: str
    phone_masked: str
    expires_at: datetime
    account_exists: bool


def invite_preview(*, token: str) -> InvitePreview:
    """The clinic, role and (masked) mobile number of a pending invite, and whether that
    number has an account already (then the invitee signs in to accept). Raises as
    ``invite_accept`` does for a bad or used token (400 ``token``, 410 ``invite_<status>``)."""
    invite = _pending_invite(token, lock=False)
    return InvitePreview(
        clinic_name=invite.clinic.name,
        role=invite.role,
        phone_masked=mask_phone(format_phone(invite.phone, region=invite.clinic.country)),
        expires_at=invite.expires_at,
        account_exists=User.objects.filter(phone=invite.phone).exists(),
    )


@transaction.atomic
def invite_mark_sent(*, invite: Invite) -> None:
    if invite.sent_at is None:
        invite.sent_at = timezone.now()
        model_save(invite, update_fields=["sent_at"])


def invite_send(*, invite: Invite, token: str) -> None:
    """Send the invite link (with its one-time ``token``) by SMS in the clinic's
    language (template ``invite.sent``) and mark the invite sent. Idempotent: an invite
    already sent, accepted or revoked is not sent again, and the message carries the
    idempotency key ``invite:<id>``.

    Sent with ``message_send``, not as a stored ``Notification``: the link carries the
    one-time token, of which only the hash is stored. Raises ``TransientDeliveryError``
    or ``OSError`` when the provider can be tried again."""
    if invite.sent_at is not None or invite.status != Invite.Status.PENDING:
        return
    with override(invite.clinic.locale):
        role = str(invite.get_role_display())
    text = render(
        "invite.sent",
        languages=[invite.clinic.locale],
        payload={"clinic": invite.clinic.name, "role": role, "url": invite_accept_url(token)},
    )
    message_send(
        channel="sms",
        to=invite.phone,
        subject=text.subject,
        body=text.body,
        idempotency_key=f"invite:{invite.pk}",
    )
    invite_mark_sent(invite=invite)
