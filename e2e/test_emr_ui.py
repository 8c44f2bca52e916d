"""The EMR screens in a real browser, with photos stored in a separate S3 server (moto):
the front desk sees a masked phone and the doctor the full one; the doctor opens a new
session from a visit, signs the consent form, uploads a 4K "before" photo straight to
storage (no photo bytes through Django), charts injection points with a product lot on
FaceCanvas, finds them again after a reload and completes the session.

Screenshots go to ``test-results/e2e/emr-*.png``.
"""

from __future__ import annotations

import base64
import io
import re
from typing import Any

import boto3
import pytest
from django_otp.oath import totp
from PIL import Image
from playwright.sync_api import Page, Request, expect

from support import Server, sign_in

pytestmark = pytest.mark.slow

FOUR_K = (3840, 2160)


def _four_k_jpeg() -> bytes:
    """A 4K photo-sized JPEG (noise compresses badly, like skin texture: several MB)."""
    image = Image.merge("RGB", [Image.effect_noise(FOUR_K, sigma) for sigma in (40, 50, 60)])
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def _patients_open(page: Page, chart_number: str) -> None:
    page.get_by_role("link", name="Patients").click()
    page.get_by_test_id("patient-search").fill(chart_number)
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_test_id(f"patient-row-{chart_number}")).to_have_count(1)


def _phone(page: Page, chart_number: str) -> str:
    return page.get_by_test_id(f"patient-row-{chart_number}").get_by_test_id("patient-phone").inner_text()


def _points(page: Page) -> list[tuple[str, str, str]]:
    buttons = page.get_by_test_id("face-points").get_by_role("button")
    return [
        (b.get_attribute("data-x") or "", b.get_attribute("data-y") or "", b.inner_text())
        for b in buttons.all()
    ]


def _store(server: Server) -> Any:
    """A client of the test's moto S3 server (moto accepts any credentials)."""
    return boto3.client(
        "s3", endpoint_url=server.s3_origin, region_name="us-east-1", aws_access_key_id="moto",
        aws_secret_access_key="moto",  # noqa: S106 - not a secret: moto checks nothing
    )  # fmt: skip


