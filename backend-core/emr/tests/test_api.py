import base64
import datetime as dt
import io
from decimal import Decimal

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import connection
from django.utils import timezone
from PIL import Image

from audit.models import AuditEvent
from catalog.tests import factories as catalog_factories
from commerce.models import Invoice, StockMovement
from commerce.tests import factories as commerce_factories
from core.realtime import clinic_group
from core.roles import Role
from core.tenancy import clinic_context
from emr.models import ClinicalNote, SessionProduct, TreatmentSession, Visit
from scheduling.models import Appointment

URL = "/api/v1/clinic"


def as_role(api, tenant, role=Role.DOCTOR):
    return api(tenant.user(role), tenant.clinic)


# -------------------------------------------------------------------------- permissions


@pytest.mark.parametrize(
    "role", [Role.RECEPTIONIST, Role.CASHIER, Role.ACCOUNTANT, Role.ASSISTANT, Role.OWNER]
)
def test_non_clinical_roles_cannot_read_notes_photos_or_the_chart(api, world, role):
    client = as_role(api, world.a, role)
    record = world.a.clinical
    for path in (
        "/notes",
        f"/notes/{record.note.pk}",
        "/photos",
        f"/photos/{record.photo.pk}",
        f"/sessions/{record.session.pk}/gallery",
        f"/charts/{world.a.patient.pk}",
        f"/face-charts/{record.face_chart.pk}",
        "/plans",
    ):
        response = client.get(URL + path)
        assert response.status_code == 403, (path, response.content)


