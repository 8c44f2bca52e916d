"""The invoice as a document: HTML in the clinic's language (labels from the project's
translations, right-to-left for Arabic), dates through ``core.dates``, amounts in the
invoice currency formatted by CLDR rules (Babel), rendered to PDF with WeasyPrint."""

from __future__ import annotations

from typing import Any

from babel.numbers import format_decimal
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override, pgettext

from commerce.models import Invoice
from commerce.pricing import money_format
from commerce.services import settings_for
from core import dates


def _labels() -> dict[str, str]:
    """The document's labels in the active language (the clinic's, see
    :func:`invoice_html`)."""
    return {
        "invoice": _("Invoice"),
        "issued": _("Issued"),
        "due": _("Due"),
        "patient": _("Patient"),
        "item": _("Item"),
        "quantity": pgettext("invoice column, short for quantity", "Qty"),
        "unit_price": _("Unit price"),
        "discount": _("Discount"),
        "total": _("Total"),
        "subtotal": _("Subtotal"),
        "included": pgettext("tax included in the prices", "included"),
        "paid": _("Paid"),
        "refunded": _("Refunded"),
        "balance_due": _("Balance due"),
    }


def invoice_html(*, invoice: Invoice) -> str:
    """The invoice as HTML in the clinic's language (``Clinic.locale``: en, pt-BR, th,
    ar; others fall back to English), its dates in the clinic's calendar (``core.dates``:
    Buddhist era in Thai) and the invoice's currency. In Arabic the page runs right to
    left and every value (number, amount, date, Latin product name) is an isolate, so it
    keeps its own order."""
    clinic = invoice.clinic
    with override(clinic.locale):
        return _invoice_html(invoice=invoice)


def _invoice_html(*, invoice: Invoice) -> str:
    clinic = invoice.clinic
    language = clinic.locale
    babel_locale = str(dates.babel_locale(language))
    rtl = dates.is_rtl(language)

    def value(text: str) -> str:
        return dates.isolate(text) if rtl and text else text

    def money(amount: Any) -> str:
        return value(money_format(amount, invoice.currency, clinic.locale))

    profile = invoice.patient.profile if invoice.patient else None
    counters = settings_for(clinic)
    issued_on = clinic.date_at(invoice.issued_at or invoice.created_at)
    context = {
        "language": clinic.locale,
        "direction": "rtl" if rtl else "ltr",
        "t": _labels(),
        "clinic": clinic,
        "number": value(invoice.number),
        # "Sent" is the workflow's word; the document says it was issued.
        "status": pgettext("invoice status", "Issued")
        if invoice.status == Invoice.Status.SENT
        else invoice.get_status_display(),
        "tax_label": counters.tax_label,
        "tax_inclusive": counters.tax_inclusive,
        "issued": dates.date_format(issued_on, language=language),
        "due": dates.date_format(invoice.due_date, language=language) if invoice.due_date else "",
        "patient": value(f"{profile.given_name} {profile.family_name} ({invoice.patient.chart_number})")
        if profile and invoice.patient
        else "",
        "rows": [
            {
                "description": value(item.description),
                "quantity": value(format_decimal(item.quantity.normalize(), locale=babel_locale)),
                "unit_price": money(item.unit_price),
                "discount": money(item.discount),
                "tax": money(item.tax_amount),
                "total": money(item.total),
            }
            for item in invoice.items.all()
        ],
        "totals": {
            "subtotal": money(invoice.subtotal),
            "discount": money(invoice.discount_total),
            "tax": money(invoice.tax_total),
            "total": money(invoice.total),
            "paid": money(invoice.paid_total),
            "refunded": money(invoice.refunded_total) if invoice.refunded_total else "",
            "balance_due": money(invoice.balance_due),
        },
    }
    return render_to_string("commerce/invoice.html", context)


def invoice_pdf(*, invoice: Invoice) -> bytes:
    """The invoice as a PDF (A4) rendered from :func:`invoice_html`."""
    from weasyprint import HTML

    return bytes(HTML(string=invoice_html(invoice=invoice)).write_pdf())
