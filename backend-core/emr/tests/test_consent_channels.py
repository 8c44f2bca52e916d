"""Where a consent form was signed: at the clinic (a staff member recorded it) or by the
patient on the portal (no staff recorder). Both count for starting a session, and the
chart lists each with its channel."""

import pytest

from audit.models import AuditEvent
from core.exceptions import ValidationFailed
from core.roles import Role
from core.tenancy import clinic_context
from emr import services
from emr.models import ConsentFormSignature
from emr.selectors import consent_form_due
from emr.tests.test_api import URL, _open_session, as_role


def _needs_a_new_form(world):
    service = world.a.service
    service.requires_consent = True
    service.save(update_fields=["requires_consent"])
    with clinic_context(world.a.clinic):
        return services.consent_template_publish(
            clinic=world.a.clinic,
            actor=world.a.user(Role.DOCTOR),
            service=service,
            locale="th",
            title="ใบยินยอม",
            body="ความเสี่ยง: รอยช้ำ",
        )


def test_a_form_signed_on_the_portal_lets_the_session_start_and_the_chart_shows_the_channel(api, world):
    template = _needs_a_new_form(world)
    _visit, session = _open_session(api, world.a)
    doctor = as_role(api, world.a)
    # The English version 1 the world's patient signed still counts (newest of its language).
    with clinic_context(world.a.clinic):
        assert (
            consent_form_due(patient_id=world.a.patient.pk, service=world.a.service, locales=["th"]) is None
        )
        services.consent_template_publish(
            clinic=world.a.clinic,
            actor=world.a.user(Role.DOCTOR),
            service=world.a.service,
            locale="en",
            title="Toxin consent",
            body="v2",
        )
        assert (
            consent_form_due(patient_id=world.a.patient.pk, service=world.a.service, locales=["TH", "en"])
            == template
        )
    assert doctor.post(f"{URL}/sessions/{session['id']}/start").json()["code"] == "consent_required"

    with clinic_context(world.a.clinic):
        signature = services.consent_form_sign(
            clinic=world.a.clinic,
            actor=None,
            patient=world.a.patient,
            template=template,
            method=ConsentFormSignature.Method.TYPED,
            typed_name="Ploy Srisuk",
            channel=ConsentFormSignature.Channel.PORTAL,
        )
        assert (
            consent_form_due(patient_id=world.a.patient.pk, service=world.a.service, locales=["th"]) is None
        )
    assert signature.recorded_by is None
    event = AuditEvent.unscoped.get(action="consent_form.signed", object_id=str(signature.pk))
    assert event.actor is None and event.changes == {"channel": [None, "portal"]}

    started = doctor.post(f"{URL}/sessions/{session['id']}/start")
    assert started.status_code == 200, started.content
    assert started.json()["consent_signature_id"] == str(signature.pk)
    chart = doctor.get(f"{URL}/charts/{world.a.patient.pk}").json()
    rows = {row["id"]: row for row in chart["consent_forms"]}
    assert (
        rows[str(signature.pk)]["channel"] == "portal" and rows[str(signature.pk)]["recorded_by_id"] is None
    )
    assert rows[str(world.a.clinical.signature.pk)]["channel"] == "clinic"


def test_a_signature_at_the_clinic_names_who_recorded_it_and_an_empty_drawing_is_refused(world):
    template = _needs_a_new_form(world)
    with clinic_context(world.a.clinic), pytest.raises(ValueError, match="staff member"):
        services.consent_form_sign(
            clinic=world.a.clinic,
            actor=None,
            patient=world.a.patient,
            template=template,
            method=ConsentFormSignature.Method.TYPED,
            typed_name="Ploy",
        )
    for method, values, field in (
        ("drawn", {"signature_png": ""}, "signature_png"),
        ("drawn", {"signature_png": "data:image/png;base64,"}, "signature_png"),
        ("typed", {"typed_name": " "}, "typed_name"),
        ("scribbled", {}, "method"),
    ):
        with clinic_context(world.a.clinic), pytest.raises(ValidationFailed) as refused:
            services.consent_form_sign(
                clinic=world.a.clinic,
                actor=None,
                patient=world.a.patient,
                template=template,
                method=method,
                channel=ConsentFormSignature.Channel.PORTAL,
                **values,
            )
        assert field in refused.value.errors, (method, values)