def test_receptionist_sees_the_visit_without_clinical_content(api, world):
    response = as_role(api, world.a, Role.RECEPTIONIST).get(f"{URL}/visits/{world.a.clinical.visit.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["sessions"][0]["service_name"] == "Botulinum toxin"
    assert not {"notes", "subjective", "photos"} & set(body)


@pytest.mark.parametrize("path", ["notes/{note}", "photos/{photo}", "charts/{patient}", "sessions/{session}"])
def test_a_doctor_of_another_clinic_gets_404(api, world, path):
    record = world.a.clinical
    url = f"{URL}/" + path.format(
        note=record.note.pk, photo=record.photo.pk, patient=world.a.patient.pk, session=record.session.pk
    )
    assert as_role(api, world.b).get(url).status_code == 404
    # Naming clinic A in the header without a membership there is a 404 too.
    assert api(world.b.user(Role.DOCTOR), world.a.clinic).get(url).status_code == 404


def test_chart_read_is_audited_as_patient_viewed(api, world):
    response = as_role(api, world.a, Role.NURSE).get(f"{URL}/charts/{world.a.patient.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["notes"][0]["subjective"] == "Frown lines."
    assert body["visits"][0]["id"] == str(world.a.clinical.visit.pk)
    event = AuditEvent.unscoped.filter(clinic=world.a.clinic, action="patient.viewed").get()
    assert event.object_id == str(world.a.patient.pk)
    assert event.actor == world.a.user(Role.NURSE)


def test_bad_query_parameters_answer_400_naming_them(api, world):
    client = as_role(api, world.a)
    response = client.get(f"{URL}/notes", {"patient": "not-a-uuid"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "patient"
    response = client.get(f"{URL}/visits", {"status": "dancing"})
    assert response.json()["errors"][0]["field"] == "status"


# ------------------------------------------------------------------------------ visits


def test_walk_in_visit_opens_for_a_patient(api, world):
    response = as_role(api, world.a, Role.RECEPTIONIST).post(
        f"{URL}/visits", {"patient_id": str(world.a.patient.pk)}, format="json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["kind"] == "walk_in"
    assert response.json()["status"] == "open"


def test_visit_needs_a_patient_of_this_clinic(api, world):
    client = as_role(api, world.a, Role.RECEPTIONIST)
    assert client.post(f"{URL}/visits", {}, format="json").json()["errors"][0]["field"] == "patient_id"
    response = client.post(f"{URL}/visits", {"patient_id": str(world.b.patient.pk)}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "patient_id"


@pytest.mark.parametrize("clock", ["01:00"], indirect=True)  # 08:00 in Bangkok
def test_arrival_opens_the_visit_once(clock, api, world, django_capture_on_commit_callbacks):
    starts = timezone.now().replace(microsecond=0) + dt.timedelta(hours=1)
    appointment = Appointment.unscoped.create(
        clinic=world.a.clinic,
        patient=world.a.patient,
        practitioner=world.a.user(Role.DOCTOR),
        service=world.a.service,
        starts_at=starts,
        ends_at=starts + dt.timedelta(minutes=30),
        blocked_until=starts + dt.timedelta(minutes=30),
    )
    client = as_role(api, world.a, Role.RECEPTIONIST)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/api/v1/calendar/appointments/{appointment.pk}/arrive").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/api/v1/calendar/appointments/{appointment.pk}/start").status_code == 200
    visits = Visit.unscoped.filter(appointment=appointment)
    assert visits.count() == 1
    assert visits.get().kind == Visit.Kind.APPOINTMENT
    response = client.post(f"{URL}/visits", {"appointment_id": str(appointment.pk)}, format="json")
    assert response.json()["id"] == str(visits.get().pk)


@pytest.mark.django_db(transaction=True)
def test_a_walk_in_reaches_the_clinics_live_front_desk(api, world):
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(clinic_group(world.a.clinic.pk), channel)
    visit = as_role(api, world.a, Role.RECEPTIONIST).post(
        f"{URL}/visits", {"patient_id": str(world.a.patient.pk)}, format="json"
    )
    message = async_to_sync(layer.receive)(channel)
    assert message["event"]["type"] == "visit.opened"
    assert message["event"]["data"] == {
        "id": visit.json()["id"],
        "patient_id": str(world.a.patient.pk),
        "appointment_id": None,
        "status": "open",
    }


def _open_session(api, tenant, service=None):
    client = as_role(api, tenant)
    visit = client.post(f"{URL}/visits", {"patient_id": str(tenant.patient.pk)}, format="json").json()
    response = client.post(
        f"{URL}/sessions",
        {
            "visit_id": visit["id"],
            "service_id": str((service or tenant.service).pk),
            "practitioner_ids": [str(tenant.user(Role.DOCTOR).pk)],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    return visit, response.json()


def test_session_of_a_consent_requiring_service_cannot_start_unsigned(api, world):
    service = world.a.service
    service.requires_consent = True
    service.save(update_fields=["requires_consent"])
    _visit, session = _open_session(api, world.a)
    doctor = as_role(api, world.a)

    # The world's patient signed version 1 of the English form; version 2 replaces it.
    template = doctor.post(
        f"{URL}/consent-templates",
        {"service_id": str(service.pk), "locale": "en", "title": "Toxin consent", "body": "Risks: ptosis."},
        format="json",
    ).json()
    assert template["version"] == 2
    refused = doctor.post(f"{URL}/sessions/{session['id']}/start")
    assert refused.status_code == 409
    assert refused.json()["code"] == "consent_required"
    with clinic_context(world.a.clinic):
        assert TreatmentSession.objects.get(pk=session["id"]).status == "planned"

    signed = as_role(api, world.a, Role.RECEPTIONIST).post(
        f"{URL}/consent-forms",
        {
            "patient_id": str(world.a.patient.pk),
            "template_id": template["id"],
            "method": "typed",
            "typed_name": "Ploy Srisuk",
        },
        format="json",
        REMOTE_ADDR="203.0.113.9",
        HTTP_USER_AGENT="Tablet",
    )
    assert signed.status_code == 201, signed.content
    assert signed.json()["ip"] == "203.0.113.9"

    started = doctor.post(f"{URL}/sessions/{session['id']}/start")
    assert started.status_code == 200, started.content
    assert started.json()["status"] == "in_progress"
    assert started.json()["consent_signature_id"] == signed.json()["id"]

    doctor.post(
        f"{URL}/consent-templates",
        {"service_id": str(service.pk), "locale": "en", "title": "Toxin consent", "body": "v3"},
        format="json",
    )
    _visit, second = _open_session(api, world.a)
    assert doctor.post(f"{URL}/sessions/{second['id']}/start").json()["code"] == "consent_required"


def test_signing_an_outdated_form_is_refused(api, world):
    as_role(api, world.a).post(
        f"{URL}/consent-templates",
        {"service_id": str(world.a.service.pk), "locale": "en", "title": "T", "body": "v2"},
        format="json",
    )
    response = as_role(api, world.a, Role.RECEPTIONIST).post(
        f"{URL}/consent-forms",
        {
            "patient_id": str(world.a.patient.pk),
            "template_id": str(world.a.clinical.template.pk),
            "method": "typed",
            "typed_name": "Ploy",
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "template_id"


def test_a_drawn_signature_must_be_a_png(api, world):
    client = as_role(api, world.a, Role.RECEPTIONIST)
    payload = {
        "patient_id": str(world.a.patient.pk),
        "template_id": str(world.a.clinical.template.pk),
        "method": "drawn",
        "signature_png": base64.b64encode(b"not an image").decode(),
    }
    response = client.post(f"{URL}/consent-forms", payload, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "signature_png"

    png = io.BytesIO()
    Image.new("LA", (300, 100)).save(png, "PNG")
    payload["signature_png"] = base64.b64encode(png.getvalue()).decode()
    response = client.post(f"{URL}/consent-forms", payload, format="json")
    assert response.status_code == 201, response.content
    assert base64.b64decode(response.json()["signature_png"]) == png.getvalue()


def test_session_needs_clinic_practitioners_and_service(api, world):
    client = as_role(api, world.a)
    payload = {
        "visit_id": str(world.a.clinical.visit.pk),
        "service_id": str(world.b.service.pk),
        "practitioner_ids": [str(world.a.user(Role.DOCTOR).pk)],
    }
    assert client.post(f"{URL}/sessions", payload, format="json").json()["errors"][0]["field"] == "service_id"
    payload["service_id"] = str(world.a.service.pk)
    payload["practitioner_ids"] = [str(world.b.user(Role.DOCTOR).pk)]
    response = client.post(f"{URL}/sessions", payload, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "practitioner_ids"


def test_visit_completes_only_when_its_sessions_ended(api, world):
    visit, session = _open_session(api, world.a)
    client = as_role(api, world.a)
    assert client.post(f"{URL}/visits/{visit['id']}/complete").json()["code"] == "sessions_open"
    client.post(f"{URL}/sessions/{session['id']}/start")
    assert client.post(f"{URL}/sessions/{session['id']}/complete").json()["status"] == "completed"
    response = client.post(f"{URL}/visits/{visit['id']}/complete")
    assert response.status_code == 200
    assert response.json()["status"] == "completed"


# ------------------------------------------------------------------------------- notes


def test_a_signed_note_cannot_be_edited_only_amended(api, world):
    client = as_role(api, world.a)
    visit_id = str(world.a.clinical.visit.pk)
    note = client.post(
        f"{URL}/notes", {"visit_id": visit_id, "subjective": "Wants softer lines"}, format="json"
    )
    assert note.status_code == 201, note.content
    note_id = note.json()["id"]
    assert (
        client.patch(f"{URL}/notes/{note_id}", {"assessment": "Dynamic rhytids"}, format="json").status_code
        == 200
    )
    signed = client.post(f"{URL}/notes/{note_id}/sign")
    assert signed.json()["status"] == "signed"

    refused = client.patch(f"{URL}/notes/{note_id}", {"assessment": "Changed"}, format="json")
    assert refused.status_code == 409
    assert refused.json()["code"] == "note_signed"
    assert client.post(f"{URL}/notes/{note_id}/sign").json()["code"] == "note_signed"

    amended = client.post(
        f"{URL}/notes/{note_id}/amend", {"reason": "Wrong area", "plan": "Review in 2 weeks"}, format="json"
    )
    assert amended.status_code == 201, amended.content
    body = amended.json()
    assert (body["version"], body["amends_id"], body["status"]) == (2, note_id, "draft")
    assert body["assessment"] == "Dynamic rhytids"
    assert body["plan"] == "Review in 2 weeks"
    original = client.get(f"{URL}/notes/{note_id}").json()
    assert original["assessment"] == "Dynamic rhytids"
    assert original["plan"] == ""
    assert client.post(f"{URL}/notes/{note_id}/amend", {"reason": "Again"}, format="json").json()["code"] == (
        "note_superseded"
    )
    current = client.get(f"{URL}/notes", {"visit": visit_id, "current": "true"}).json()["results"]
    assert note_id not in {n["id"] for n in current}
    assert body["id"] in {n["id"] for n in current}


def test_only_the_author_edits_a_draft(api, world):
    response = as_role(api, world.a, Role.NURSE).patch(
        f"{URL}/notes/{world.a.clinical.note.pk}", {"subjective": "x"}, format="json"
    )
    assert response.status_code == 403


def test_note_is_encrypted_at_rest(world):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT subjective FROM emr_clinicalnote WHERE id = %s", [world.a.clinical.note.pk.hex]
        )
        stored = cursor.fetchone()[0]
    assert "Frown" not in stored
    assert ClinicalNote.unscoped.get(pk=world.a.clinical.note.pk).subjective == "Frown lines."


def test_amend_needs_a_reason(api, world):
    note = world.a.clinical.note
    note.status, note.signed_at, note.signed_by = "signed", timezone.now(), note.author
    note.save()
    response = as_role(api, world.a).post(f"{URL}/notes/{note.pk}/amend", {"reason": " "}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "reason"


# ------------------------------------------------------------------------------- plans


def test_plan_progress_follows_completed_sessions(api, world):
    client = as_role(api, world.a)
    plan = client.post(
        f"{URL}/plans",
        {
            "patient_id": str(world.a.patient.pk),
            "title": "Full face",
            "goals": ["Lift midface"],
            "items": [
                {"service_id": str(world.a.service.pk), "target_date": "2031-01-10"},
                {"service_id": str(world.a.service.pk), "target_date": "2031-02-10"},
            ],
        },
        format="json",
    )
    assert plan.status_code == 201, plan.content
    body = plan.json()
    assert (body["steps_done"], body["steps_total"]) == (0, 2)
    visit = client.post(f"{URL}/visits", {"patient_id": str(world.a.patient.pk)}, format="json").json()
    session = client.post(
        f"{URL}/sessions",
        {
            "visit_id": visit["id"],
            "service_id": str(world.a.service.pk),
            "practitioner_ids": [str(world.a.user(Role.DOCTOR).pk)],
            "planned_item_id": body["items"][0]["id"],
        },
        format="json",
    ).json()
    client.post(f"{URL}/sessions/{session['id']}/start")
    client.post(f"{URL}/sessions/{session['id']}/complete")
    after = client.get(f"{URL}/plans/{body['id']}").json()
    assert (after["steps_done"], after["steps_total"]) == (1, 2)
    assert after["items"][0]["status"] == "done"
    assert after["items"][0]["session_id"] == session["id"]


def test_plan_items_name_the_bad_service(api, world):
    response = as_role(api, world.a).post(
        f"{URL}/plans",
        {
            "patient_id": str(world.a.patient.pk),
            "title": "x",
            "items": [{"service_id": str(world.b.service.pk), "target_date": "2031-01-10"}],
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "items.0.service_id"


# -------------------------------------------------------------------------- face charts


def _chart(client, session, annotations, **extra):
    return client.post(
        f"{URL}/face-charts",
        {"session_id": str(session.pk), "annotations": annotations, **extra},
        format="json",
    )


def test_face_chart_saves_versions(api, world):
    client = as_role(api, world.a)
    session = world.a.clinical.session
    points = {"points": [{"x": 0.42, "y": 0.31, "units": "4", "unit": "U", "depth": "intramuscular"}]}
    saved = _chart(client, session, points, template="face_front")
    assert saved.status_code == 201, saved.content
    assert saved.json()["version"] == 2  # the world holds version 1
    again = _chart(client, session, {"points": []}, photo_id=str(world.a.clinical.photo.pk))
    assert again.json()["version"] == 3
    loaded = client.get(f"{URL}/face-charts", {"session": str(session.pk)}).json()["results"]
    assert [c["version"] for c in loaded] == [3, 2, 1]
    assert loaded[1]["annotations"] == points


@pytest.mark.parametrize(
    ("points", "field"),
    [
        ([{"x": 1.2, "y": 0.5}], "annotations.points[0].x"),
        ([{"x": 0.2, "y": 0.5}, {"x": 0.3}], "annotations.points[1].y"),
        ([{"x": 0.2, "y": 0.5, "depth": "deep-ish"}], "annotations.points[0].depth"),
        ([{"x": 0.2, "y": 0.5, "colour": "red"}], "annotations.points[0].colour"),
        ([{"x": 0.2, "y": 0.5, "product": "botox"}], "annotations.points[0].product"),
        # NUL is refused for every field by the JSON parser, which names paths as DRF does.
        ([{"x": 0.2, "y": 0.5, "notes": "a\x00b"}], "annotations.points.0.notes"),
    ],
)
def test_bad_annotations_answer_400_naming_the_field(api, world, points, field):
    response = _chart(
        as_role(api, world.a), world.a.clinical.session, {"points": points}, template="face_front"
    )
    assert response.status_code == 400
    assert field in {e["field"] for e in response.json()["errors"]}


def test_face_chart_on_a_photo_of_another_session_is_refused(api, world):
    _visit, session = _open_session(api, world.a)
    response = as_role(api, world.a).post(
        f"{URL}/face-charts",
        {
            "session_id": session["id"],
            "annotations": {"points": []},
            "photo_id": str(world.a.clinical.photo.pk),
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "photo_id"


# ------------------------------------------------------------------------ products used


@pytest.fixture
def stock(world):
    """A filler with two lots at clinic A: one expiring in 30 days (1 syringe), one in a
    year (5 syringes)."""
    owner = world.a.user(Role.OWNER)
    filler = catalog_factories.product(world.a.clinic, owner)
    soon = commerce_factories.lot(world.a.clinic, owner, filler, "SOON-1", "1", expires_in_days=30)
    later = commerce_factories.lot(world.a.clinic, owner, filler, "LATER-2", "5", expires_in_days=365)
    return filler, soon, later


def _started(api, world):
    _visit, session = _open_session(api, world.a)
    as_role(api, world.a).post(f"{URL}/sessions/{session['id']}/start")
    return session


def test_products_used_leave_stock_first_expiring_lot_first(api, world, stock):
    filler, soon, _later = stock
    session = _started(api, world)
    response = as_role(api, world.a).post(
        f"{URL}/sessions/{session['id']}/products",
        {"products": [{"product_id": str(filler.pk), "quantity": "1"}]},
        format="json",
    )
    assert response.status_code == 200, response.content
    [used] = response.json()["products"]
    assert (used["lot_number"], used["quantity"], used["unit"]) == ("SOON-1", "1.000", "syringe")
    soon.refresh_from_db()
    assert soon.quantity_on_hand == 0
    movement = StockMovement.unscoped.get(reference_type="emr.treatment_session", reference_id=session["id"])
    assert (movement.lot_id, movement.patient_id) == (soon.pk, world.a.patient.pk)


def test_a_use_spread_over_two_lots_is_recorded_per_lot(api, world, stock):
    filler, _soon, later = stock
    session = _started(api, world)
    response = as_role(api, world.a).post(
        f"{URL}/sessions/{session['id']}/products",
        {"products": [{"product_id": str(filler.pk), "quantity": "2"}]},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert sorted((used["lot_number"], used["quantity"]) for used in response.json()["products"]) == [
        ("LATER-2", "1.000"),
        ("SOON-1", "1.000"),
    ]
    later.refresh_from_db()
    assert later.quantity_on_hand == 4


def test_products_used_are_all_or_nothing(api, world, stock):
    filler, _soon, later = stock
    session = _started(api, world)
    response = as_role(api, world.a).post(
        f"{URL}/sessions/{session['id']}/products",
        {
            "products": [
                {"product_id": str(filler.pk), "quantity": "1", "lot_id": str(later.pk)},
                {"product_id": str(filler.pk), "quantity": "50"},
            ]
        },
        format="json",
    )
    assert response.status_code == 400
    assert error_fields(response) == {"products.1.quantity"}
    later.refresh_from_db()
    assert later.quantity_on_hand == 5
    assert not SessionProduct.unscoped.filter(session_id=session["id"]).exists()


def test_an_expired_lot_or_another_clinics_product_is_refused(api, world, stock):
    filler, soon, _later = stock
    commerce_factories.expire(soon)
    session = _started(api, world)
    client = as_role(api, world.a)
    url = f"{URL}/sessions/{session['id']}/products"
    expired = client.post(
        url,
        {"products": [{"product_id": str(filler.pk), "quantity": "1", "lot_id": str(soon.pk)}]},
        format="json",
    )
    assert error_fields(expired) == {"products.0.lot"}
    foreign = catalog_factories.product(world.b.clinic, world.b.user(Role.OWNER))
    response = client.post(
        url, {"products": [{"product_id": str(foreign.pk), "quantity": "1"}]}, format="json"
    )
    assert error_fields(response) == {"products.0.product_id"}


def test_products_of_a_planned_session_are_refused(api, world, stock):
    _visit, session = _open_session(api, world.a)
    response = as_role(api, world.a).post(
        f"{URL}/sessions/{session['id']}/products",
        {"products": [{"product_id": str(stock[0].pk), "quantity": "1"}]},
        format="json",
    )
    assert response.status_code == 409


def test_face_chart_points_name_products_and_lots_of_the_clinic(api, world, stock):
    filler, soon, _later = stock
    other = catalog_factories.product(world.a.clinic, world.a.user(Role.OWNER), name="Toxin vial")
    client = as_role(api, world.a)
    session = world.a.clinical.session
    good = {"x": 0.5, "y": 0.5, "product": str(filler.pk), "lot": str(soon.pk), "units": "0.5", "unit": "ml"}
    assert _chart(client, session, {"points": [good]}, template="face_front").status_code == 201
    unknown = {"x": 0.5, "y": 0.5, "product": str(world.b.service.pk)}
    wrong_lot = {"x": 0.5, "y": 0.5, "product": str(other.pk), "lot": str(soon.pk)}
    response = _chart(
        client, session, {"points": [good, good, good, unknown, wrong_lot]}, template="face_front"
    )
    assert response.status_code == 400
    assert error_fields(response) == {"annotations.points[3].product", "annotations.points[4].lot"}


def error_fields(response):
    return {e["field"] for e in response.json()["errors"]}


# ---------------------------------------------------------------------------- invoicing


def _chart_and_complete(api, world, points):
    visit, session = _open_session(api, world.a)
    client = as_role(api, world.a)
    client.post(f"{URL}/sessions/{session['id']}/start")
    if points:
        _chart(
            client, TreatmentSession.unscoped.get(pk=session["id"]), {"points": points}, template="face_front"
        )
    client.post(f"{URL}/sessions/{session['id']}/complete")
    response = client.post(f"{URL}/visits/{visit['id']}/complete")
    assert response.status_code == 200, response.content
    return visit


def test_completing_a_visit_drafts_its_invoice_billed_by_units_charted(api, world):
    points = [
        {"x": 0.4, "y": 0.3, "units": "4", "unit": "U"},
        {"x": 0.6, "y": 0.3, "units": "6", "unit": "U"},
    ]
    visit = _chart_and_complete(api, world, points)
    invoice = Invoice.unscoped.get(reference_type="emr.visit", reference_id=visit["id"])
    assert invoice.status == "draft"
    with clinic_context(world.a.clinic):
        [item] = invoice.items.all()
    assert (item.service_id, item.quantity, item.practitioner_id) == (
        world.a.service.pk,
        Decimal(10),
        world.a.user(Role.DOCTOR).pk,
    )
    assert item.unit_price == Decimal("350.00")


def test_a_visit_without_completed_sessions_drafts_no_invoice(api, world):
    visit, session = _open_session(api, world.a)
    client = as_role(api, world.a)
    assert client.post(f"{URL}/sessions/{session['id']}/cancel", {}, format="json").status_code == 400
    skipped = client.post(
        f"{URL}/sessions/{session['id']}/cancel", {"reason": "Patient felt unwell"}, format="json"
    )
    assert skipped.status_code == 200
    assert (skipped.json()["status"], skipped.json()["skip_reason"]) == ("cancelled", "Patient felt unwell")
    assert client.post(f"{URL}/visits/{visit['id']}/complete").status_code == 200
    assert not Invoice.unscoped.filter(reference_type="emr.visit", reference_id=visit["id"]).exists()
