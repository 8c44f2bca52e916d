"""The compliance desk's endpoints: consent coverage, the ANVISA lot report, the
retention queue and its decisions, and the data-subject request queue's overdue order."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from commerce.models import StockMovement
from compliance.models import DataSubjectRequest, RetentionDecision
from core.roles import Role
from core.tenancy import clinic_context
from emr.models import Visit
from patients.models import ClinicPatient, Consent
from patients.tests.factories import PatientProfileFactory
from scheduling.models import Appointment

COVERAGE = "/api/v1/compliance/consent-coverage"
ANVISA = "/api/v1/compliance/anvisa-report"
QUEUE = "/api/v1/compliance/retention/queue"
DSR = "/api/v1/compliance/data-subject-requests"


def _fields(response):
    return {error["field"] for error in response.json()["errors"]}


def _decide(tenant, patient, purpose, decision, at):
    Consent.unscoped.create(
        clinic=tenant.clinic,
        patient=patient,
        purpose=purpose,
        decision=decision,
        decided_at=at,
        channel=Consent.Channel.IN_PERSON,
    )


def _chart(tenant, number, *, seen_at=None, status="completed"):
    """A chart of ``tenant``'s, with an appointment of ``status`` at ``seen_at``."""
    chart = ClinicPatient.unscoped.create(
        clinic=tenant.clinic,
        profile=PatientProfileFactory(organization=tenant.clinic.organization),
        chart_number=number,
    )
    if seen_at is not None:
        Appointment.unscoped.create(
            clinic=tenant.clinic,
            patient=chart,
            practitioner=tenant.user(Role.DOCTOR),
            service=tenant.service,
            starts_at=seen_at,
            ends_at=seen_at + dt.timedelta(minutes=30),
            blocked_until=seen_at + dt.timedelta(minutes=30),
            status=status,
        )
    return chart


def test_consent_coverage_counts_each_active_charts_standing_decision(clock, world, api):
    """Active: the world's chart (booked tomorrow) and a chart seen 11 months ago; not a
    chart last seen 13 months ago, nor one whose only appointment this year was cancelled,
    nor one never seen, though each withdrew marketing messages."""
    tenant = world.a
    first = tenant.patient
    now = timezone.now()
    second = _chart(tenant, "HN-2", seen_at=now - dt.timedelta(days=335))
    lapsed = _chart(tenant, "HN-3", seen_at=now - dt.timedelta(days=395))
    cancelled = _chart(tenant, "HN-4", seen_at=now - dt.timedelta(days=30), status="cancelled")
    never = _chart(tenant, "HN-5")
    _decide(tenant, first, "treatment", "granted", now - dt.timedelta(days=70))
    # The world's chart granted marketing messages when it was made: withdrawn now.
    _decide(tenant, first, "marketing_messages", "withdrawn", now)
    _decide(tenant, second, "marketing_messages", "withdrawn", now - dt.timedelta(days=40))
    for chart in (lapsed, cancelled, never):
        _decide(tenant, chart, "marketing_messages", "withdrawn", now - dt.timedelta(days=400))
    response = api(tenant.user(), tenant.clinic).get(COVERAGE)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["patients"] == 2
    # Clock: 11 June 2026 in Bangkok.
    assert body["active_since"] == "2025-06-11"
    purposes = {row["purpose"]: row for row in body["purposes"]}
    assert purposes["treatment"] == {"purpose": "treatment", "granted": 1, "withdrawn": 0, "unanswered": 1}
    assert purposes["marketing_messages"] == {
        "purpose": "marketing_messages",
        "granted": 0,
        "withdrawn": 2,
        "unanswered": 0,
    }
    assert purposes["data_sharing"]["unanswered"] == 2
    # The last 365 days, every month listed; two withdrawals in two different months.
    months = body["withdrawals"]
    assert len(months) in (12, 13)
    assert sum(month["total"] for month in months) == 2
    today = tenant.clinic.today()
    assert months[-1]["month"] == today.replace(day=1).isoformat()
    counted = {m["month"]: m["by_purpose"]["marketing_messages"] for m in months if m["total"]}
    assert counted.get(today.replace(day=1).isoformat(), 0) >= 1
    # A period that ends before the withdrawals counts none of them.
    early = api(tenant.user(), tenant.clinic).get(
        COVERAGE, {"date_from": "2025-01-01", "date_to": "2025-03-31"}
    )
    assert [m["month"] for m in early.json()["withdrawals"]] == ["2025-01-01", "2025-02-01", "2025-03-01"]
    assert all(m["total"] == 0 for m in early.json()["withdrawals"])


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"date_from": "tomorrow"}, "date_from"),
        ({"date_from": "2026-05-02", "date_to": "2026-05-01"}, "date_to"),
        ({"date_to": "1999-12-31"}, "date_to"),
        ({"date_from": "2000-01-01", "date_to": "2026-01-01"}, "date_from"),
        ({"date_from": "2099-12-31"}, "date_from"),
    ],
)
@pytest.mark.parametrize("url", [COVERAGE, ANVISA])
def test_a_bad_period_is_a_400_naming_the_field(world, api, url, query, field):
    response = api(world.a.user(), world.a.clinic).get(url, query)
    assert response.status_code == 400, response.content
    assert field in _fields(response)


