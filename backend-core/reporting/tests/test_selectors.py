"""The dashboard's figures from a month of fixtures, with the figures worked out by hand."""

import datetime as dt
from decimal import Decimal

from reporting.selectors import Period, dashboard

MAY = Period(dt.date(2026, 5, 1), dt.date(2026, 5, 31))  # conftest.may: the fixtures


def test_patients_are_counted_once_and_rebooking_follows_their_last_visit(may):
    activity = dashboard(clinics=[may["a"].clinic], period=MAY)["activity"]["current"]
    assert activity["patients_seen"] == 3  # P1 twice, P2, P3; not the cancellation
    assert (activity["new_patients"], activity["returning_patients"]) == (2, 1)  # P1 and P3 new; P2
    # P1 (last visit 11 May) holds the June booking; P2 (18 May) nothing; P3 no-showed.
    assert (activity["rebooking_patients"], activity["rebooked_patients"]) == (2, 1)
    assert activity["rebooking_rate"] == Decimal("0.5000")


def test_a_period_inside_the_month_counts_p1_once_as_returning(may):
    second_week = Period(dt.date(2026, 5, 10), dt.date(2026, 5, 20))
    activity = dashboard(clinics=[may["a"].clinic], period=second_week)["activity"]["current"]
    assert (activity["patients_seen"], activity["new_patients"], activity["returning_patients"]) == (2, 0, 2)
    assert activity["rebooking_rate"] == Decimal("0.5000")


def test_rooms_are_booked_against_the_clinics_open_hours(may):
    body = dashboard(clinics=[may["a"].clinic], period=MAY)
    (room,) = body["rooms"]
    # Four Mondays of 9 hours open; four uncancelled 30-minute appointments (a no-show holds it).
    assert (room["booked_minutes"], room["available_minutes"]) == (120, 4 * 540)
    assert room["utilization"] == Decimal("0.0556")
    assert body["activity"]["current"]["room_utilization"] == Decimal("0.0556")


def test_course_liability_and_breakage(may):
    (money,) = dashboard(clinics=[may["a"].clinic], period=MAY)["money"]
    expired, kept = may["balances"][may["expiring"]], may["balances"][may["kept"]]
    assert money["current"]["breakage"] == expired.deferred_total
    assert money["current"]["course_liability"] == kept.deferred_total  # the other expired in May
    assert money["previous"]["course_liability"] == Decimal(0)  # nothing sold before May
    assert money["previous"]["breakage"] == Decimal(0)


def test_stock_value_near_expiry_and_products_used(may):
    (money,) = dashboard(clinics=[may["a"].clinic], period=MAY)["money"]
    assert money["stock"] == {"value": Decimal("700.00"), "near_expiry_value": Decimal("500.00")}
    assert [(i["name"], i["quantity"], i["net_amount"]) for i in money["used_by_value"]] == [
        ("Restylane Lyft 1 ml", Decimal(3), Decimal("140.00")),
        ("Juvederm Volbella", Decimal(10), Decimal("50.00")),
    ]
    assert [i["name"] for i in money["used_by_quantity"]] == ["Juvederm Volbella", "Restylane Lyft 1 ml"]
    # Consumed products are not sales.
    assert {i["kind"] for i in money["by_treatment"]} <= {"service", "product", "course"}


def test_commission_cost_is_the_periods(may):
    (money,) = dashboard(clinics=[may["a"].clinic], period=MAY)["money"]
    assert money["current"]["commission_cost"] == sum(
        (p["commission_cost"] for p in money["by_practitioner"]), Decimal(0)
    )
