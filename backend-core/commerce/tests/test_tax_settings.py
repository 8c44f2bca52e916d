"""Tax settings (``/api/v1/commerce/sales/tax-settings``): managers change the label,
inclusive or not and the rates; the next quote uses them; audited; 400 naming the
field; another clinic's settings are out of reach."""

from decimal import Decimal

import pytest

from audit.models import AuditEvent
from commerce.models import CommerceSettings
from core.roles import Role
from core.tenancy import clinic_context

URL = "/api/v1/commerce/sales/tax-settings"


def test_owner_sets_the_tax_and_the_next_quote_adds_it(api, world):
    owner = api(world.a.user(), world.a.clinic)
    body = {"tax_label": "VAT", "tax_inclusive": False, "product_tax_rate": "7.00", "service_tax_rate": "7"}
    response = owner.patch(URL, body, format="json")
    assert response.status_code == 200, response.content
    row = response.json()
    assert (row["tax_inclusive"], row["product_tax_rate"], row["course_tax_rate"]) == (False, "7.00", "0.00")
    lines = [{"kind": "product", "item_id": str(world.a.product.pk)}]
    quote = owner.post("/api/v1/commerce/sales/quote", {"lines": lines}, format="json")
    assert quote.status_code == 200, quote.content
    assert (quote.json()["tax_total"], quote.json()["total"]) == ("630.00", "9630.00")
    with clinic_context(world.a.clinic):
        (event,) = AuditEvent.objects.filter(action="commerce_settings.updated")
    assert event.changes["product_tax_rate"] == ["0.00", "7.00"]
    assert "tax_label" not in event.changes  # VAT was already the label


def test_a_cashier_reads_the_tax_but_cannot_change_it(api, world):
    cashier = api(world.a.user(Role.CASHIER), world.a.clinic)
    assert cashier.get(URL).status_code == 200
    assert cashier.patch(URL, {"product_tax_rate": "1"}, format="json").status_code == 403


def test_another_clinics_tax_is_out_of_reach(api, world):
    owner_b = api(world.b.user(), world.a.clinic)  # B's owner naming clinic A
    response = owner_b.patch(URL, {"service_tax_rate": "5"}, format="json")
    assert response.status_code == 404
    assert (
        api(world.b.user(), world.b.clinic).patch(URL, {"service_tax_rate": "5"}, format="json").status_code
        == 200
    )
    assert CommerceSettings.unscoped.get(clinic=world.b.clinic).service_tax_rate == Decimal(5)
    row_a = CommerceSettings.unscoped.filter(clinic=world.a.clinic).first()
    assert row_a is None or row_a.service_tax_rate == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"product_tax_rate": "100.01"}, "product_tax_rate"),
        ({"course_tax_rate": "-1"}, "course_tax_rate"),
        ({"service_tax_rate": "abc"}, "service_tax_rate"),
        ({"tax_label": "  "}, "tax_label"),
        ({"tax_label": "x" * 21}, "tax_label"),
        ({"tax_inclusive": "maybe"}, "tax_inclusive"),
    ],
)
def test_bad_tax_input_is_400_naming_the_field(api, world, body, field):
    response = api(world.a.user(), world.a.clinic).patch(
        URL, {"product_tax_rate": "7", **body}, format="json"
    )
    assert response.status_code == 400, response.content
    assert field in [e["field"] for e in response.json()["errors"]]
    row = CommerceSettings.unscoped.filter(clinic=world.a.clinic).first()
    assert row is None or row.product_tax_rate == 0
