import datetime as dt
from decimal import Decimal

from accounts.tests.factories import ClinicFactory, MembershipFactory
from core.roles import Role
from reporting.models import DailyClinicFigures
from reporting.services import daily_figures_refresh
from reporting.tests.conftest import checkout

URL = "/api/v1/reports/dashboard"
ROWS = "/api/v1/reports/dashboard/rows"
DAY = dt.date(2026, 5, 12)


def _sales_on(tenant, local, day=DAY):
    first = checkout(tenant, at=local(tenant, day, 10), amount="350.00")
    second = checkout(tenant, at=local(tenant, day, 15), amount="100.00")
    checkout(tenant, at=local(tenant, day - dt.timedelta(days=7), 11), amount="350.00")  # previous period
    daily_figures_refresh(
        clinic=tenant.clinic, start=day - dt.timedelta(days=14), end=day + dt.timedelta(days=1)
    )
    return first, second


def test_owner_reads_the_period_and_the_previous_one(world, api, local):
    a = world.a
    _sales_on(a, local)
    body = api(a.user(), a.clinic).get(URL, {"from": "2026-05-10", "to": "2026-05-16"}).json()
    assert body["period"] == {"start": "2026-05-10", "end": "2026-05-16", "days": 7}
    assert body["previous"] == {"start": "2026-05-03", "end": "2026-05-09", "days": 7}
    assert body["own_only"] is False and body["scope"] == "clinic"
    (money,) = body["money"]
    assert money["currency"] == "THB"
    assert money["current"]["cash_received"] == "450.00"
    assert money["current"]["sales_count"] == 2
    assert money["current"]["average_ticket"] == "350.00"  # two sales of 350
    assert money["previous"]["cash_received"] == "350.00"
    assert len(money["by_day"]) == 7
    assert [d["sales_count"] for d in money["by_day"] if d["date"] == "2026-05-12"] == [2]
    assert money["by_treatment"][0]["name"] == "Botulinum toxin"
    assert money["by_treatment"][0]["net_amount"] == "700.00"
    assert money["by_practitioner"][0]["practitioner_id"] == str(a.user(Role.DOCTOR).pk)


def test_a_practitioner_sees_only_their_own_figures(world, api, local):
    a = world.a
    _sales_on(a, local)
    body = api(a.user(Role.DOCTOR), a.clinic).get(URL, {"from": "2026-05-10", "to": "2026-05-16"}).json()
    assert body["own_only"] is True
    (money,) = body["money"]
    assert money["current"]["cash_received"] is None
    assert money["current"]["net_sales"] == "700.00"
    assert money["by_treatment"] == []
    assert {p["practitioner_id"] for p in body["utilization"]} <= {str(a.user(Role.DOCTOR).pk)}
    nurse = api(a.user(Role.NURSE), a.clinic).get(URL, {"from": "2026-05-10", "to": "2026-05-16"}).json()
    assert nurse["money"][0]["current"]["net_sales"] == "0.00"
    refused = api(a.user(Role.DOCTOR), a.clinic).get(URL, {"scope": "organization"})
    assert refused.status_code == 403


def test_the_receptionist_has_no_dashboard(world, api):
    assert api(world.a.user(Role.RECEPTIONIST), world.a.clinic).get(URL).status_code == 403


def _fields(response):
    assert response.status_code == 400, response.content
    return {error["field"] for error in response.json()["errors"]}


def test_a_bad_range_is_a_400_naming_the_field(world, api):
    client = api(world.a.user(), world.a.clinic)
    reversed_ = client.get(URL, {"from": "2026-05-10", "to": "2026-05-01"})
    assert _fields(reversed_) == {"to"}
    too_long = client.get(URL, {"from": "2025-01-01", "to": "2026-05-01"})
    assert _fields(too_long) == {"from"}
    garbage = client.get(URL, {"from": "yesterday", "scope": "galaxy"})
    assert _fields(garbage) == {"from", "scope"}
    rows = client.get(ROWS, {"kind": "service"})
    assert _fields(rows) == {"item"}
    # Days whose previous period or default range would leave the calendar: each named.
    assert _fields(client.get(URL, {"from": "0001-01-01", "to": "0001-01-05"})) == {"from", "to"}
    assert _fields(client.get(URL, {"from": "9999-12-20"})) == {"from"}
    assert _fields(client.get(ROWS, {"to": "0001-01-01"})) == {"to"}


def test_another_organizations_clinic_is_a_404(world, api):
    for url in (URL, ROWS):
        response = api(world.a.user(), world.a.clinic).get(url, {"clinic": str(world.b.clinic.pk)})
        assert response.status_code == 404, url
        assert response["Content-Type"].startswith("application/problem+json")


