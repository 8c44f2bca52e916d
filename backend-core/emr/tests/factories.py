"""Rows of the clinical record for tests (created directly: no audit events)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from accounts.models import Clinic, User
from catalog.models import Service
from emr.models import (
    ClinicalNote,
    ConsentFormSignature,
    ConsentFormTemplate,
    FaceChart,
    Photo,
    PhotoUpload,
    PlannedSession,
    TreatmentPlan,
    TreatmentSession,
    Visit,
)
from patients.models import ClinicPatient
from scheduling.models import Appointment


@dataclass
class ClinicalRecord:
    visit: Visit
    session: TreatmentSession
    note: ClinicalNote
    plan: TreatmentPlan
    template: ConsentFormTemplate
    signature: ConsentFormSignature
    photo: Photo
    face_chart: FaceChart


def photo_key(clinic: Clinic, session: TreatmentSession, name: str = "seed.jpg") -> str:
    return f"clinics/{clinic.pk}/patients/{session.patient_id}/sessions/{session.pk}/{name}"


def clinical_record_rows(
    *, clinic: Clinic, patient: ClinicPatient, doctor: User, service: Service, appointment: Appointment | None
) -> ClinicalRecord:
    """One row of every clinical-record model at ``clinic`` (the ``world`` fixture)."""
    now = timezone.now()
    visit = Visit.unscoped.create(
        clinic=clinic,
        patient=patient,
        appointment=appointment,
        kind=Visit.Kind.APPOINTMENT if appointment else Visit.Kind.WALK_IN,
        opened_at=now,
        opened_by=doctor,
    )
    session = TreatmentSession.unscoped.create(clinic=clinic, visit=visit, patient=patient, service=service)
    session.practitioners.set([doctor])
    note = ClinicalNote.unscoped.create(
        clinic=clinic, patient=patient, visit=visit, session=session, author=doctor, subjective="Frown lines."
    )
    plan = TreatmentPlan.unscoped.create(
        clinic=clinic, patient=patient, title="Upper face", goals=["Soften frown lines"], created_by=doctor
    )
    PlannedSession.unscoped.create(
        clinic=clinic, plan=plan, sequence=1, service=service, target_date=date(2030, 1, 2)
    )
    template = ConsentFormTemplate.unscoped.create(
        clinic=clinic, service=service, locale="en", version=1, title="Toxin consent", body="Risks: bruising."
    )
    signature = ConsentFormSignature.unscoped.create(
        clinic=clinic,
        patient=patient,
        template=template,
        method=ConsentFormSignature.Method.TYPED,
        typed_name="Ploy Srisuk",
        text_sha256="0" * 64,
        signed_at=now,
        recorded_by=doctor,
    )
    key = photo_key(clinic, session)
    upload = PhotoUpload.unscoped.create(
        clinic=clinic,
        session=session,
        object_key=key,
        kind="before",
        angle="front",
        content_type="image/jpeg",
        declared_size=1000,
        expires_at=now,
        issued_by=doctor,
    )
    photo = Photo.unscoped.create(
        clinic=clinic,
        upload=upload,
        session=session,
        patient=patient,
        kind="before",
        angle="front",
        object_key=key,
        content_type="image/jpeg",
        size_bytes=1000,
        status=Photo.Status.READY,
        original_key=key.replace(".jpg", ".original.jpg"),
        display_key=key + ".display.webp",
        thumbnail_key=key + ".thumb.webp",
        uploaded_by=doctor,
    )
    chart = FaceChart.unscoped.create(
        clinic=clinic,
        session=session,
        version=1,
        template=FaceChart.Template.FRONT,
        annotations={"points": [{"x": 0.5, "y": 0.3, "units": "4", "unit": "U"}]},
        created_by=doctor,
    )
    return ClinicalRecord(visit, session, note, plan, template, signature, photo, chart)
