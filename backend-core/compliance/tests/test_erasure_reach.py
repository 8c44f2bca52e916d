"""Erasure reaches every copy of the person: a search of every table's text (and of every
encrypted column, decrypted) for their name, phones, e-mail, national ID and its search
hash finds nothing after a completed erasure, except what record retention keeps."""

import datetime as dt
import zoneinfo
from datetime import timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import connection
from django.utils import timezone
from stdnum.th import pin

from accounts.validators import national_id_hash
from catalog.models import Service
from commerce.models import Refund, Sale
from core.crypto import EncryptedField
from core.roles import Role
from core.tenancy import clinic_context
from emr.tests.factories import clinical_record_rows
from notifications.models import Notification
from notifications.services import notification_schedule
from patients.models import ClinicPatient, PatientProfile
from patients.services import patient_register, patient_update
from scheduling.services import appointment_book

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="history rows exist on PostgreSQL")

URL = "/api/v1/compliance/data-subject-requests"
NATIONAL_ID = "310170099123" + pin.calc_check_digit("310170099123")
TEXT_TYPES = ("text", "character varying", "character", "json", "jsonb")

# What record retention keeps while the clinical record must be kept (LGPD Art. 16 I;
# Lei 13.787/2018 Art. 6; CFM 1.821/2007): the identity the record needs, in the live
# profile and chart, their name search keys, and the history rows of those (the same
# values, as they changed). (table, column) -> why.
RETAINED_WITH_RECORD = {
    ("patients_patientprofile", "given_name"): "identity of a retained clinical record",
    ("patients_patientprofile", "family_name"): "identity of a retained clinical record",
    ("patients_patientprofile", "search_name"): "finding the retained record by name",
    ("patients_patientprofile", "national_id"): "identity of a retained clinical record",
    ("patients_patientprofile", "national_id_hash"): "one profile per national ID",
    ("patients_clinicpatient", "search_name"): "finding the retained record by name",
    ("compliance_patientprofileevent", "given_name"): "history of the retained identity",
    ("compliance_patientprofileevent", "family_name"): "history of the retained identity",
    ("compliance_patientprofileevent", "search_name"): "history of the retained identity",
    ("compliance_clinicpatientevent", "search_name"): "history of the retained identity",
}


def _needles(clinic):
    return {
        "Kanok": "given name (old and new)",
        "Thongchai": "family name",
        "815550777": "phone before rectification",
        "815550778": "phone",
        "kanokwan.t@example.org": "e-mail",
        NATIONAL_ID: "national ID",
        national_id_hash(country="TH", national_id=NATIONAL_ID): "national ID search hash",
    }


def _next_monday_10(clinic):
    zone = zoneinfo.ZoneInfo(clinic.time_zone)
    day = timezone.localdate(timezone=zone) + timedelta(days=2)
    day += timedelta(days=(7 - day.weekday()) % 7)
    return dt.datetime.combine(day, dt.time(10), tzinfo=zone)


def _person_everywhere(api, tenant, *, with_record):
    """Kanokwan Thongchai, registered, renamed, booked with a note (reminders to her
    first phone), rectified to a second phone, sent a receipt, exported; with a clinical
    record or not."""
    clinic, owner = tenant.clinic, tenant.user(Role.OWNER)
    with clinic_context(clinic):
        patient = patient_register(
            clinic=clinic,
            actor=owner,
            given_name="Kanok",
            family_name="Thongchai",
            birth_date=dt.date(1988, 2, 3),
            phone="081-555-0777",
            email="kanokwan.t@example.org",
            address="99 Rama IV Road",
            national_id=NATIONAL_ID,
            notes="Kanokwan's sister also comes here",
            referral_source="Instagram @kanok.thongchai",
            tags=["vip-kanokwan"],
        )
        patient = patient_update(patient=patient, actor=owner, given_name="Kanokwan")
        appointment = appointment_book(
            clinic=clinic,
            actor=owner,
            patient=patient,
            practitioner=tenant.user(Role.DOCTOR),
            service=tenant.service,
            starts_at=_next_monday_10(clinic),
            notes="Kanokwan Thongchai asks for a call on 0815550777 first",
        )
        assert Notification.objects.filter(subject_id=str(appointment.pk)).count() == 3
        receipt = notification_schedule(
            clinic=clinic,
            channel="email",
            recipient="kanokwan.t@example.org",
            template="payment.receipt",
            language="th",
            payload={
                "clinic_name": clinic.name,
                "invoice_number": "INV-1",
                "amount": "1",
                "payments": "เงินสด 1",
                "balance_due": "0",
            },
            scheduled_for=timezone.now() - timedelta(days=3),
        )
        Notification.objects.filter(pk=receipt.pk).update(status=Notification.Status.SENT)
        money = {"currency": clinic.currency, "subtotal": Decimal(100), "total": Decimal(100)}
        sale = Sale.objects.create(
            clinic=clinic,
            number="S-2001",
            patient=patient,
            idempotency_key="sale-2001",
            created_by=owner,
            **money,
        )
        Refund.objects.create(
            clinic=clinic,
            sale=sale,
            amount=Decimal(100),
            reason="Kanokwan Thongchai had a reaction",
            created_by=owner,
            idempotency_key="refund-2001",
        )
        if with_record:
            clinical_record_rows(
                clinic=clinic,
                patient=patient,
                doctor=tenant.user(Role.DOCTOR),
                service=Service.objects.create(
                    clinic=clinic,
                    name="Peel",
                    category=Service.Category.PEEL,
                    price=Decimal(100),
                    currency=clinic.currency,
                    duration_minutes=30,
                ),
                appointment=None,
            )
    client = api(owner, clinic)
    for kind, extra in (("rectification", {"details": {"phone": "+66815550778"}}), ("export", {})):
        dsr = client.post(URL, {"patient_id": str(patient.pk), "kind": kind, **extra}, format="json").json()
        assert client.post(f"{URL}/{dsr['id']}/complete").status_code == 200
    return client, patient


