from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from audit.services import audit_event_record
from audit.tests.tampering import raw_delete, raw_update


def _run(*args):
    out, err = StringIO(), StringIO()
    call_command("verify_audit_chain", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _events(tenant, count):
    return [
        audit_event_record(
            clinic=tenant.clinic,
            actor=tenant.user(),
            action="patient.viewed",
            object_type="patients.ClinicPatient",
            object_id="p-1",
        )
        for _ in range(count)
    ]


def test_intact_chains_pass(world):
    _events(world.a, 2)
    out, err = _run()
    assert f"clinic {world.a.clinic.pk}: 3 events, intact" in out
    assert f"clinic {world.b.clinic.pk}: 1 events, intact" in out
    assert err == ""


def test_a_tampered_row_fails_with_the_first_broken_link(world):
    events = _events(world.a, 2)
    raw_update(events[0], "changes", '{"price": ["1.00", "0.01"]}')
    err = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("verify_audit_chain", stdout=StringIO(), stderr=err)
    assert error.value.returncode == 1
    assert f"clinic {world.a.clinic.pk}: broken at sequence 2 (event {events[0].pk}): hash mismatch" in (
        err.getvalue()
    )
    assert str(world.b.clinic.pk) not in err.getvalue()


def test_a_gap_fails(world):
    events = _events(world.a, 2)
    raw_delete(events[0])
    with pytest.raises(CommandError):
        _run("--clinic", str(world.a.clinic.pk))


def test_one_clinic_can_be_checked_alone(world):
    events = _events(world.a, 1)
    raw_delete(events[0])  # the newest: a shorter chain is still a valid chain
    out, _err = _run("--clinic", str(world.b.clinic.pk))
    assert str(world.a.clinic.pk) not in out
    assert "1 clinic chain(s) intact." in out


def test_a_malformed_clinic_id_is_refused(world):
    with pytest.raises(CommandError, match="--clinic must be a clinic UUID"):
        _run("--clinic", "nope")
