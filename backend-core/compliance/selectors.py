"""Reads of the compliance context: data-subject requests."""

from __future__ import annotations

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

from compliance.models import DataSubjectRequest


def data_subject_request_list() -> QuerySet[DataSubjectRequest]:
    """The current clinic's data-subject requests (tenant-scoped manager: needs a clinic
    context), open ones first, by due date, with their patients; each row annotated
    ``has_result`` (bool). ``result`` is deferred: a list never loads or decrypts the
    exported records, which are read one at a time and audited
    (``subject_rights.dsr_result_viewed``)."""
    return (
        DataSubjectRequest.objects.select_related("patient")
        .defer("result")
        .annotate(has_result=ExpressionWrapper(Q(result__isnull=False), output_field=BooleanField()))
        .order_by("status", "due_on", "received_at")
    )
