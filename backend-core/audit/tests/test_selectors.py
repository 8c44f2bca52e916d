from audit.models import GENESIS_HASH, audit_event_hash
from audit.selectors import audit_chain_verify, object_access_history
from audit.services import audit_event_record
from audit.tests.tampering import raw_delete, raw_update
from core.roles import Role
from core.tenancy import clinic_context


def _events(tenant, count, **data):
    data = {"action": "patient.viewed", "object_type": "patients.ClinicPatient", "object_id": "p-1", **data}
    return [audit_event_record(clinic=tenant.clinic, actor=tenant.user(), **data) for _ in range(count)]


def _report(tenant):
    (report,) = audit_chain_verify(clinic_id=tenant.clinic.pk)
    return report


def test_intact_chains_pass(world):
    events = _events(world.a, 3)
    reports = {r.clinic_id: r for r in audit_chain_verify()}
    assert reports[world.a.clinic.pk].intact and reports[world.b.clinic.pk].intact
    assert reports[world.a.clinic.pk].events == 4
    assert reports[world.a.clinic.pk].head_hash == events[-1].hash


def test_an_edited_row_is_found(world):
    events = _events(world.a, 3)
    raw_update(events[1], "action", "patient.exported")

    report = _report(world.a)
    assert report.first_break is not None
    assert (report.first_break.sequence, report.first_break.event_id) == (3, events[1].pk)
    assert report.first_break.problem == "hash_mismatch"
    assert report.first_break.found == events[1].hash
    assert report.first_break.expected != events[1].hash
    assert _report(world.b).intact, "another clinic's chain is not affected"


def test_an_edited_and_rehashed_row_breaks_the_next_link(world):
    events = _events(world.a, 3)
    raw_update(events[0], "object_id", "p-2")
    events[0].refresh_from_db()
    events[0].object_id = "p-2"
    raw_update(events[0], "hash", audit_event_hash(events[0]))

    first_break = _report(world.a).first_break
    assert first_break is not None
    assert (first_break.problem, first_break.event_id) == ("prev_hash_mismatch", events[1].pk)


def test_a_deleted_row_shows_as_a_gap(world):
    events = _events(world.a, 3)
    raw_delete(events[1])

    first_break = _report(world.a).first_break
    assert first_break is not None
    assert first_break.problem == "sequence_gap"
    assert (first_break.expected, first_break.found) == ("3", "4")
    assert first_break.event_id == events[2].pk


def test_deleting_the_first_event_shows_as_a_gap_at_one(world):
    _events(world.a, 1)
    raw_delete(world.a.audit_event)
    first_break = _report(world.a).first_break
    assert first_break is not None and (first_break.problem, first_break.expected) == ("sequence_gap", "1")


def test_a_clinic_without_events_is_intact(world):
    from accounts.tests.factories import ClinicFactory

    clinic = ClinicFactory()
    (report,) = audit_chain_verify(clinic_id=clinic.pk)
    assert report.intact and report.events == 0 and report.head_hash == GENESIS_HASH


def test_access_history_lists_who_viewed_one_record(world):
    doctor = world.a.user(Role.DOCTOR)
    viewed = audit_event_record(
        clinic=world.a.clinic,
        actor=doctor,
        action="patient.viewed",
        object_type="patients.ClinicPatient",
        object_id="p-1",
    )
    _events(world.a, 1, action="patient.updated")
    _events(world.a, 1, object_id="p-2")
    latest = _events(world.a, 1)[0]
    _events(world.b, 1)

    with clinic_context(world.a.clinic):
        history = list(object_access_history(object_type="patients.ClinicPatient", object_id="p-1"))
    assert [e.pk for e in history] == [latest.pk, viewed.pk]
    assert history[1].actor == doctor
