import itertools
import threading
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection, transaction

from accounts.tests.factories import ClinicFactory, UserFactory
from audit.masking import REDACTED
from audit.models import GENESIS_HASH, AuditEvent, audit_event_hash
from audit.services import AuditChanges, audit_changes, audit_event_record
from core.context import AuditContext, audit_context
from core.exceptions import ValidationFailed
from core.roles import Role

requires_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")


def _record(clinic, actor=None, **overrides):
    data = {"action": "patient.viewed", "object_type": "patients.ClinicPatient", "object_id": "p-1"}
    return audit_event_record(clinic=clinic, actor=actor, **{**data, **overrides})


@pytest.mark.django_db
def test_first_event_of_a_clinic_points_at_64_zeros():
    event = _record(ClinicFactory())
    assert event.sequence == 1
    assert event.prev_hash == GENESIS_HASH == "0" * 64
    assert len(event.hash) == 64 and event.hash != GENESIS_HASH


def test_each_event_links_to_the_previous_one_of_its_clinic(world):
    first = world.a.audit_event
    second = _record(world.a.clinic, world.a.user())
    third = _record(world.a.clinic, world.a.user(), action="patient.updated")
    other_clinic = _record(world.b.clinic, world.b.user())

    assert (second.sequence, second.prev_hash) == (first.sequence + 1, first.hash)
    assert (third.sequence, third.prev_hash) == (second.sequence + 1, second.hash)
    assert (other_clinic.sequence, other_clinic.prev_hash) == (2, world.b.audit_event.hash)


def test_the_stored_row_hashes_to_its_hash(world):
    """What is read back from the database hashes the same as what was written,
    including JSON values that a naive round trip would change."""
    with audit_context(AuditContext(ip="2001:db8::1", user_agent="Firefox/140")):
        event = _record(
            world.a.clinic,
            world.a.user(),
            changes={
                "price": [Decimal("350.00"), Decimal("400.50")],
                "birth_date": [None, date(1990, 5, 17)],
            },
        )
    stored = AuditEvent.unscoped.get(pk=event.pk)
    assert audit_event_hash(stored) == stored.hash == event.hash
    assert stored.changes == {"price": ["350.00", "400.50"], "birth_date": [None, "1990-05-17"]}


def test_the_audit_context_is_recorded(world):
    origin = AuditContext(
        ip="203.0.113.7", user_agent="x" * 1000, request_id="req-42", actor_role=Role.DOCTOR
    )
    with audit_context(origin):
        event = _record(world.a.clinic, world.a.user(Role.DOCTOR))
    assert event.ip == "203.0.113.7"
    assert event.user_agent == "x" * 256
    assert event.request_id == "req-42"
    assert event.actor_role == Role.DOCTOR


def test_outside_a_request_no_origin_is_recorded(world):
    event = _record(world.a.clinic, world.a.user(Role.DOCTOR))
    assert (event.ip, event.user_agent, event.request_id, event.actor_role) == (None, "", "", "")


def test_the_system_is_an_actor_without_a_user(world):
    event = _record(world.a.clinic, None, action="retention.purged")
    assert event.actor is None and event.actor_role == ""


@pytest.mark.parametrize(
    "action", ["patient", "Patient.Viewed", "patient.viewed.twice", "patient viewed", ""]
)
def test_action_must_be_noun_dot_verb(world, action):
    with pytest.raises(ValidationFailed) as error:
        _record(world.a.clinic, action=action)
    assert "action" in error.value.errors
    assert AuditEvent.unscoped.filter(clinic=world.a.clinic).count() == 1


def test_changes_must_be_old_new_pairs(world):
    with pytest.raises(ValidationFailed) as error:
        _record(world.a.clinic, changes={"tags": ["vip"]})
    assert "changes" in error.value.errors


def test_sensitive_values_are_masked_in_changes():
    changes = audit_changes(
        before={
            "phone": "+66815550101",
            "email": "somchai@example.com",
            "national_id": "1101700230705",
            "address": "99 Sukhumvit Rd",
            "given_name": "Somchai",
            "tags": ["vip"],
        },
        after={
            "phone": "+66815550202",
            "email": "",
            "national_id": "1101700230705",
            "address": "1 Silom Rd",
            "given_name": "Somchai",
            "tags": ["vip", "filler"],
        },
    )
    assert isinstance(changes, AuditChanges)
    assert changes == {
        "phone": ["+6XXXXX50101", "+6XXXXX50202"],
        "email": ["s***@example.com", ""],
        "address": [REDACTED, REDACTED],
        "tags": [["vip"], ["vip", "filler"]],
    }


def test_the_service_masks_sensitive_values_passed_raw(world):
    event = _record(
        world.a.clinic,
        action="patient.updated",
        changes={"phone": ["081-555-0101", "081-555-0202"], "address": ["a", "b"], "sex": ["male", "female"]},
    )
    assert event.changes == {
        "phone": ["0XX-XXX-0101", "0XX-XXX-0202"],
        "address": [REDACTED, REDACTED],
        "sex": ["male", "female"],
    }


def test_changes_built_by_the_helper_are_not_masked_twice(world):
    changes = audit_changes(before={"phone": "+66815550101"}, after={"phone": "+66815550202"})
    event = _record(world.a.clinic, action="patient.updated", changes=changes)
    assert event.changes == {"phone": ["+6XXXXX50101", "+6XXXXX50202"]}


def test_audit_changes_compares_only_the_named_fields():
    changes = audit_changes(before={"a": 1, "b": 1}, after={"a": 2, "b": 2, "c": 3}, fields=["a", "c"])
    assert changes == {"a": [1, 2], "c": [None, 3]}


def _audited_operation_that_fails(clinic):
    with transaction.atomic():
        _record(clinic)
        raise RuntimeError("the audited operation failed")


def test_an_event_rolled_back_with_its_operation_leaves_no_gap(world):
    with pytest.raises(RuntimeError):
        _audited_operation_that_fails(world.a.clinic)
    event = _record(world.a.clinic)
    assert event.sequence == 2 and event.prev_hash == world.a.audit_event.hash


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_never_fork_a_clinics_chain():
    """Writers in parallel transactions (own connections) append to one clinic; each
    holds its transaction open after appending, so without the per-clinic lock they
    would read the same last event and collide on (clinic, sequence)."""
    clinic = ClinicFactory()
    actor = UserFactory()
    writers, per_writer = 4, 5
    barrier = threading.Barrier(writers)
    errors: list[BaseException] = []

    def write() -> None:
        try:
            barrier.wait()
            for _ in range(per_writer):
                with transaction.atomic():
                    _record(clinic, actor)
                    connection.cursor().execute("SELECT pg_sleep(0.01)")
        except BaseException as exc:  # reported to the test thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write) for _ in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors
    events = list(AuditEvent.unscoped.filter(clinic=clinic).order_by("sequence"))
    assert [e.sequence for e in events] == list(range(1, writers * per_writer + 1))
    assert events[0].prev_hash == GENESIS_HASH
    assert all(later.prev_hash == earlier.hash for earlier, later in itertools.pairwise(events))
