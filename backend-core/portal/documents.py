"""Files a patient downloads from the portal: an appointment as an iCalendar event, and a
copy of their data as a readable document (HTML, rendered to PDF with WeasyPrint like
the invoice)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from icalendar import Calendar, Event

from core.dates import is_rtl
from portal.export_labels import EXPORT_LABELS, export_value_label
from scheduling.models import Appointment


def appointment_ics(*, appointment: Appointment) -> bytes:
    """``appointment`` as an iCalendar document (RFC 5545) of one ``VEVENT``: start and end
    in UTC (``Z``, §3.3.5 form 2, so no ``VTIMEZONE`` is needed), the treatment and clinic
    as summary, the clinic's address as location. The ``UID`` is the appointment's and
    ``SEQUENCE`` grows with each change (§3.8.7.4), so a calendar that imported it before
    updates the event after a move. Text escaping and line folding (§3.1, §3.3.11) are
    the ``icalendar`` package's."""
    clinic = appointment.clinic
    calendar = Calendar()
    calendar.add("prodid", "-//AesthetixOS//Patient portal//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"{appointment.pk}@aesthetixos")
    event.add("dtstamp", timezone.now().astimezone(dt.UTC).replace(microsecond=0))
    event.add("sequence", int(appointment.updated_at.timestamp()) - int(appointment.created_at.timestamp()))
    event.add("dtstart", appointment.starts_at.astimezone(dt.UTC))
    event.add("dtend", appointment.ends_at.astimezone(dt.UTC))
    event.add("summary", f"{appointment.service.name} · {clinic.name}")
    event.add("location", ", ".join(part for part in (clinic.address, clinic.city) if part) or clinic.name)
    event.add("description", "\n".join(p for p in (appointment.practitioner.full_name, clinic.phone) if p))
    cancelled = appointment.status == Appointment.Status.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    calendar.add_component(event)
    return bytes(calendar.to_ical())


def _label(key: str) -> str:
    """The field ``key`` in the active language (``EXPORT_LABELS``); a key without a label
    (a field added to the export later) reads as its words."""
    label = EXPORT_LABELS.get(key)
    return str(label) if label is not None else key.replace("_", " ").capitalize()


def _value_html(value: Any, *, key: str = "", section: str = "") -> SafeString:
    """Nested JSON as nested HTML: an object as a definition list, a list of objects as
    numbered sections, a list of scalars as a list; every text escaped. A coded value
    reads as its name (``export_value_label``: ``key`` is the field, ``section`` the list
    its record sits in)."""
    if isinstance(value, dict):
        if not value:
            return mark_safe("<p class='empty'>—</p>")
        return format_html(
            "<dl>{}</dl>",
            format_html_join(
                "",
                "<dt>{}</dt><dd>{}</dd>",
                ((_label(k), _value_html(v, key=k, section=section)) for k, v in value.items()),
            ),
        )
    if isinstance(value, list):
        if not value:
            return mark_safe("<p class='empty'>—</p>")
        return format_html(
            "<ol>{}</ol>",
            format_html_join("", "<li>{}</li>", ((_value_html(v, key=key, section=key),) for v in value)),
        )
    if value is None or value == "":
        return mark_safe("—")
    if isinstance(value, bool):
        return format_html("{}", "✓" if value else "✗")
    return format_html("<bdi>{}</bdi>", export_value_label(section=section, key=key, value=value) or value)


def export_html(*, document: dict[str, Any], language: str) -> str:
    """A copy of the person's data (``compliance.subject_rights.patient_export_document``)
    as a readable page in ``language``: the person, then each clinic's chart, consents,
    clinical record and purchases, each field named in that language (``EXPORT_LABELS``)
    and every value as stored (instants in ISO 8601 UTC)."""
    with translation.override(language):  # the labels are read in the page's language
        clinics = [
            {
                "name": chart.get("clinic", {}).get("name", ""),
                "summary": _value_html(
                    {k: chart.get(k) for k in ("chart_number", "registered_at", "first_visit_on")}
                ),
                "consents": _value_html(chart.get("consents", []), key="consents"),
                "clinical": _value_html(chart.get("clinical")),
                "commerce": _value_html(chart.get("commerce", {})),
            }
            for chart in document.get("clinics", [])
        ]
        context = {
            "language": language,
            "direction": "rtl" if is_rtl(language) else "ltr",
            "organization": document.get("organization", {}).get("name", ""),
            "generated_at": document.get("generated_at", ""),
            "person": _value_html(document.get("person", {}), section="person"),
            "clinics": clinics,
        }
        return render_to_string("portal/export_document.html", context)


def export_pdf(*, document: dict[str, Any], language: str) -> bytes:
    """The copy of :func:`export_html` as a PDF (A4)."""
    from weasyprint import HTML

    return bytes(HTML(string=export_html(document=document, language=language)).write_pdf())