@pytest.mark.parametrize("url", [COVERAGE, QUEUE])
@pytest.mark.parametrize("role", [Role.RECEPTIONIST, Role.DOCTOR, Role.ACCOUNTANT])
def test_only_managers_read_the_desk(world, api, url, role):
    assert api(world.a.user(role), world.a.clinic).get(url).status_code == 403


def test_a_receptionist_cannot_read_the_anvisa_report(world, api):
    assert api(world.a.user(Role.RECEPTIONIST), world.a.clinic).get(ANVISA).status_code == 403
    assert api(world.a.user(Role.DOCTOR), world.a.clinic).get(ANVISA).status_code == 200


def test_another_clinics_member_reads_only_their_own_clinic(world, api):
    """The clinic header of a clinic the caller is not a member of is a 404; with their
    own clinic they see only its figures."""
    assert api(world.b.user(), world.a.clinic).get(COVERAGE).status_code == 404
    assert api(world.b.user(), world.a.clinic).get(ANVISA).status_code == 404
    assert api(world.b.user(), world.a.clinic).get(QUEUE).status_code == 404
    _decide(world.a, world.a.patient, "treatment", "granted", timezone.now())
    body = api(world.b.user(), world.b.clinic).get(COVERAGE).json()
    assert body["patients"] == 1
    assert {row["purpose"]: row["granted"] for row in body["purposes"]}["treatment"] == 0


def test_anvisa_report_lists_each_lot_used_by_registration(clock, world, api):
    tenant = world.b
    lot = tenant.lot
    StockMovement.unscoped.create(
        clinic=tenant.clinic,
        lot=lot,
        kind="consume",
        quantity=Decimal("-0.5"),
        patient=tenant.patient,
        reference_type="emr.treatment_session",
        reference_id=tenant.clinical.session.pk,
        actor=tenant.user(),
    )
    response = api(tenant.user(), tenant.clinic).get(ANVISA)
    assert response.status_code == 200, response.content
    body = response.json()
    used = StockMovement.unscoped.filter(
        clinic=tenant.clinic, lot=lot, kind__in=["consume", "sale", "return"]
    )
    expected = -sum(m.quantity for m in used)
    row = next(r for r in body["results"] if r["lot_id"] == str(lot.pk))
    assert row["registration_number"] == "80117580578"
    assert row["lot_number"] == "LOT-1"
    assert Decimal(row["quantity"]) == expected
    assert row["patients"] == 1
    assert row["treatments"] == 1
    assert body["count"] == len(body["results"])
    # Another clinic's lot never appears.
    assert str(world.a.lot.pk) not in {r["lot_id"] for r in body["results"]}
    # A period before any use is empty.
    empty = api(tenant.user(), tenant.clinic).get(
        ANVISA, {"date_from": "2020-01-01", "date_to": "2020-01-31"}
    )
    assert empty.json()["results"] == []


