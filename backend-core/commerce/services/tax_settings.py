"""A clinic's tax configuration: the label printed on receipts and invoices, whether
catalog prices already contain the tax, and the percent rate per kind of line. The POS
prices carts with it (``commerce.pricing``); sales already made keep the tax they had."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, TypedDict, Unpack

from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import audit_changes, audit_event_record
from commerce.models import CommerceSettings
from commerce.services.shared import settings_for
from core.exceptions import FieldErrors

if TYPE_CHECKING:
    from accounts.models import Clinic, User


class TaxFields(TypedDict, total=False):
    """The tax settings ``tax_settings_update`` changes."""

    tax_label: str
    tax_inclusive: bool
    service_tax_rate: Decimal
    product_tax_rate: Decimal
    course_tax_rate: Decimal


TAX_FIELDS = ("tax_label", "tax_inclusive", "service_tax_rate", "product_tax_rate", "course_tax_rate")
RATE_FIELDS = ("service_tax_rate", "product_tax_rate", "course_tax_rate")
MAX_RATE = Decimal(100)


@transaction.atomic
def tax_settings_update(*, clinic: Clinic, actor: User, **fields: Unpack[TaxFields]) -> CommerceSettings:
    """Change the tax settings given; the others stay. ``tax_label``: 1-20 characters
    (``VAT``, ``ISS``, ``ضريبة القيمة المضافة`` shortened by the clinic); ``tax_inclusive``:
    catalog prices contain the tax (else it is added on top); the rates are percents from
    0 (no tax) to 100 with two decimals, per line kind. Applies to the next quote and
    sale. Audited as ``commerce_settings.updated`` with what changed. Raises
    ``ValidationFailed`` naming every bad field."""
    errors = FieldErrors()
    row = CommerceSettings.unscoped.select_for_update().get(pk=settings_for(clinic).pk)
    before = {field: getattr(row, field) for field in TAX_FIELDS}
    if "tax_label" in fields:
        fields["tax_label"] = fields["tax_label"].strip()
        if not fields["tax_label"]:
            errors.add("tax_label", _("Name the tax as receipts print it (VAT, ISS …)."))
    for field in RATE_FIELDS:
        rate = fields.get(field)
        if isinstance(rate, Decimal) and not Decimal(0) <= rate <= MAX_RATE:
            errors.add(field, _("A percent between 0 and 100."))
    errors.raise_if_any()
    for field, value in fields.items():
        setattr(row, field, value)
    changes = audit_changes(before=before, after={field: getattr(row, field) for field in TAX_FIELDS})
    if changes:
        row.save(update_fields=[*fields, "updated_at"])
        audit_event_record(
            clinic=clinic,
            actor=actor,
            action="commerce_settings.updated",
            object_type="commerce.CommerceSettings",
            object_id=row.pk,
            changes=changes,
        )
    return row