def _text_hits(needles):
    """``{(table, column, needle)}`` for every text or JSON column of every table of the
    database whose value contains a needle (case-insensitive)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND data_type = ANY(%s)",
            [list(TEXT_TYPES)],
        )
        columns = cursor.fetchall()
        hits = set()
        for table, column in columns:
            for needle in needles:
                cursor.execute(
                    f'SELECT 1 FROM "{table}" WHERE "{column}"::text ILIKE %s LIMIT 1',  # noqa: S608
                    [f"%{needle}%"],
                )
                if cursor.fetchone():
                    hits.add((table, column, needle))
    return hits


def _decrypted_hits(needles):
    """The same search over every encrypted column, decrypted through its model."""
    hits = set()
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if not isinstance(field, EncryptedField):
                continue
            for value in model._base_manager.values_list(field.name, flat=True):
                text = str(value).casefold()
                hits |= {(model._meta.db_table, field.column, n) for n in needles if n.casefold() in text}
    return hits


def _erase(client, patient):
    dsr = client.post(URL, {"patient_id": str(patient.pk), "kind": "erasure"}, format="json").json()
    response = client.post(f"{URL}/{dsr['id']}/complete")
    assert response.status_code == 200, response.content
    return response.json()["result"]


def test_before_erasure_the_search_finds_the_person_in_every_kind_of_copy(api, world):
    _person_everywhere(api, world.a, with_record=False)
    tables = {table for table, _column, _needle in _text_hits(_needles(world.a.clinic))}
    assert {
        "compliance_patientprofileevent",
        "compliance_clinicpatientevent",
        "notifications_notification",
        "scheduling_appointment",
        "compliance_datasubjectrequest",
        "commerce_refund",
    } <= tables


def test_erasure_leaves_no_copy_of_the_person_in_any_table(api, world):
    client, patient = _person_everywhere(api, world.a, with_record=False)
    report = _erase(client, patient)
    assert report["retained_until"] == {}
    assert report["erased_copies"]["notifications"] == 4 and report["erased_copies"]["exports"] == 1
    needles = _needles(world.a.clinic)
    assert _text_hits(needles) | _decrypted_hits(needles) == set()
    with clinic_context(world.a.clinic):
        reminders = Notification.objects.filter(template="appointment.reminder", recipient="")
        assert set(reminders.values_list("status", flat=True)) == {Notification.Status.CANCELLED}


def test_erasure_within_retention_keeps_only_the_identity_the_record_needs(api, world):
    client, patient = _person_everywhere(api, world.a, with_record=True)
    report = _erase(client, patient)
    assert report["retained_until"]
    needles = _needles(world.a.clinic)
    hits = _text_hits(needles) | _decrypted_hits(needles)
    assert {(table, column) for table, column, _needle in hits} <= set(RETAINED_WITH_RECORD)
    assert {needle for _t, _c, needle in hits} <= {
        "Kanok",
        "Thongchai",
        NATIONAL_ID,
        national_id_hash(country="TH", national_id=NATIONAL_ID),
    }
    link = ClinicPatient.unscoped.get(pk=patient.pk)
    assert (link.notes, link.tags, link.referral_source) == ("", [], "")
    assert PatientProfile.objects.get(pk=patient.profile_id).phone == ""