# The limit covers this module's own server start (migrate + demo data with the photos
# processed in-process), slow on a busy CI machine.
@pytest.mark.timeout(900)
@pytest.mark.parametrize("server", [{"s3": True}], indirect=True)
def test_doctor_charts_a_session_with_a_direct_upload_and_face_points(server: Server, open_page, tmp_path):
    front = server.api("receptionist")
    template = front.get("/api/v1/clinic/consent-templates").json()["results"][0]
    patient = front.get("/api/v1/patients", params={"page_size": 1}).json()["results"][0]
    chart_number = patient["chart_number"]
    assert front.post("/api/v1/clinic/visits", json={"patient_id": patient["id"]}).status_code == 201
    injectables = {
        p["id"]
        for p in front.get(
            "/api/v1/catalog/products", params={"kind": "medical_supply", "is_active": True, "page_size": 100}
        ).json()["results"]
    }
    lot = next(
        lot
        for lot in front.get("/api/v1/inventory/lots", params={"page_size": 100}).json()["results"]
        if lot["product"] in injectables
    )

    # The front desk sees the phone masked, as the server sends it.
    desk = open_page()
    sign_in(desk.page, *server.login("receptionist"))
    _patients_open(desk.page, chart_number)
    masked = _phone(desk.page, chart_number)
    assert "X" in masked
    desk.shot("emr-01-receptionist-masked-phone")
    desk.assert_clean()

    # The doctor signs in with a one-time code and sees it in full.
    doctor = open_page(height=1600)
    page = doctor.page
    sent: list[Request] = []
    page.on("request", lambda request: sent.append(request))
    sign_in(page, *server.login("doctor"))
    expect(page).to_have_url(f"{server.base}/enrol")
    secret = page.get_by_test_id("totp-secret").inner_text().strip()
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.get_by_label("Code from the app").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    _patients_open(page, chart_number)
    full = _phone(page, chart_number)
    assert "X" not in full and len(full) == len(masked) and full[-4:] == masked[-4:]
    doctor.shot("emr-02-doctor-full-phone")

    # A new session of the open visit.
    page.get_by_test_id(f"patient-open-{chart_number}").click()
    expect(page.get_by_test_id("demographics")).to_contain_text(full)
    page.get_by_test_id("session-service").select_option(label=template["service_name"])
    page.get_by_test_id("session-create").click()
    panel = page.get_by_test_id("session-panel")
    expect(panel.get_by_test_id("session-status")).to_have_text("Planned")
    doctor.shot("emr-03-chart-new-session")

    # Consent: a signature drawn on the pad.
    consents_before = page.get_by_test_id("consent-row").count()
    panel.get_by_test_id("consent-open").click()
    expect(panel.get_by_test_id("consent-body")).to_be_visible()
    box = panel.get_by_test_id("signature-pad").bounding_box()
    assert box
    page.mouse.move(box["x"] + 30, box["y"] + 100)
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(box["x"] + 30 + step * 25, box["y"] + 100 - (step % 3) * 30)
    page.mouse.up()
    doctor.shot("emr-04-consent-signature")
    panel.get_by_test_id("consent-submit").click()
    expect(panel.get_by_test_id("session-notice")).to_have_text("Consent signed.")
    expect(page.get_by_test_id("consent-row")).to_have_count(consents_before + 1)
    panel.get_by_test_id("session-start").click()
    expect(panel.get_by_test_id("session-status")).to_have_text("In treatment")

    # A 4K "before" photo, straight to the object store.
    photo = tmp_path / "before-front.jpg"
    photo.write_bytes(_four_k_jpeg())
    size = photo.stat().st_size
    assert size > 2_000_000
    panel.get_by_test_id("photo-input").set_input_files(photo)
    expect(panel.get_by_test_id("upload-0")).to_have_attribute("data-status", "ready", timeout=60_000)
    expect(panel.get_by_test_id("photo-before-front")).to_be_visible()
    doctor.shot("emr-05-photo-uploaded")

    to_store = [r for r in sent if r.method == "POST" and r.url.startswith(server.s3_origin)]
    assert len(to_store) == 1
    to_django = [r for r in sent if r.url.startswith(server.base)]
    assert [r.url for r in to_django if "/objects/" in r.url] == []
    assert max(len(r.post_data_buffer or b"") for r in to_django) < 500_000
    access = server.log.read_text() if server.log else ""
    assert re.search(r'"POST /api/v1/clinic/confirm-upload/ HTTP/1.1" 201', access)
    assert "/objects/" not in access
    stored = _store(server).list_objects_v2(Bucket="clinical-photos")["Contents"]
    assert size in {o["Size"] for o in stored}

    # FaceCanvas over the photo: two points with the product lot.
    panel.get_by_test_id("photo-before-front").click()
    canvas = panel.get_by_test_id("face-canvas-surface")
    area = canvas.bounding_box()
    assert area
    canvas.click(position={"x": area["width"] * 0.3, "y": area["height"] * 0.4})
    panel.get_by_test_id("face-product").select_option(lot["product"])
    panel.get_by_test_id("face-lot").select_option(lot["id"])
    panel.get_by_test_id("face-units").fill("4")
    canvas.click(position={"x": area["width"] * 0.7, "y": area["height"] * 0.4})
    panel.get_by_test_id("face-depth").select_option("intramuscular")
    placed = _points(page)
    assert len(placed) == 2 and all(lot["product_name"] in text for _x, _y, text in placed)
    panel.get_by_test_id("face-save").click()
    expect(panel.get_by_test_id("session-notice")).to_have_text("Face chart saved (version 1).")
    doctor.shot("emr-06-face-chart")

    # A reload finds the same points on the same photo.
    page.reload()
    panel = page.get_by_test_id("session-panel")
    expect(panel.get_by_test_id("face-version")).to_have_text("v1", timeout=15_000)
    expect(panel.get_by_test_id("face-points").get_by_role("button")).to_have_count(2)
    assert _points(page) == placed
    doctor.shot("emr-07-after-reload")

    panel.get_by_test_id("session-complete").click()
    expect(panel.get_by_test_id("session-status")).to_have_text("Completed")
    doctor.shot("emr-08-session-completed")
    doctor.assert_clean()
