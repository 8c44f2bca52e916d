"""Invites and role changes leave their record in the clinic's audit trail; a refused
operation leaves none."""

import pytest

from accounts.models import Membership
from accounts.services import invite_accept, invite_create, invite_revoke, membership_update
from audit.models import AuditEvent
from core.exceptions import Conflict
from core.roles import Role
from core.tenancy import clinic_context


def _events(clinic, action):
    return list(AuditEvent.unscoped.filter(clinic=clinic, action=action).order_by("sequence"))


def test_an_invite_is_audited_when_created_with_the_phone_masked_and_when_accepted(world):
    a, owner = world.a, world.a.user()
    with clinic_context(a.clinic):
        invite, token = invite_create(
            clinic=a.clinic, actor=owner, actor_role=Role.OWNER, phone="+66891117777", role="nurse"
        )
    [created] = _events(a.clinic, "invite.created")
    assert (created.actor, created.object_type, created.object_id) == (
        owner,
        "accounts.Invite",
        str(invite.pk),
    )
    assert created.changes["role"] == [None, "nurse"]
    assert created.changes["phone"][1] != "+66891117777" and "1117777" not in str(created.changes)
    membership = invite_accept(token=token, user=None, password="Orchid-River-19", given_name="Fah")
    [accepted] = _events(a.clinic, "invite.accepted")
    assert accepted.actor == membership.user and accepted.object_id == str(invite.pk)
    assert accepted.changes == {
        "status": ["pending", "accepted"],
        "membership_id": [None, str(membership.pk)],
        "role": [None, "nurse"],
    }


def test_a_revoked_invite_is_audited_once(world):
    a, owner = world.a, world.a.user()
    with clinic_context(a.clinic):
        invite_revoke(invite=a.invite, actor=owner)
        with pytest.raises(Conflict):
            invite_revoke(invite=a.invite, actor=owner)
    [revoked] = _events(a.clinic, "invite.revoked")
    assert (revoked.actor, revoked.object_id) == (owner, str(a.invite.pk))
    assert revoked.changes == {"status": ["pending", "revoked"]}


def test_a_role_change_and_a_deactivation_are_audited_with_old_and_new_values(world):
    a, owner = world.a, world.a.user()
    nurse = a.members[Role.NURSE]
    with clinic_context(a.clinic):
        membership_update(membership=nurse, actor=owner, actor_role=Role.OWNER, role=Role.DOCTOR)
        membership_update(membership=nurse, actor=owner, actor_role=Role.OWNER, is_active=False)
        membership_update(membership=nurse, actor=owner, actor_role=Role.OWNER, is_active=False)  # no change
    events = _events(a.clinic, "membership.updated")
    assert [(e.actor, e.object_type, e.object_id) for e in events] == [
        (owner, "accounts.Membership", str(nurse.pk)),
    ] * 2
    assert [e.changes for e in events] == [{"role": ["nurse", "doctor"]}, {"is_active": [True, False]}]


def test_a_refused_role_change_writes_no_audit_event(world):
    a = world.a
    owner = a.members[Role.OWNER]
    with clinic_context(a.clinic), pytest.raises(Conflict):
        membership_update(membership=owner, actor=owner.user, actor_role=Role.OWNER, role=Role.ADMIN)
    assert not _events(a.clinic, "membership.updated")
    assert Membership.objects.get(pk=owner.pk).role == Role.OWNER
