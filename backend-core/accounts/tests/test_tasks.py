import json

from accounts.models import Invite
from accounts.services import invite_create
from core.roles import Role
from core.tenancy import clinic_context


def test_invite_is_delivered_once_by_a_real_worker(celery_worker, world):
    with clinic_context(world.a.clinic):
        invite, token = invite_create(
            clinic=world.a.clinic,
            actor=world.a.user(),
            actor_role=Role.OWNER,
            phone="+66891116666",
            role="nurse",
        )

    def sent() -> bool:
        return Invite.unscoped.filter(pk=invite.pk, sent_at__isnull=False).exists()

    assert celery_worker.wait_for(sent), "the worker did not deliver the invite"
    lines = celery_worker.notifications_file.read_text().splitlines()
    assert len(lines) == 1
    message = json.loads(lines[0])
    assert message["to"] == "+66891116666" and message["channel"] == "sms"
    assert token in message["body"]
    assert message["idempotency_key"] == f"invite:{invite.pk}"
