"""The invoice as a document: HTML in the clinic's language (right-to-left for Arabic),
amounts in the invoice currency formatted by CLDR rules (Babel), rendered to PDF with
WeasyPrint."""

from __future__ import annotations

from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal
from django.template.loader import render_to_string

from commerce.models import Invoice
from commerce.pricing import money_format
from commerce.services import settings_for
from notifications.templates import normalize_language

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "invoice": "Invoice",
        "issued": "Issued",
        "due": "Due",
        "patient": "Patient",
        "item": "Item",
        "quantity": "Qty",
        "unit_price": "Unit price",
        "discount": "Discount",
        "total": "Total",
        "subtotal": "Subtotal",
        "included": "included",
        "paid": "Paid",
        "refunded": "Refunded",
        "balance_due": "Balance due",
        "draft": "Draft",
        "sent": "Issued",
        "partially_paid": "Partially paid",
        "overdue": "Overdue",
        "void": "Void",
    },
    "pt-br": {
        "invoice": "Fatura",
        "issued": "Emissão",
        "due": "Vencimento",
        "patient": "Paciente",
        "item": "Item",
        "quantity": "Qtd.",
        "unit_price": "Preço unitário",
        "discount": "Desconto",
        "total": "Total",
        "subtotal": "Subtotal",
        "included": "incluso",
        "paid": "Pago",
        "refunded": "Reembolsado",
        "balance_due": "Saldo devedor",
        "draft": "Rascunho",
        "sent": "Emitida",
        "partially_paid": "Parcialmente paga",
        "overdue": "Vencida",
        "void": "Cancelada",
    },
    "th": {
        "invoice": "ใบแจ้งหนี้",
        "issued": "วันที่ออก",
        "due": "ครบกำหนด",
        "patient": "ผู้รับบริการ",
        "item": "รายการ",
        "quantity": "จำนวน",
        "unit_price": "ราคาต่อหน่วย",
        "discount": "ส่วนลด",
        "total": "รวม",
        "subtotal": "รวมก่อนหักส่วนลด",
        "included": "รวมแล้ว",
        "paid": "ชำระแล้ว",
        "refunded": "คืนเงินแล้ว",
        "balance_due": "ยอดคงค้าง",
        "draft": "ฉบับร่าง",
        "sent": "ออกแล้ว",
        "partially_paid": "ชำระบางส่วน",
        "overdue": "เกินกำหนด",
        "void": "ยกเลิก",
    },
    "ar": {
        "invoice": "فاتورة",
        "issued": "تاريخ الإصدار",
        "due": "تاريخ الاستحقاق",
        "patient": "المريض",
        "item": "البند",
        "quantity": "الكمية",
        "unit_price": "سعر الوحدة",
        "discount": "الخصم",
        "total": "الإجمالي",
        "subtotal": "المجموع الفرعي",
        "included": "شامل",
        "paid": "المدفوع",
        "refunded": "المسترد",
        "balance_due": "الرصيد المستحق",
        "draft": "مسودة",
        "sent": "صادرة",
        "partially_paid": "مدفوعة جزئيًا",
        "overdue": "متأخرة",
        "void": "ملغاة",
    },
}


def _language(locale: str) -> str:
    language = normalize_language(locale)
    if language in LABELS:
        return language
    base = language.split("-")[0]
    return base if base in LABELS else "en"


def invoice_html(*, invoice: Invoice) -> str:
    """The invoice as HTML in the clinic's language (``Clinic.locale``: en, pt-BR, th,
    ar; others fall back to English) and the invoice's currency."""
    clinic = invoice.clinic
    language = _language(clinic.locale)
    babel_locale = clinic.locale.replace("-", "_")
    labels = LABELS[language]

    def money(value: Any) -> str:
        return money_format(value, invoice.currency, clinic.locale)

    profile = invoice.patient.profile if invoice.patient else None
    counters = settings_for(clinic)
    context = {
        "language": clinic.locale,
        "direction": "rtl" if language == "ar" else "ltr",
        "t": labels,
        "clinic": clinic,
        "invoice": invoice,
        "status": labels["paid"] if invoice.status == Invoice.Status.PAID else labels[invoice.status],
        "tax_label": counters.tax_label,
        "tax_inclusive": counters.tax_inclusive,
        "issued": format_date(
            clinic.date_at(invoice.issued_at or invoice.created_at), "medium", locale=babel_locale
        ),
        "due": format_date(invoice.due_date, "medium", locale=babel_locale) if invoice.due_date else "",
        "patient": f"{profile.given_name} {profile.family_name} ({invoice.patient.chart_number})"
        if profile and invoice.patient
        else "",
        "rows": [
            {
                "description": item.description,
                "quantity": format_decimal(item.quantity.normalize(), locale=babel_locale),
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
