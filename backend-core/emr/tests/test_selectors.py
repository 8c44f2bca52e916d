from datetime import timedelta

from django.utils import timezone

from emr.models import ClinicalNote, FaceChart, Photo, TreatmentSession, Visit
from emr.selectors import unscoped_last_clinical_entry, unscoped_patient_clinical_record
from patients.tests.factories import ClinicPatientFactory


def _age_record(tenant, then):
    patient = tenant.patient
    for model in (Visit, TreatmentSession, ClinicalNote, Photo):
        model.unscoped.filter(patient=patient).update(created_at=then)
    Visit.unscoped.filter(patient=patient).update(opened_at=then)
    FaceChart.unscoped.filter(session__patient=patient).update(created_at=then)
    type(tenant.clinical.signature).unscoped.filter(patient=patient).update(signed_at=then)
    type(tenant.clinical.plan).unscoped.filter(patient=patient).update(created_at=then)


def test_the_last_entry_is_the_newest_of_any_part_of_the_record(world, django_assert_num_queries):
    long_ago = timezone.now() - timedelta(days=3000)
    _age_record(world.a, long_ago)
    _age_record(world.b, long_ago)
    signed = long_ago + timedelta(days=30)
    ClinicalNote.unscoped.filter(pk=world.a.clinical.note.pk).update(
        status=ClinicalNote.Status.SIGNED, signed_at=signed, signed_by=world.a.clinical.note.author
    )
    closed = long_ago + timedelta(days=10)
    Visit.unscoped.filter(pk=world.b.clinical.visit.pk).update(closed_at=closed)
    empty = ClinicPatientFactory(clinic=world.a.clinic, chart_number="HN000002")

    with django_assert_num_queries(1):
        last = unscoped_last_clinical_entry(patients=[world.a.patient, world.b.patient, empty])

    assert last == {world.a.patient.pk: signed, world.b.patient.pk: closed}


def test_the_record_of_a_chart_holds_no_row_of_another_chart(world):
    record = unscoped_patient_clinical_record(patients=[world.a.patient])
    assert set(record) == {world.a.patient.pk}
    [session] = record[world.a.patient.pk]["treatment_sessions"]
    assert session["id"] == world.a.clinical.session.pk
    assert [p["id"] for p in session["photos"]] == [world.a.clinical.photo.pk]
    assert unscoped_patient_clinical_record(patients=[]) == {}
