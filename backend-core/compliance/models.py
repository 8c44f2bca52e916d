"""The row history of the audited tables and data-subject requests.

The ``*Event`` history models (django-pghistory) are what the *database* saw: a trigger
writes a snapshot row on every INSERT, UPDATE and DELETE of an audited table, so
``QuerySet.update()``, bulk writes and raw SQL are captured too, with the request's user,
clinic and request id (``compliance.middleware.HistoryContextMiddleware``). They
complement the audit trail (``audit.models.AuditEvent``), what the *application* says
happened, reads included.

Why: LGPD Art. 37 (controllers and processors keep a record of the personal-data
processing operations they carry out), PDPA s39 (record of processing activities).

On SQLite (the embedded profile) the tables exist but there are no triggers: history rows
are not written (django-pgtrigger installs triggers on PostgreSQL only).
"""

from __future__ import annotations

import pghistory
import pgtrigger
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Clinic, Membership
from audit.masking import SENSITIVE_FIELDS
from catalog.models import Service
from core.crypto import EncryptedJSONField
from core.models import ClinicScopedModel
from patients.models import ClinicPatient, PatientProfile

# --------------------------------------------------------------- history of audited tables
#
# The one place that says which tables are history-tracked. Each tracked model gets an
# event model here (table ``compliance_<model>event``) and three triggers on its own
# table (insert, update, delete). Snapshots leave out the values of SENSITIVE_FIELDS, for
# the reason given in audit.masking; a change to one of them still writes an
# ``update`` row (who, when, which record), because the update trigger fires on any
# column change, not only on the snapshotted ones.


def _history_model(tracked: type[models.Model], *, constant: tuple[str, ...] = ()) -> type[models.Model]:
    # ``constant``: columns set once at insert and never changed (a profile's
    # organization), left out so history rows written before they existed stay valid.
    left_out = sorted(SENSITIVE_FIELDS & {f.name for f in tracked._meta.concrete_fields} | set(constant))
    return pghistory.create_event_model(
        tracked,
        pghistory.InsertEvent(),
        pghistory.UpdateEvent(condition=pgtrigger.Condition("OLD.* IS DISTINCT FROM NEW.*")),
        pghistory.DeleteEvent(),
        exclude=left_out,
        obj_field=pghistory.ObjForeignKey(related_name="+", related_query_name="+"),
        context_field=pghistory.ContextJSONField(),
        append_only=True,
        app_label="compliance",
        model_name=f"{tracked.__name__}Event",
    )


class PatientProfileEvent(_history_model(PatientProfile, constant=("organization",))):  # type: ignore[misc]
    """History of ``patients.PatientProfile`` (demographics; contact and ID values left out)."""


class ClinicPatientEvent(_history_model(ClinicPatient)):  # type: ignore[misc]
    """History of ``patients.ClinicPatient`` (chart number, tags, referral)."""


class ServiceEvent(_history_model(Service)):  # type: ignore[misc]
    """History of ``catalog.Service`` (catalog and prices)."""


class MembershipEvent(_history_model(Membership)):  # type: ignore[misc]
    """History of ``accounts.Membership`` (who holds which role where)."""


class ClinicEvent(_history_model(Clinic)):  # type: ignore[misc]
    """History of ``accounts.Clinic`` (branch settings; phone and address values left out)."""


HISTORY_MODELS: tuple[type[models.Model], ...] = (
    PatientProfileEvent,
    ClinicPatientEvent,
    ServiceEvent,
    MembershipEvent,
    ClinicEvent,
)


class DataSubjectRequest(ClinicScopedModel):
    """A patient's request to exercise a data-subject right at this clinic: a copy of
    their data (LGPD Art. 18 II, PDPA s30), erasure/anonymization (LGPD Art. 18 IV and VI,
    PDPA s33) or rectification (LGPD Art. 18 III, PDPA s35). Due as the law of the
    clinic's country says for the kind (``subject_rights.dsr_due_days``: a copy in 15
    days in Brazil, LGPD Art. 19 II; 30 days in Thailand, PDPA s30 para 3); every step
    is audited.

    ``result`` holds the export document or the erasure report once completed,
    encrypted at rest: an export carries the decrypted clinical record (health data,
    LGPD Art. 11 and 46; PDPA s26 and s37(1)).
    """

    class Kind(models.TextChoices):
        EXPORT = "export", _("Copy of my data")
        ERASURE = "erasure", _("Erasure")
        RECTIFICATION = "rectification", _("Rectification")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        COMPLETED = "completed", _("Completed")
        REJECTED = "rejected", _("Rejected")

    patient = models.ForeignKey(ClinicPatient, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=15, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RECEIVED)
    received_at = models.DateTimeField()
    due_on = models.DateField()
    # Empty when the person filed it themselves (the patient portal).
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    details = models.JSONField(default=dict, blank=True, help_text=_("Rectification: the corrected values"))
    completed_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    result = EncryptedJSONField(null=True, blank=True)
    rejection_reason = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["clinic", "status", "due_on"], name="dsr_open_by_due")]


class RetentionDecision(ClinicScopedModel):
    """What the clinic decided about a chart whose clinical record is past its retention
    period (``subject_rights.retention_until`` before today): ``keep`` it, with the
    ``reason`` (a claim, an investigation: LGPD Art. 16; PDPA s33 para 1), or ``erase`` it
    through an erasure request (``data_subject_request``), which then runs as any other.
    One decision per chart and retention date: a later clinical entry moves the date and
    the chart comes back to the queue when that one passes."""

    class Decision(models.TextChoices):
        KEEP = "keep", _("Keep")
        ERASE = "erase", _("Erase")

    patient = models.ForeignKey(ClinicPatient, on_delete=models.PROTECT, related_name="+")
    retention_until = models.DateField()
    decision = models.CharField(max_length=5, choices=Decision.choices)
    reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    data_subject_request = models.ForeignKey(
        DataSubjectRequest, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "patient", "retention_until"], name="retention_decision_once"
            )
        ]
