"""The audit context (core/context.py): set from each HTTP request by its middleware,
the system context everywhere else."""

from audit.models import AuditEvent
from core.context import SYSTEM_CONTEXT, audit_context_get
from core.roles import Role


def test_outside_a_request_the_context_is_the_system_one():
    assert audit_context_get() == SYSTEM_CONTEXT
    assert (SYSTEM_CONTEXT.ip, SYSTEM_CONTEXT.user_agent, SYSTEM_CONTEXT.request_id) == (None, "", "")


def test_a_request_audits_its_address_agent_id_and_the_callers_role(api, world):
    client = api(world.a.user(Role.DOCTOR), world.a.clinic)
    response = client.get(
        f"/api/v1/patients/{world.a.patient.pk}",
        REMOTE_ADDR="203.0.113.7",
        HTTP_USER_AGENT="Tablet",
        HTTP_X_REQUEST_ID="req-42",
    )
    assert response.status_code == 200, response.content
    viewed = AuditEvent.unscoped.get(clinic=world.a.clinic, action="patient.viewed")
    assert (viewed.ip, viewed.user_agent, viewed.request_id) == ("203.0.113.7", "Tablet", "req-42")
    assert (viewed.actor_id, viewed.actor_role) == (world.a.user(Role.DOCTOR).pk, Role.DOCTOR)
    assert audit_context_get() == SYSTEM_CONTEXT  # reset when the response left
