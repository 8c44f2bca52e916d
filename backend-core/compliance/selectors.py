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
from patients.models import ConsentPurpose
from patients.selectors import consent_coverage, consent_withdrawals_by_month


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


def consent_coverage_report(*, clinic: Clinic, date_from: dt.date, date_to: dt.date) -> dict[str, Any]:
    """The consent coverage of the current clinic (``clinic``): per purpose, how many
    charts stand granted, withdrawn or never answered today
    (``patients.selectors.consent_coverage``), and the withdrawals of each month from
    ``date_from`` to ``date_to`` (the clinic's local days, inclusive), every month of the
    period listed, with zeros::

        {"patients": n, "purposes": [{"purpose", "granted", "withdrawn", "unanswered"}],
         "withdrawals": [{"month": date (first day), "total": n, "by_purpose": {purpose: n}}]}
    """
    coverage = consent_coverage()
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
