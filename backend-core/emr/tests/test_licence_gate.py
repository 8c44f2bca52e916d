"""Clinical acts at a clinic that requires licences (``Clinic.licence_check``): starting
a session, signing a note, charting and recording products used are refused (409
``licence_required``, naming the council and the problem) unless the acting doctor holds
a verified, unexpired licence of the clinic's country; with the setting off they go on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from accounts.models import ProfessionalLicence
from catalog.tests import factories as catalog_factories
from commerce.models import StockMovement
from commerce.tests import factories as commerce_factories
from core.roles import Role
from emr.models import ClinicalNote, FaceChart, TreatmentSession
from emr.tests.test_api import URL, _open_session, as_role

Act = Callable[[], object]


def _start(api, world):
    _visit, session = _open_session(api, world.a)
    return lambda: as_role(api, world.a).post(
        f"{URL}/sessions/{session['id']}/start"
    ), lambda: TreatmentSession.unscoped.get(pk=session["id"]).status == "in_progress"


def _sign(api, world):
    note = world.a.clinical.note
    return lambda: as_role(api, world.a).post(
        f"{URL}/notes/{note.pk}/sign"
    ), lambda: ClinicalNote.unscoped.get(pk=note.pk).status == "signed"


def _chart(api, world):
    session = world.a.clinical.session
    body = {
        "session_id": str(session.pk),
        "template": "face_front",
        "annotations": {"points": [{"x": 0.4, "y": 0.3}]},
    }
    return lambda: as_role(api, world.a).post(
        f"{URL}/face-charts", body, format="json"
    ), lambda: FaceChart.unscoped.filter(session=session).count() == 2


def _products(api, world):
    owner = world.a.user(Role.OWNER)
    filler = catalog_factories.product(world.a.clinic, owner)
    commerce_factories.lot(world.a.clinic, owner, filler, "LOT-9", "3")
    _visit, session = _open_session(api, world.a)
    assert as_role(api, world.a).post(f"{URL}/sessions/{session['id']}/start").status_code == 200
    body = {"products": [{"product_id": str(filler.pk), "quantity": "1"}]}
    return lambda: as_role(api, world.a).post(
        f"{URL}/sessions/{session['id']}/products", body, format="json"
    ), lambda: StockMovement.unscoped.filter(reference_id=session["id"]).exists()


ACTS = {"start": _start, "sign": _sign, "chart": _chart, "products": _products}


def _gate_on(world) -> None:
    world.a.clinic.licence_check = True
    world.a.clinic.save(update_fields=["licence_check"])


def _doctor_licence(world, **fields) -> ProfessionalLicence:
    return ProfessionalLicence.objects.create(
        user=world.a.user(Role.DOCTOR), council="TMC", number="38417", **fields
    )


@pytest.mark.parametrize("act", ACTS)
@pytest.mark.parametrize(
    ("status", "days_left", "problem"),
    [
        (None, None, "No TMC licence is on file"),
        ("pending", None, "TMC licence 38417 is not verified yet"),
        ("rejected", 300, "TMC licence 38417 was rejected"),
        ("verified", -1, "TMC licence 38417 expired on"),
    ],
)
def test_a_clinical_act_without_a_good_licence_is_refused_naming_it(
    api, world, act, status, days_left, problem
):
    perform, done = ACTS[act](api, world)
    if status is not None:
        valid_until = None if days_left is None else world.a.clinic.today() + dt.timedelta(days=days_left)
        _doctor_licence(world, status=status, valid_until=valid_until)
    _gate_on(world)
    response = perform()
    assert response.status_code == 409, response.content
    assert response.json()["code"] == "licence_required"
    assert problem in response.json()["detail"]
    assert not done()


@pytest.mark.parametrize("act", ACTS)
def test_a_clinical_act_with_a_verified_licence_goes_on(api, world, act):
    perform, done = ACTS[act](api, world)
    _doctor_licence(world, status="verified", valid_until=world.a.clinic.today())
    _gate_on(world)
    response = perform()
    assert response.status_code in (200, 201), response.content
    assert done()


@pytest.mark.parametrize("act", ACTS)
def test_with_the_setting_off_clinical_acts_need_no_licence(api, world, act):
    perform, done = ACTS[act](api, world)
    response = perform()
    assert response.status_code in (200, 201), response.content
    assert done()
