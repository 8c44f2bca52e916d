"""The demo's data-subject requests: one open and one overdue per clinic, so the
compliance desk's queue has something to act on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from accounts.models import Clinic, User
from compliance.models import DataSubjectRequest
from compliance.subject_rights import dsr_due_days, dsr_receive
from core.tenancy import clinic_context
from patients.models import ClinicPatient

# How long ago the overdue request was received: past its due date (``dsr_due_days``:
# at most 30 days in the demo's countries).
OVERDUE_RECEIVED_DAYS_AGO = 40


def data_subject_requests_build(clinic: Clinic, owner: User, patients: Sequence[ClinicPatient]) -> int:
    """Receive an export request from the clinic's second patient (received today, open)
    and an erasure request from its last one, received ``OVERDUE_RECEIVED_DAYS_AGO`` days
    ago with the due date that gives (already past). Returns how many were received."""
    if len(patients) < 2:
        return 0
    with clinic_context(clinic):
        dsr_receive(clinic=clinic, actor=owner, patient=patients[1], kind=DataSubjectRequest.Kind.EXPORT)
        late = dsr_receive(
            clinic=clinic, actor=owner, patient=patients[-1], kind=DataSubjectRequest.Kind.ERASURE
        )
        received = late.received_at - dt.timedelta(days=OVERDUE_RECEIVED_DAYS_AGO)
        # The demo's past: the receipt is moved back, as the history of sales is dated back.
        DataSubjectRequest.objects.filter(pk=late.pk).update(
            received_at=received,
            due_on=clinic.date_at(received)
            + dt.timedelta(days=dsr_due_days(country=clinic.country, kind=late.kind)),
        )
    return 2
