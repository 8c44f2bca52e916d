import csv
import io
from decimal import Decimal

from openpyxl import load_workbook

from audit.models import AuditEvent
from commissions.models import CommissionLog, CommissionRule
from commissions.services import sale_commissions_calculate
from commissions.tests.factories import Line, at, sale
from core.roles import Role
from core.tenancy import clinic_context

RULES = "/api/v1/commissions/rules"
LOGS = "/api/v1/commissions/logs"
RULE = {
    "name": "Therapists 5/10",
    "scope": "service_category",
    "service_category": "neurotoxin",
    "value": "5.00",
    "tiers": [{"above": "100000.00", "value": "10.00"}],
    "tier_mode": "marginal",
    "effective_from": "2026-01-01",
}


def status_url(sale_row):
    return f"/api/v1/commerce/sales/{sale_row.pk}/commission-status/"


def test_owner_creates_and_edits_a_rule_and_each_change_is_audited(world, api):
    owner = api(world.a.user(Role.OWNER), world.a.clinic)
    created = owner.post(RULES, RULE, format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["currency"] == "THB" and body["tiers"] == [{"above": "100000.00", "value": "10.00"}]
    assert body["version"] == 1
    changed = owner.patch(f"{RULES}/{body['id']}", {"value": "6.00", "priority": 3}, format="json")
    assert changed.status_code == 200 and changed.json()["version"] == 2
    actions = list(AuditEvent.unscoped.filter(object_id=body["id"]).values_list("action", flat=True))
    assert sorted(actions) == ["commission_rule.created", "commission_rule.updated"]
    listed = api(world.a.user(Role.ACCOUNTANT), world.a.clinic).get(RULES).json()
    assert {rule["id"] for rule in listed["results"]} == {body["id"], str(world.a.commission_rule.pk)}


def test_only_owners_and_admins_write_rules_and_practitioners_do_not_read_them(world, api):
    accountant = api(world.a.user(Role.ACCOUNTANT), world.a.clinic)
    assert accountant.post(RULES, RULE, format="json").status_code == 403
    assert api(world.a.user(Role.THERAPIST), world.a.clinic).get(RULES).status_code == 403


def test_bad_rules_are_refused_naming_the_field(world, api):
    owner = api(world.a.user(Role.OWNER), world.a.clinic)
    cases = [
        ({**RULE, "value": 5}, "value"),
        ({**RULE, "value": "120.00"}, "value"),
        ({**RULE, "scope": "everything"}, "scope"),
        (
            {**RULE, "tiers": [{"above": "10.00", "value": "1.00"}, {"above": "5.00", "value": "2.00"}]},
            "tiers.1.above",
        ),
        ({**RULE, "tiers": "many"}, "tiers.non_field_errors"),
        ({**RULE, "rate_type": "fixed_per_unit"}, "tier_mode"),
        ({**RULE, "effective_to": "2025-01-01"}, "effective_to"),
        ({**RULE, "service": str(world.b.service.pk)}, "service"),  # another clinic's service
    ]
    for body, field in cases:
        response = owner.post(RULES, body, format="json")
        assert response.status_code == 400, (body, response.content)
        assert field in {error["field"] for error in response.json()["errors"]}, (field, response.json())
    assert not CommissionRule.unscoped.filter(clinic=world.a.clinic, name=RULE["name"]).exists()


def test_another_clinics_rule_is_not_found(world, api):
    owner_b = api(world.b.user(Role.OWNER), world.b.clinic)
    url = f"{RULES}/{world.a.commission_rule.pk}"
    assert owner_b.get(url).status_code == 404
    assert owner_b.patch(url, {"value": "1.00"}, format="json").status_code == 404


def test_commission_status_of_a_sale(world, api):
    cashier = api(world.a.user(Role.CASHIER), world.a.clinic)
    with clinic_context(world.a.clinic):
        row = sale(
            world.a.clinic,
            world.a.user(Role.CASHIER),
            [Line(world.a.service, "200.00", [(world.a.user(Role.DOCTOR), 100)])],
        )
    assert cashier.get(status_url(row)).json()["status"] == "pending"
    with clinic_context(world.a.clinic):
        sale_commissions_calculate(sale=row)
    done = cashier.get(status_url(row)).json()
    assert done["status"] == "done" and done["total"] == "20.00" and done["currency"] == "THB"
    [line] = done["lines"]
    assert line["amount"] == "20.00" and line["rate"] == "10.00" and line["basis_amount"] == "200.00"
    assert line["practitioner"] == str(world.a.user(Role.DOCTOR).pk) and line["kind"] == "commission"
    assert line["practitioner_name"] == world.a.user(Role.DOCTOR).full_name


def test_commission_status_of_another_clinics_sale_is_not_found(world, api):
    response = api(world.b.user(Role.CASHIER), world.b.clinic).get(status_url(world.a.sale))
    assert response.status_code == 404
    assert api(world.a.user(Role.CASHIER), world.a.clinic).get(status_url(world.a.sale)).status_code == 200


def test_commission_status_with_a_malformed_id_is_not_found(world, api):
    response = api(world.a.user(Role.CASHIER), world.a.clinic).get(
        "/api/v1/commerce/sales/nope/commission-status/"
    )
    assert response.status_code == 404


def _march_statement(world):
    doctor, nurse = world.a.user(Role.DOCTOR), world.a.user(Role.NURSE)
    with clinic_context(world.a.clinic):
        for day, net in ((2, "1000.00"), (9, "500.00")):
            row = sale(
                world.a.clinic,
                doctor,
                [Line(world.a.service, net, [(doctor, 60), (nurse, 40)])],
                at=at(2026, 3, day),
            )
            sale_commissions_calculate(sale=row)
    return doctor, nurse


def test_statement_of_a_practitioner_for_a_month_with_csv(world, api):
    doctor, _nurse = _march_statement(world)
    accountant = api(world.a.user(Role.ACCOUNTANT), world.a.clinic)
    query = {"practitioner": str(doctor.pk), "period": "2026-03-01"}
    statement = accountant.get(f"{LOGS}/statement", query).json()
    assert [line["amount"] for line in statement["lines"]] == ["60.00", "30.00"]
    assert {line["rate_type"] for line in statement["lines"]} == {"percentage"}
    # Dated by their sales (written later, by the calculation), as the CSV is.
    assert [line["occurred_at"][:10] for line in statement["lines"]] == ["2026-03-02", "2026-03-09"]
    assert statement["total"] == "90.00" and statement["adjustments"] == [] and statement["currency"] == "THB"
    earned = [Decimal(line["earned"]) for line in statement["lines"]]
    assert Decimal(statement["earned_total"]) == sum(earned)
    assert Decimal(statement["earned_total"]) + Decimal(statement["pending_total"]) == Decimal("90.00")
    exported = accountant.get(f"{LOGS}/statement/csv", query)
    assert exported.status_code == 200 and exported["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(exported.content.decode())))
    assert rows[0][:3] == ["date", "kind", "sale"] and len(rows) == 4
    assert [row[0] for row in rows[1:3]] == ["2026-03-02", "2026-03-09"]  # Bangkok days of the sales
    assert rows[-1][1] == "total" and Decimal(rows[-1][8]) == Decimal("90.00")
    assert rows[0][9] == "earned" and Decimal(rows[-1][9]) == Decimal(statement["earned_total"])


def test_a_practitioner_reads_only_their_own_commissions(world, api):
    doctor, nurse = _march_statement(world)
    as_nurse = api(nurse, world.a.clinic)
    own = as_nurse.get(f"{LOGS}/statement", {"period": "2026-03-01"}).json()
    assert own["practitioner_id"] == str(nurse.pk) and own["total"] == "60.00"
    other = as_nurse.get(f"{LOGS}/statement", {"period": "2026-03-01", "practitioner": str(doctor.pk)})
    assert other.status_code == 403
    assert as_nurse.get(LOGS, {"practitioner": str(doctor.pk)}).json()["results"] == []
    assert as_nurse.get(LOGS, {"practitioner": "nope"}).status_code == 400
    logs = as_nurse.get(LOGS, {"page_size": 100}).json()["results"]
    assert logs and {log["practitioner"] for log in logs} == {str(nurse.pk)}
    assert api(world.a.user(Role.CASHIER), world.a.clinic).get(LOGS).status_code == 403


def test_statement_input_is_validated_and_other_clinics_staff_are_not_found(world, api):
    owner = api(world.a.user(Role.OWNER), world.a.clinic)
    bad = owner.get(f"{LOGS}/statement", {"period": "2026-03-15"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "period"
    assert owner.get(f"{LOGS}/statement", {"period": "March"}).status_code == 400
    foreign = owner.get(f"{LOGS}/statement", {"period": "2026-03-01", "practitioner": str(world.b.user().pk)})
    assert foreign.status_code == 404


def test_settle_on_demand(world, api):
    CommissionRule.unscoped.filter(pk=world.a.commission_rule.pk).update(
        value=Decimal(5), tiers=[{"above": "1000.00", "value": "10.00"}]
    )
    doctor, _nurse = _march_statement(world)  # doctor: 600 at 5 %, then 300 at 5 % (900 < 1000)
    owner = api(world.a.user(Role.OWNER), world.a.clinic)
    settled = owner.post(f"{LOGS}/settle", {"period": "2026-03-01"}, format="json")
    assert settled.status_code == 200 and settled.json()["adjustments"] == []
    with clinic_context(world.a.clinic):
        row = sale(
            world.a.clinic, doctor, [Line(world.a.service, "200.00", [(doctor, 100)])], at=at(2026, 3, 20)
        )
        sale_commissions_calculate(sale=row)  # 1 100 > 1 000: 10 % from now on
    [adjustment] = owner.post(f"{LOGS}/settle", {"period": "2026-03-01"}, format="json").json()["adjustments"]
    assert adjustment["amount"] == "45.00" and adjustment["practitioner"] == str(doctor.pk)  # 900 * 5 %
    assert CommissionLog.unscoped.filter(kind="adjustment").count() == 1
    # Each close that settled something is on the clinic's trail, by whom and how much.
    first, second = AuditEvent.unscoped.filter(action="commission_period.settled").order_by("sequence")
    assert first.actor == second.actor == world.a.user(Role.OWNER) and second.object_id == "2026-03-01"
    assert second.changes["adjustment_total"] == ["0", "45.00"] and second.changes["settled_logs"] == [0, 1]
    again = owner.post(f"{LOGS}/settle", {"period": "2026-03-01"}, format="json")
    assert again.json()["adjustments"] == []
    assert AuditEvent.unscoped.filter(action="commission_period.settled").count() == 2  # nothing new settled
    mid_month = owner.post(f"{LOGS}/settle", {"period": "2026-03-15"}, format="json")
    assert mid_month.status_code == 400 and mid_month.json()["errors"][0]["field"] == "period"
    bad = owner.post(f"{LOGS}/settle", {"period": "soon"}, format="json")
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "period"
    assert api(world.a.user(Role.ACCOUNTANT), world.a.clinic).post(f"{LOGS}/settle", {}).status_code == 403


def test_settling_another_clinics_practitioner_is_not_found_and_settles_nothing(world, api):
    doctor, _nurse = _march_statement(world)
    owner_b = api(world.b.user(Role.OWNER), world.b.clinic)
    body = {"period": "2026-03-01", "practitioner": str(doctor.pk)}
    assert owner_b.post(f"{LOGS}/settle", body, format="json").status_code == 404
    assert not CommissionLog.unscoped.filter(status="settled").exists()
    owner_a = api(world.a.user(Role.OWNER), world.a.clinic)
    assert owner_a.post(f"{LOGS}/settle", {**body, "practitioner": "nope"}, format="json").status_code == 400
    mine = owner_a.post(f"{LOGS}/settle", body, format="json")
    assert mine.status_code == 200
    settled = CommissionLog.unscoped.filter(status="settled")
    assert settled.count() == 2 and {log.practitioner_id for log in settled} == {doctor.pk}


def test_owner_previews_a_draft_on_a_months_sales_and_nothing_is_saved(world, api):
    doctor, nurse = _march_statement(world)  # neurotoxin 1 000 and 500, split 60/40
    owner = api(world.a.user(Role.OWNER), world.a.clinic)
    body = {**RULE, "name": "", "tier_mode": "whole_period", "period": "2026-03-01"}
    body["tiers"] = [{"above": "800.00", "value": "10.00"}]
    response = owner.post(f"{RULES}/preview", body, format="json")
    assert response.status_code == 200, response.content
    preview = response.json()
    assert preview["period"] == "2026-03-01" and preview["period_end"] == "2026-03-31"
    assert (
        preview["currency"] == "THB" and preview["total"] == "120.00" and preview["basis_total"] == "1500.00"
    )
    doctor_row, nurse_row = preview["practitioners"]
    assert (
        doctor_row["practitioner_id"] == str(doctor.pk)
        and doctor_row["practitioner_name"] == doctor.full_name
    )
    assert (
        doctor_row["basis"] == "900.00"
        and doctor_row["tier_above"] == "800.00"
        and doctor_row["amount"] == "90.00"
    )
    assert (
        nurse_row["practitioner_id"] == str(nurse.pk)
        and nurse_row["basis"] == "600.00"
        and nurse_row["tier_above"] is None
        and nurse_row["amount"] == "30.00"
    )
    assert CommissionRule.unscoped.filter(clinic=world.a.clinic).count() == 1  # the world's own
    assert (
        api(world.a.user(Role.ACCOUNTANT), world.a.clinic)
        .post(f"{RULES}/preview", body, format="json")
        .status_code
        == 403
    )


def test_a_bad_preview_is_refused_naming_the_field(world, api):
    owner = api(world.a.user(Role.OWNER), world.a.clinic)
    cases = [
        ({**RULE, "value": "120.00"}, "value"),
        ({**RULE, "period": "2026-03-15"}, "period"),
        ({**RULE, "period": "March"}, "period"),
        (
            {**RULE, "tiers": [{"above": "10.00", "value": "1.00"}, {"above": "10.00", "value": "2.00"}]},
            "tiers.1.above",
        ),
        ({**RULE, "effective_to": "2025-01-01"}, "effective_to"),
    ]
    for body, field in cases:
        response = owner.post(f"{RULES}/preview", body, format="json")
        assert response.status_code == 400, (body, response.content)
        assert field in {error["field"] for error in response.json()["errors"]}, (field, response.json())


def test_a_preview_reads_only_the_callers_clinic(world, api):
    _march_statement(world)
    owner_b = api(world.b.user(Role.OWNER), world.b.clinic)
    body = {**RULE, "period": "2026-03-01"}
    mine = owner_b.post(f"{RULES}/preview", body, format="json")
    assert mine.status_code == 200 and mine.json()["practitioners"] == [] and mine.json()["currency"] == "BRL"
    foreign_row = owner_b.post(
        f"{RULES}/preview", {**body, "scope": "service", "service": str(world.a.service.pk)}, format="json"
    )
    assert foreign_row.status_code == 400 and foreign_row.json()["errors"][0]["field"] == "service"
    as_a = api(world.b.user(Role.OWNER), world.a.clinic).post(f"{RULES}/preview", body, format="json")
    assert as_a.status_code == 404


def test_statement_as_xlsx(world, api):
    doctor, _nurse = _march_statement(world)
    accountant = api(world.a.user(Role.ACCOUNTANT), world.a.clinic)
    query = {"practitioner": str(doctor.pk), "period": "2026-03-01"}
    exported = accountant.get(f"{LOGS}/statement/xlsx", query)
    assert exported.status_code == 200, exported.content
    assert exported["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert exported["Content-Disposition"].endswith('-2026-03.xlsx"')
    sheet = load_workbook(io.BytesIO(exported.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert sheet.title == "2026-03" and rows[0][:3] == ("date", "kind", "sale") and len(rows) == 4
    assert [row[0].date().isoformat() for row in rows[1:3]] == ["2026-03-02", "2026-03-09"]
    assert [row[8] for row in rows[1:3]] == [60, 30] and rows[1][2].startswith("S")
    assert rows[-1][1] == "total" and rows[-1][8] == 90 and rows[-1][10] == "THB"


def test_statement_xlsx_is_validated_and_other_clinics_staff_are_not_found(world, api):
    doctor, _nurse = _march_statement(world)
    owner = api(world.a.user(Role.OWNER), world.a.clinic)
    bad = owner.get(f"{LOGS}/statement/xlsx", {"period": "2026-03-15"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "period"
    foreign = owner.get(
        f"{LOGS}/statement/xlsx", {"period": "2026-03-01", "practitioner": str(world.b.user().pk)}
    )
    assert foreign.status_code == 404
    owner_b = api(world.b.user(Role.OWNER), world.b.clinic)
    response = owner_b.get(f"{LOGS}/statement/xlsx", {"period": "2026-03-01", "practitioner": str(doctor.pk)})
    assert response.status_code == 404
