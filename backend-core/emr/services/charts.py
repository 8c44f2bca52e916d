"""Face charts, and the audited read of a patient's chart."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.selectors import practitioner_licence_check
from core.exceptions import ValidationFailed
from core.services import model_save
from emr import charting
from emr.models import FaceChart, Photo, TreatmentSession
from emr.services._shared import _audit
from patients.models import ClinicPatient
from patients.services import patient_viewed_record


@transaction.atomic
def face_chart_save(
    *,
    session: TreatmentSession,
    actor: User,
    annotations: Any,
    template: str = "",
    photo: Photo | None = None,
) -> FaceChart:
    """Save the next version (1, 2, …) of ``session``'s face chart: ``annotations``
    as ``emr.charting.ANNOTATIONS_SCHEMA`` on ``photo`` (a ready photo of the session) or
    on a standard ``template``. Raises ``ValidationFailed`` naming the field, e.g.
    ``annotations.points[3].x``; ``Conflict`` (``licence_required``) for an ``actor``
    without the verified licence the clinic requires
    (``accounts.selectors.practitioner_licence_check``)."""
    practitioner_licence_check(user=actor, clinic=session.clinic)
    if (photo is None) == (not template):
        raise ValidationFailed(errors={"template": [_("Chart on a photo of the session or on a template.")]})
    if photo is not None and (photo.session_id != session.pk or photo.status != Photo.Status.READY):
        raise ValidationFailed(errors={"photo_id": [_("Not a ready photo of this session.")]})
    clean = charting.annotations_shape_check(annotations)
    charting.annotation_references_check(clean)
    TreatmentSession.objects.select_for_update().filter(pk=session.pk).first()
    last = FaceChart.objects.filter(session=session).aggregate(last=Max("version"))["last"] or 0
    chart = FaceChart(
        clinic=session.clinic,
        session=session,
        version=last + 1,
        template=template,
        photo=photo,
        annotations=clean,
        created_by=actor,
    )
    model_save(chart)
    _audit(clinic=session.clinic, actor=actor, action="face_chart.saved", obj=chart)
    return chart


def chart_viewed(*, patient: ClinicPatient, actor: User) -> None:
    """Audit a read of ``patient``'s clinical chart as ``patient.viewed`` (the access
    history the patient may ask for: LGPD Art. 18 VII, PDPA s30)."""
    patient_viewed_record(patient=patient, actor=actor)
