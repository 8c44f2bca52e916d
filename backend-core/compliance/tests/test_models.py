"""Database-level guarantees: trigger-written, append-only history
(PostgreSQL: the embedded SQLite profile has no triggers)."""

import datetime
from decimal import Decimal

import pytest
from django.db import DatabaseError, connection, transaction

from accounts.models import Clinic, Membership
from catalog.models import Service
from compliance.models import (
    ClinicEvent,
    ClinicPatientEvent,
    MembershipEvent,
    PatientProfileEvent,
    ServiceEvent,
)
from core.roles import Role
from core.tenancy import clinic_context
from patients.models import ClinicPatient, PatientProfile
from patients.services import patient_register

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="triggers exist on PostgreSQL only")

PROTECTED = "Cannot update or delete rows"


def _patient(tenant):
    with clinic_context(tenant.clinic):
        return patient_register(
            clinic=tenant.clinic,
            actor=tenant.user(Role.RECEPTIONIST),
            given_name="Somchai",
            family_name="Jaidee",
            birth_date=datetime.date(1990, 5, 17),
            phone="081-555-0101",
            email="somchai@example.com",
        )


def test_bulk_updates_of_audited_tables_leave_history_rows(world):
    patient = _patient(world.a)
    Service.unscoped.filter(clinic=world.a.clinic).update(price=Decimal("420.00"), is_active=False)
    ClinicPatient.unscoped.filter(pk=patient.pk).update(tags=["vip"])
    Membership.objects.filter(clinic=world.a.clinic, role=Role.NURSE).update(role=Role.DOCTOR)
    Clinic.objects.filter(pk=world.a.clinic.pk).update(name="Sukhumvit branch")

    service_rows = ServiceEvent.objects.filter(pgh_obj_id=world.a.service.pk).order_by("pgh_id")
    assert [(e.pgh_label, e.price, e.is_active) for e in service_rows] == [
        ("insert", Decimal("350.00"), True),
        ("update", Decimal("420.00"), False),
    ]
    assert ClinicPatientEvent.objects.filter(pgh_obj_id=patient.pk, pgh_label="update").get().tags == ["vip"]
    nurse = world.a.members[Role.NURSE]
    assert MembershipEvent.objects.filter(pgh_obj_id=nurse.pk, pgh_label="update").get().role == Role.DOCTOR
    assert ClinicEvent.objects.filter(pgh_obj_id=world.a.clinic.pk, pgh_label="update").get().name == (
        "Sukhumvit branch"
    )
    assert not ServiceEvent.objects.filter(pgh_obj_id=world.b.service.pk, pgh_label="update").exists()


def test_deletes_of_audited_tables_leave_history_rows(world):
    patient = _patient(world.a)
    ClinicPatient.unscoped.filter(pk=patient.pk).delete()
    deleted = ClinicPatientEvent.objects.get(pgh_obj_id=patient.pk, pgh_label="delete")
    assert deleted.chart_number == patient.chart_number


def test_history_leaves_out_contact_and_id_values_but_records_their_change(world):
    patient = _patient(world.a)
    PatientProfile.objects.filter(pk=patient.profile_id).update(phone="+66815550202")

    update = PatientProfileEvent.objects.get(pgh_obj_id=patient.profile_id, pgh_label="update")
    assert update.given_name == "Somchai"
    snapshot_columns = {f.name for f in PatientProfileEvent._meta.fields}
    assert not snapshot_columns & {"phone", "email", "national_id"}
    assert not {"phone", "address"} & {f.name for f in ClinicEvent._meta.fields}


def test_history_rows_cannot_be_updated_or_deleted(world):
    assert ServiceEvent.objects.filter(pgh_obj_id=world.a.service.pk).exists()
    with pytest.raises(DatabaseError, match=PROTECTED), transaction.atomic():
        ServiceEvent.objects.filter(pgh_obj_id=world.a.service.pk).update(price=Decimal("1.00"))
    with pytest.raises(DatabaseError, match=PROTECTED), transaction.atomic():
        ServiceEvent.objects.filter(pgh_obj_id=world.a.service.pk).delete()
