"""The medical history (intake): recording a new version, and acknowledging its alerts
before a treatment session starts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from accounts.models import User
from core.exceptions import Conflict
from core.services import model_save
from emr import selectors
from emr.intake import INTAKE_SHAPE, Alert
from emr.models import MedicalIntake, TreatmentSession
from emr.services._shared import _audit
from patients.models import ClinicPatient


@transaction.atomic
def medical_intake_record(
    *, patient: ClinicPatient, actor: User, history: Mapping[str, Any]
) -> MedicalIntake:
    """Save ``history`` (``emr.intake`` shape, validated by the caller's serializer;
    missing keys take ``INTAKE_SHAPE``'s defaults) as the patient's next medical-history
    version (1, 2, …). Earlier versions are kept unchanged. Audited as
    ``intake.recorded`` with the version, never the content (health data stays out of
    the audit trail)."""
    ClinicPatient.objects.select_for_update().filter(pk=patient.pk).first()  # one writer per patient
    last = MedicalIntake.objects.filter(patient=patient).aggregate(last=Max("version"))["last"] or 0
    intake = MedicalIntake(
        clinic=patient.clinic,
        patient=patient,
        version=last + 1,
        history={**INTAKE_SHAPE, **history},
        recorded_by=actor,
    )
    model_save(intake)
    _audit(
        clinic=patient.clinic,
        actor=actor,
        action="intake.recorded",
        obj=intake,
        changes={"version": [last or None, intake.version]},
    )
    return intake


def session_alerts_check(
    *, session: TreatmentSession, actor: User, acknowledged: Sequence[str]
) -> list[Alert]:
    """Before ``session`` starts: the contraindication alerts of its service for the
    patient's current history must each have been acknowledged by the practitioner
    (``acknowledged``: their codes). Raises ``Conflict`` (``alerts_unacknowledged``,
    409) naming the codes left; with alerts, records the acknowledgement in the audit
    trail (``session.alerts_acknowledged``, the codes). Runs inside the caller's
    transaction (``session_start``)."""
    alerts = selectors.patient_alerts(patient_id=session.patient_id, service=session.service)
    missing = sorted({alert.code for alert in alerts} - set(acknowledged))
    if missing:
        raise Conflict(
            _("Acknowledge the patient's contraindication alerts first: %(codes)s.")
            % {"codes": ", ".join(missing)},
            code="alerts_unacknowledged",
        )
    if alerts:
        _audit(
            clinic=session.clinic,
            actor=actor,
            action="session.alerts_acknowledged",
            obj=session,
            changes={"alerts": [None, sorted({alert.code for alert in alerts})]},
        )
    return alerts