def test_the_request_queue_lists_overdue_ones_first(clock, world, api, time_machine):
    tenant = world.a
    client = api(tenant.user(), tenant.clinic)
    late = client.post(DSR, {"patient_id": str(tenant.patient.pk), "kind": "erasure"}, format="json").json()
    time_machine.move_to(clock + dt.timedelta(days=45), tick=True)
    client = api(tenant.user(), tenant.clinic)  # a new token: the first one expired meanwhile
    fresh = client.post(DSR, {"patient_id": str(tenant.patient.pk), "kind": "export"}, format="json").json()
    response = client.get(DSR)
    rows = response.json()["results"]
    # The world's request, received the same day, is overdue too.
    assert [row["overdue"] for row in rows] == [True, True, False]
    assert late["id"] in {row["id"] for row in rows[:2]}
    assert rows[2]["id"] == fresh["id"]
    assert client.get(DSR, {"status": "received"}).json()["count"] == 3


@pytest.fixture
def past_retention(clock, world, settings, time_machine):
    """Records kept for no year: world A's chart is past retention the day after its
    last clinical entry."""
    settings.CLINICAL_RECORD_RETENTION_YEARS = {}
    settings.DEFAULT_RECORD_RETENTION_YEARS = 0
    time_machine.move_to(clock + dt.timedelta(days=2), tick=True)
    return world


def test_retention_queue_lists_records_past_retention_until_decided(past_retention, api):
    tenant = past_retention.a
    client = api(tenant.user(), tenant.clinic)
    rows = client.get(QUEUE).json()["results"]
    assert [row["patient_id"] for row in rows] == [str(tenant.patient.pk)]
    assert rows[0]["chart_number"] == tenant.patient.chart_number
    decide = f"/api/v1/compliance/retention/{tenant.patient.pk}/decide"
    refused = client.post(decide, {"decision": "keep", "reason": " "}, format="json")
    assert refused.status_code == 400 and _fields(refused) == {"reason"}
    bad = client.post(decide, {"decision": "forget"}, format="json")
    assert bad.status_code == 400 and _fields(bad) == {"decision"}
    kept = client.post(decide, {"decision": "keep", "reason": "Pending lawsuit"}, format="json")
    assert kept.status_code == 201, kept.content
    assert kept.json()["reason"] == "Pending lawsuit"
    assert client.get(QUEUE).json()["results"] == []
    again = client.post(decide, {"decision": "erase"}, format="json")
    assert again.status_code == 409
    with clinic_context(tenant.clinic):
        assert AuditEvent.objects.filter(action="retention.kept").count() == 1


def test_erase_decision_opens_an_erasure_request(past_retention, api):
    tenant = past_retention.a
    client = api(tenant.user(Role.ADMIN), tenant.clinic)
    response = client.post(
        f"/api/v1/compliance/retention/{tenant.patient.pk}/decide", {"decision": "erase"}, format="json"
    )
    assert response.status_code == 201, response.content
    decision = RetentionDecision.unscoped.get(pk=response.json()["id"])
    dsr = DataSubjectRequest.unscoped.get(pk=decision.data_subject_request_id)
    assert (dsr.kind, dsr.status, dsr.patient_id) == ("erasure", "received", tenant.patient.pk)


def test_a_record_not_past_retention_cannot_be_decided(world, api):
    response = api(world.a.user(), world.a.clinic).post(
        f"/api/v1/compliance/retention/{world.a.patient.pk}/decide", {"decision": "erase"}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "retention_not_due"


def test_another_clinics_patient_is_a_404(past_retention, api):
    response = api(past_retention.b.user(), past_retention.b.clinic).post(
        f"/api/v1/compliance/retention/{past_retention.a.patient.pk}/decide",
        {"decision": "erase"},
        format="json",
    )
    assert response.status_code == 404


def test_a_visit_without_an_appointment_makes_a_patient_active(clock, world, api):
    """A walk-in visit 2 months ago counts; the world's clinic B never appears in A's."""
    tenant = world.a
    walk_in = _chart(tenant, "HN-6")
    Visit.unscoped.create(
        clinic=tenant.clinic,
        patient=walk_in,
        kind=Visit.Kind.WALK_IN,
        opened_at=timezone.now() - dt.timedelta(days=60),
        opened_by=tenant.user(Role.DOCTOR),
    )
    _chart(world.b, "HN-7", seen_at=timezone.now() - dt.timedelta(days=10))
    body = api(tenant.user(), tenant.clinic).get(COVERAGE).json()
    assert body["patients"] == 2  # the world's chart and the walk-in
