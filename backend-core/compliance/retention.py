"""The retention queue: charts whose clinical record is past its retention period, and
the clinic's decision about each (keep it, with the reason, or erase it through an
erasure request). Read and write of one small context, kept together like
``subject_rights``: both read the retention date it computes.

Why: personal data is kept only while a purpose or a legal duty needs it, then erased
(LGPD Art. 15 and 16; PDPA s33 and s37(3)); a clinical record's duty is
``subject_rights.retention_until`` (Brazil: 20 years, Lei 13.787/2018 Art. 6).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Clinic, User
from audit.services import audit_event_record
from compliance.models import DataSubjectRequest, RetentionDecision
from compliance.subject_rights import dsr_receive, retention_until
from core.exceptions import Conflict, ValidationFailed
from core.services import model_save
from emr.selectors import unscoped_last_clinical_entry
from patients.models import ClinicPatient
from patients.services import PATIENT_OBJECT_TYPE


@dataclass(frozen=True)
class RetentionDue:
    patient: ClinicPatient
    last_entry_at: dt.datetime
    retention_until: dt.date


def _retention_of(links: list[ClinicPatient]) -> dict[Any, tuple[dt.datetime, dt.date]]:
    last = unscoped_last_clinical_entry(patients=links)
    out: dict[Any, tuple[dt.datetime, dt.date]] = {}
    for link in links:
        until = retention_until(link=link, last_entry=last.get(link.pk))
        if until is not None:
            out[link.pk] = (last[link.pk], until)
    return out


def retention_queue(*, clinic: Clinic) -> list[RetentionDue]:
    """The current clinic's charts whose clinical record was due to be kept only until
    before ``clinic``'s today (``retention_until``) and that have no decision for that
    date yet, longest past first. Charts without a clinical record are not listed
    (nothing is retained for them). Reads every chart of the clinic and the newest entry
    of each record (``emr.selectors.unscoped_last_clinical_entry``): three queries,
    whatever the number of charts."""
    links = list(ClinicPatient.objects.select_related("clinic", "profile").order_by("chart_number"))
    retention = _retention_of(links)
    today = clinic.today()
    decided = set(RetentionDecision.objects.values_list("patient_id", "retention_until"))
    due = [
        RetentionDue(patient=link, last_entry_at=retention[link.pk][0], retention_until=retention[link.pk][1])
        for link in links
        if link.pk in retention
        and retention[link.pk][1] < today
        and (link.pk, retention[link.pk][1]) not in decided
    ]
    return sorted(due, key=lambda row: (row.retention_until, row.patient.chart_number))


@transaction.atomic
def retention_decide(
    *, clinic: Clinic, actor: User, patient: ClinicPatient, decision: str, reason: str = ""
) -> RetentionDecision:
    """Record the decision about ``patient``'s record past retention: ``keep`` needs the
    ``reason``; ``erase`` receives an erasure request (``dsr_receive``: due and carried
    out like any other, from the requests queue). Audited (``retention.kept``,
    ``retention.erasure_requested``). Raises ``Conflict`` (``retention_not_due``) when
    the record is not past retention, ``Conflict`` (``retention_decided``) when this
    retention date was already decided, and ``ValidationFailed`` naming ``reason``."""
    patient = (
        ClinicPatient.objects.select_for_update(of=("self",)).select_related("clinic").get(pk=patient.pk)
    )
    retention = _retention_of([patient]).get(patient.pk)
    if retention is None or retention[1] >= clinic.today():
        raise Conflict(_("This record is not past its retention period."), code="retention_not_due")
    until = retention[1]
    if RetentionDecision.objects.filter(patient=patient, retention_until=until).exists():
        raise Conflict(_("This record was already decided."), code="retention_decided")
    reason = reason.strip()
    if decision == RetentionDecision.Decision.KEEP and not reason:
        raise ValidationFailed(errors={"reason": [_("Say why the record is kept.")]})
    dsr = None
    if decision == RetentionDecision.Decision.ERASE:
        dsr = dsr_receive(clinic=clinic, actor=actor, patient=patient, kind=DataSubjectRequest.Kind.ERASURE)
    row = RetentionDecision(
        clinic=clinic,
        patient=patient,
        retention_until=until,
        decision=decision,
        reason=reason,
        decided_by=actor,
        data_subject_request=dsr,
    )
    model_save(row)
    audit_event_record(
        clinic=clinic,
        actor=actor,
        action="retention.kept" if dsr is None else "retention.erasure_requested",
        object_type=PATIENT_OBJECT_TYPE,
        object_id=patient.pk,
        changes={"retention_until": [None, until.isoformat()], "decision": [None, decision]},
    )
    return row