def test_the_organization_view_groups_amounts_per_currency(world, api, local):
    a = world.a
    _sales_on(a, local)
    org = a.clinic.organization
    rio = ClinicFactory(
        organization=org, country="BR", time_zone="America/Sao_Paulo", currency="BRL", name="Rio"
    )
    MembershipFactory(clinic=rio, user=a.user(), role=Role.OWNER)
    DailyClinicFigures.unscoped.create(clinic=rio, date=DAY, currency="BRL", cash_received=Decimal("80.00"))
    hidden = ClinicFactory(organization=org, country="BR", time_zone="America/Sao_Paulo", currency="BRL")
    DailyClinicFigures.unscoped.create(
        clinic=hidden, date=DAY, currency="BRL", cash_received=Decimal("999.00")
    )
    params = {"from": "2026-05-10", "to": "2026-05-16", "scope": "organization"}
    body = api(a.user(), a.clinic).get(URL, params).json()
    money = {m["currency"]: m["current"]["cash_received"] for m in body["money"]}
    assert money == {"BRL": "80.00", "THB": "450.00"}  # not the clinic the owner is no member of
    assert {c["id"] for c in body["clinics"]} == {str(a.clinic.pk), str(rio.pk)}
    alone = api(a.user(), a.clinic).get(URL, {**params, "scope": "clinic", "clinic": str(rio.pk)}).json()
    assert [m["current"]["cash_received"] for m in alone["money"]] == ["80.00"]
    assert api(a.user(), a.clinic).get(URL, {"clinic": str(hidden.pk)}).status_code == 404


def test_the_rows_behind_a_figure_are_the_days_sales(world, api, local):
    a = world.a
    first, second = _sales_on(a, local)
    client = api(a.user(Role.ACCOUNTANT), a.clinic)
    body = client.get(ROWS, {"from": "2026-05-12", "to": "2026-05-12", "page_size": 1}).json()
    assert body["count"] == 2
    assert body["results"][0]["id"] == str(second.pk)  # newest first
    assert body["results"][0]["total"] == "350.00"
    assert body["results"][0]["invoice_number"]
    item = client.get(
        ROWS, {"from": "2026-05-12", "to": "2026-05-12", "kind": "service", "item": str(a.service.pk)}
    ).json()
    assert {r["id"] for r in item["results"]} == {str(first.pk), str(second.pk)}
    nothing = client.get(ROWS, {"from": "2026-05-13", "to": "2026-05-13"}).json()
    assert nothing["count"] == 0
    assert Decimal(body["results"][0]["total"]) > 0


LOTS, COURSES, USAGE = (f"{ROWS}/{kind}" for kind in ("lots", "courses", "usage"))
MAY = {"from": "2026-05-01", "to": "2026-05-31"}


def test_the_new_figures_are_in_the_answer(may, api):
    a = may["a"]
    body = api(a.user(), a.clinic).get(URL, MAY).json()
    (money,) = body["money"]
    assert money["stock"] == {"value": "700.00", "near_expiry_value": "500.00"}
    assert money["current"]["course_liability"] == str(may["balances"][may["kept"]].deferred_total)
    assert money["used_by_value"][0]["net_amount"] == "140.00"
    assert body["activity"]["current"]["rebooking_rate"] == "0.5000"
    assert body["activity"]["previous"]["patients_seen"] == 1  # P2 on 20 April
    assert body["rooms"][0]["utilization"] == "0.0556"


def test_the_rows_behind_stock_courses_and_usage(may, api):
    a = may["a"]
    client = api(a.user(Role.ACCOUNTANT), a.clinic)
    lots = client.get(LOTS).json()
    assert [(r["lot_number"], r["value"]) for r in lots["results"]] == [
        ("LOT-1", "500.00"),
        ("LOT-2", "200.00"),
    ]
    near = client.get(LOTS, {"near_expiry": "true"}).json()
    assert [r["lot_number"] for r in near["results"]] == ["LOT-1"]
    breakage = client.get(COURSES, {**MAY, "state": "breakage"}).json()
    (expired,) = breakage["results"]
    assert expired["id"] == str(may["balances"][may["expiring"]].pk)
    assert Decimal(expired["breakage"]) == may["balances"][may["expiring"]].deferred_total
    liability = client.get(COURSES, {"state": "liability", "page_size": 1}).json()
    assert liability["count"] == 2  # the kept course and the world's
    used = client.get(USAGE, {**MAY, "product": str(a.product.pk)}).json()
    assert [(r["quantity"], r["value"]) for r in used["results"]] == [("1.000", "100.00"), ("2.000", "40.00")]
    assert client.get(USAGE, {"from": "2026-04-01", "to": "2026-04-30"}).json()["count"] == 0


def test_the_new_rows_refuse_bad_params_practitioners_and_other_clinics(world, api):
    client = api(world.a.user(), world.a.clinic)
    assert _fields(client.get(COURSES)) == {"state"}
    assert _fields(client.get(COURSES, {"state": "all"})) == {"state"}
    assert _fields(client.get(COURSES, {"state": "breakage", "from": "2026-05-10", "to": "2026-05-01"})) == {
        "to"
    }
    assert _fields(client.get(LOTS, {"near_expiry": "soon", "clinic": "x"})) == {"near_expiry", "clinic"}
    assert _fields(client.get(USAGE, {"product": "nope"})) == {"product"}
    other = {"clinic": str(world.b.clinic.pk)}
    for url, params in ((LOTS, {}), (COURSES, {"state": "liability"}), (USAGE, {})):
        response = client.get(url, {**params, **other})
        assert response.status_code == 404, url
        doctor = api(world.a.user(Role.DOCTOR), world.a.clinic).get(url, params)
        assert doctor.status_code == 403, url
