"""The patient timeline: appointments, visits, sessions, invoices and consent decisions
in one list, filtered, paginated, and shown as far as the reader's role allows."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from commerce.models import Invoice
from core.roles import Role
from patients.models import Consent
from scheduling.models import Appointment


def timeline(api, tenant, role=Role.DOCTOR, **params):
    response = api(tenant.user(role), tenant.clinic).get(
        f"/api/v1/patients/{tenant.patient.pk}/timeline", params
    )
    assert response.status_code == 200, response.content
    return response.json()


def kinds(body):
    return sorted({item["kind"] for item in body["results"]})


def test_a_doctor_sees_every_kind_without_amounts(api, world):
    body = timeline(api, world.a)
    assert kinds(body) == ["appointment", "consent", "invoice", "session", "visit"]
    invoice = next(item for item in body["results"] if item["kind"] == "invoice")
    assert invoice["invoice_number"] == "INV-WORLD"
    assert invoice["total"] is None and invoice["balance_due"] is None
    assert body["balance_due"] is None
    appointment = next(item for item in body["results"] if item["kind"] == "appointment")
    assert appointment["service_names"] == ["Botulinum toxin"]
    # Newest first: the appointment (tomorrow) is on top.
    assert body["results"][0]["kind"] == "appointment"


def test_the_front_desk_sees_amounts_but_no_sessions(api, world):
    body = timeline(api, world.a, Role.RECEPTIONIST)
    assert kinds(body) == ["appointment", "consent", "invoice", "visit"]
    invoice = next(item for item in body["results"] if item["kind"] == "invoice")
    assert (invoice["total"], invoice["balance_due"], invoice["currency"]) == ("15000.00", "14000.00", "THB")
    assert body["balance_due"] == "14000.00"


def test_filters_by_kind(api, world):
    body = timeline(api, world.a, kind="invoice,consent")
    assert kinds(body) == ["consent", "invoice"]
    assert body["count"] == 2


@pytest.mark.parametrize("clock", ["23:30"], indirect=True)
def test_the_date_range_is_in_clinic_days(api, clock, world):
    # 23:30 UTC on CLOCK_DAY is 06:30 the next day in Bangkok.
    today = world.a.clinic.today()
    assert today == clock.date() + dt.timedelta(days=1)
    body = timeline(api, world.a, date_from=today.isoformat(), date_to=today.isoformat())
    assert "appointment" not in kinds(body)  # tomorrow
    assert "invoice" in kinds(body)
    assert timeline(api, world.a, date_to=(today - dt.timedelta(days=1)).isoformat())["count"] == 0


def test_pages_follow_one_order(api, world):
    everything = timeline(api, world.a, page_size=100)["results"]
    first = timeline(api, world.a, page_size=2)
    second = timeline(api, world.a, page_size=2, page=2)
    assert first["count"] == len(everything) == 5
    assert [i["id"] for i in first["results"] + second["results"]] == [i["id"] for i in everything[:4]]


def test_bad_filters_are_a_400_naming_the_field(api, world):
    client = api(world.a.user(Role.DOCTOR), world.a.clinic)
    path = f"/api/v1/patients/{world.a.patient.pk}/timeline"
    for params, field in (
        ({"kind": "dance"}, "kind"),
        ({"date_from": "yesterday"}, "date_from"),
        ({"date_from": "2026-02-02", "date_to": "2026-02-01"}, "date_to"),
        ({"page": "0"}, "page"),
        ({"page_size": "500"}, "page_size"),
    ):
        response = client.get(path, params)
        assert response.status_code == 400, params
        assert response.json()["errors"][0]["field"] == field


def _more_history(tenant, count):
    """``count`` more past appointments, invoices and consent decisions."""
    clinic, doctor, patient = tenant.clinic, tenant.user(Role.DOCTOR), tenant.patient
    now = timezone.now()
    for n in range(count):
        starts = now - dt.timedelta(days=7 * (n + 1))
        Appointment.unscoped.create(
            clinic=clinic,
            patient=patient,
            practitioner=doctor,
            service=tenant.service,
            starts_at=starts,
            ends_at=starts + dt.timedelta(minutes=30),
            blocked_until=starts + dt.timedelta(minutes=30),
            status=Appointment.Status.COMPLETED,
        )
        Invoice.unscoped.create(
            clinic=clinic,
            number=f"INV-{n}",
            patient=patient,
            status=Invoice.Status.PAID,
            currency=clinic.currency,
            subtotal=Decimal(100),
            total=Decimal(100),
            paid_total=Decimal(100),
            issued_at=starts,
            created_by=doctor,
        )
        Consent.unscoped.create(
            clinic=clinic,
            patient=patient,
            purpose="marketing_messages",
            decision="withdrawn",
            decided_at=starts,
            recorded_by=doctor,
            channel="phone",
        )


@pytest.mark.parametrize("role", [Role.DOCTOR, Role.RECEPTIONIST])
def test_the_query_count_does_not_grow_with_the_items(api, world, role):
    client = api(world.a.user(role), world.a.clinic)
    path = f"/api/v1/patients/{world.a.patient.pk}/timeline"

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path, {"page_size": 100}).status_code == 200
        return len(captured)

    few = queries()
    _more_history(world.a, 20)
    assert timeline(api, world.a, role, page_size=100)["count"] > 60
    assert queries() == few


@pytest.mark.parametrize("role", [Role.DOCTOR, Role.RECEPTIONIST])
def test_another_clinics_patient_is_404(api, world, role):
    client = api(world.b.user(role), world.b.clinic)
    assert client.get(f"/api/v1/patients/{world.a.patient.pk}/timeline").status_code == 404
