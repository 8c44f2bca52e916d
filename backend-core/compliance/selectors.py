"""Reads of the compliance context: data-subject requests, and the compliance desk's
figures built from other contexts' selectors (consents, lots used)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

from accounts.models import Clinic
from commerce.selectors import LotUsage, lot_usage
from compliance.models import DataSubjectRequest
from core.dates import local_days_span
from emr.selectors import patient_ids_with_visits_since
from patients.models import ClinicPatient, ConsentPurpose
from patients.selectors import consent_coverage, consent_withdrawals_by_month
from scheduling.selectors import patient_ids_with_appointments_since

# A patient is active (counted by the consent coverage) with an appointment or a visit
# in this many months before today, or one booked ahead.
ACTIVE_PATIENT_MONTHS = 12


def data_subject_request_list(*, today: dt.date) -> QuerySet[DataSubjectRequest]:
    """The current clinic's data-subject requests (tenant-scoped manager: needs a clinic
    context) with their patients, each annotated ``has_result`` (bool) and ``overdue``
    (bool: still open and due before ``today``, the clinic's local day): overdue ones
    first, then open ones by due date, then the closed ones. ``result`` is deferred: a
    list never loads or decrypts the exported records, which are read one at a time and
    audited (``subject_rights.dsr_result_viewed``)."""
    is_open = Q(status=DataSubjectRequest.Status.RECEIVED)
    overdue = is_open & Q(due_on__lt=today)
    return (
        DataSubjectRequest.objects.select_related("patient")
        .defer("result")
        .annotate(
            has_result=ExpressionWrapper(Q(result__isnull=False), output_field=BooleanField()),
            overdue=ExpressionWrapper(overdue, output_field=BooleanField()),
            is_open=ExpressionWrapper(is_open, output_field=BooleanField()),
        )
        .order_by("-overdue", "-is_open", "due_on", "received_at")
    )


def active_since(*, clinic: Clinic) -> dt.date:
    """The first local day of the ``ACTIVE_PATIENT_MONTHS`` months before the clinic's
    today (the same day of the month; 28 February for a 29th with no match)."""
    today = clinic.today()
    month = today.year * 12 + today.month - 1 - ACTIVE_PATIENT_MONTHS
    year, month = divmod(month, 12)
    try:
        return today.replace(year=year, month=month + 1)
    except ValueError:  # 29, 30 or 31 in a shorter month
        return dt.date(year, month + 1, 28)


def active_patients(*, clinic: Clinic) -> QuerySet[ClinicPatient]:
    """The current clinic's active patients: an appointment (not cancelled) or a visit
    (not cancelled) from ``active_since`` (clinic-local) on, booked ahead included."""
    since = dt.datetime.combine(active_since(clinic=clinic), dt.time.min, tzinfo=clinic.zone)
    return ClinicPatient.objects.filter(
        Q(pk__in=patient_ids_with_appointments_since(since=since))
        | Q(pk__in=patient_ids_with_visits_since(since=since))
    )


def consent_coverage_report(*, clinic: Clinic, date_from: dt.date, date_to: dt.date) -> dict[str, Any]:
    """The consent coverage of the current clinic (``clinic``): per purpose, how many of
    its active patients (``active_patients``: seen or booked since ``active_since``)
    stand granted, withdrawn or never answered today
    (``patients.selectors.consent_coverage``), and the withdrawals of each month from
    ``date_from`` to ``date_to`` (the clinic's local days, inclusive; every chart's), every
    month of the period listed, with zeros::

        {"patients": n, "active_since": date,
         "purposes": [{"purpose", "granted", "withdrawn", "unanswered"}],
         "withdrawals": [{"month": date (first day), "total": n, "by_purpose": {purpose: n}}]}
    """
    coverage = consent_coverage(charts=active_patients(clinic=clinic))
    start, end = local_days_span(date_from, date_to, zone=clinic.time_zone)
    counted = {
        (month, purpose): n
        for month, purpose, n in consent_withdrawals_by_month(start=start, end=end, zone=clinic.time_zone)
    }
    months = []
    month = date_from.replace(day=1)
    while month <= date_to:
        by_purpose = {purpose: counted.get((month, purpose), 0) for purpose in ConsentPurpose.values}
        months.append({"month": month, "total": sum(by_purpose.values()), "by_purpose": by_purpose})
        month = (month + dt.timedelta(days=32)).replace(day=1)
    first = next(iter(coverage.values()))
    return {
        "patients": first["granted"] + first["withdrawn"] + first["unanswered"],
        "active_since": active_since(clinic=clinic),
        "purposes": [{"purpose": purpose, **counts} for purpose, counts in coverage.items()],
        "withdrawals": months,
    }


def anvisa_report(*, clinic: Clinic, date_from: dt.date, date_to: dt.date) -> list[LotUsage]:
    """The products used on patients at the current clinic (``clinic``) from
    ``date_from`` to ``date_to`` (local days, inclusive), one row per lot, by regulatory
    registration (``commerce.selectors.lot_usage``): what ANVISA's traceability asks of a
    health service (RDC ANVISA 67/2007; the product's registration, Lei 6.360/1976 Art.
    12), and the lots a recall would reach."""
    start, end = local_days_span(date_from, date_to, zone=clinic.time_zone)
    return lot_usage(start=start, end=end)
