"""A person's profile photograph and a licence's evidence document: checked and re-encoded
on upload, kept in the object store (the local backend, and moto's S3 HTTP server for
the S3 path), read back through short-lived links whose issue is audited."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import boto3
import httpx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from PIL.ExifTags import GPS, IFD, Base

from accounts import services
from accounts.files import FileRejected, licence_evidence_prepare, profile_photo_prepare
from audit.models import AuditEvent
from core.exceptions import ValidationFailed
from core.objectstore import LocalObjectStore, object_store
from core.roles import Role

PHOTO_URL = "/api/v1/users/me/photo"
LICENCES = "/api/v1/licences"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def local(settings, tmp_path):
    settings.S3_BUCKET = ""
    settings.OBJECT_STORE_ROOT = tmp_path / "objects"
    return LocalObjectStore()


@pytest.fixture
def s3(settings):
    """A moto S3 server on 127.0.0.1 (free port) with an empty bucket, configured as the
    object store."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        _host, port = server.get_host_and_port()
        endpoint = f"http://127.0.0.1:{port}"
        settings.S3_BUCKET = "account-files"
        settings.S3_ENDPOINT_URL = settings.S3_PUBLIC_ENDPOINT_URL = endpoint
        settings.S3_ACCESS_KEY_ID, settings.S3_SECRET_ACCESS_KEY = "test-key", "test-secret"
        settings.S3_REGION = "us-east-1"
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="test-key",
            aws_secret_access_key="test-secret",
        )
        client.create_bucket(Bucket="account-files")
        yield client
    finally:
        server.stop()


def picture(image_format: str = "JPEG", size: tuple[int, int] = (640, 480)) -> bytes:
    """A gradient picture that says where it was taken (EXIF GPS) and on what camera."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    exif = Image.Exif()
    exif[Base.Make] = "TestCam"
    gps = exif.get_ifd(IFD.GPSInfo)
    gps[GPS.GPSLatitudeRef], gps[GPS.GPSLatitude] = "N", (13.0, 45.0, 0.0)
    out = io.BytesIO()
    image.save(out, image_format, exif=exif)
    return out.getvalue()


def upload(client, url, data: bytes, name: str = "photo.jpg", content_type: str = "image/jpeg"):
    return client.post(
        url, {"file": SimpleUploadedFile(name, data, content_type=content_type)}, format="multipart"
    )


def fields(response) -> set[str]:
    return {error["field"] for error in response.json().get("errors", [])}


def fetched(url: str) -> bytes:
    """The bytes behind a download link of either backend."""
    parts = urlsplit(url)
    if parts.path.startswith("/api/") or "/objects/" in parts.path:
        response = Client().get(f"{parts.path}?{parts.query}")
        assert response.status_code == 200, response.content
        return b"".join(response.streaming_content)
    answer = httpx.get(url)
    assert answer.status_code == 200
    return answer.content


# ----------------------------------------------------------------------- pure checks


def test_a_profile_photo_is_an_upright_bare_square_webp():
    tall = picture(size=(300, 500))
    prepared = profile_photo_prepare(tall, max_pixels=10_000_000, side=128)
    with Image.open(io.BytesIO(prepared.data)) as image:
        assert (image.format, image.size) == ("WEBP", (128, 128))
        assert not image.getexif() and "exif" not in image.info and "icc_profile" not in image.info
    assert b"TestCam" not in prepared.data and b"GPS" not in prepared.data


def test_a_photo_too_large_to_decode_or_not_an_image_is_refused():
    with pytest.raises(FileRejected, match="too large"):
        profile_photo_prepare(picture(size=(400, 400)), max_pixels=100_000, side=64)
    with pytest.raises(FileRejected):
        profile_photo_prepare(b"GIF89a" + b"\x00" * 40, max_pixels=10_000_000, side=64)
    with pytest.raises(FileRejected):
        profile_photo_prepare(PDF, max_pixels=10_000_000, side=64)


def test_evidence_is_recognised_by_its_bytes_and_images_lose_their_metadata():
    assert licence_evidence_prepare(PDF, max_pixels=10_000_000).content_type == "application/pdf"
    png = licence_evidence_prepare(picture("PNG"), max_pixels=10_000_000)
    assert (png.content_type, png.extension) == ("image/png", "png")
    assert b"TestCam" not in png.data
    with pytest.raises(FileRejected, match="PDF"):
        licence_evidence_prepare(b"just some text, named licence.pdf", max_pixels=10_000_000)
    with pytest.raises(FileRejected, match="incomplete"):
        licence_evidence_prepare(b"%PDF-1.7\nno end", max_pixels=10_000_000)


# --------------------------------------------------------------------- profile photo


def test_a_user_uploads_a_photo_shown_to_them_and_on_the_staff_list(api, world, local):
    nurse = world.a.user(Role.NURSE)
    client = api(nurse, world.a.clinic)
    response = upload(client, PHOTO_URL, picture())
    assert response.status_code == 200, response.content
    nurse.refresh_from_db()
    assert nurse.photo_key.startswith(f"accounts/photos/{nurse.pk}/") and nurse.photo_key.endswith(".webp")
    with Image.open(io.BytesIO(fetched(response.json()["photo_url"]))) as image:
        assert (image.format, image.size) == ("WEBP", (256, 256))
    assert client.get("/api/v1/users/me").json()["user"]["photo_url"]
    staff = api(world.a.user(Role.RECEPTIONIST), world.a.clinic).get(
        "/api/v1/staff", {"search": nurse.given_name}
    )
    row = next(m for m in staff.json()["results"] if m["user"]["id"] == str(nurse.pk))
    assert row["user"]["photo_url"]
    event = AuditEvent.unscoped.get(clinic=world.a.clinic, action="user.photo_changed")
    assert event.actor_id == nurse.pk and event.changes == {"photo": [False, True]}


def test_a_new_photo_replaces_the_old_object_and_removing_it_deletes_it(
    api, world, local, django_capture_on_commit_callbacks
):
    user = world.a.user(Role.DOCTOR)
    client = api(user, world.a.clinic)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, PHOTO_URL, picture())
    user.refresh_from_db()
    first = user.photo_key
    with django_capture_on_commit_callbacks(execute=True):
        assert upload(client, PHOTO_URL, picture("PNG"), name="me.png").status_code == 200
    user.refresh_from_db()
    assert user.photo_key != first and local.head(first) is None and local.head(user.photo_key)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.delete(PHOTO_URL)
    assert response.status_code == 200 and response.json()["photo_url"] is None
    assert local.head(user.photo_key) is None
    user.refresh_from_db()
    assert user.photo_key == ""
    changes = [
        e.changes for e in AuditEvent.unscoped.filter(clinic=world.a.clinic, action="user.photo_changed")
    ]
    assert {"photo": [True, False]} in changes and len(changes) == 3
    assert client.delete(PHOTO_URL).status_code == 200  # nothing left: nothing to do


@pytest.mark.parametrize(
    ("data", "name", "content_type"),
    [
        (b"not an image at all", "photo.jpg", "image/jpeg"),  # the name and type lie
        (PDF, "photo.png", "image/png"),
        (b"", "empty.jpg", "image/jpeg"),
    ],
)
def test_a_bad_photo_is_a_400_naming_the_file(api, world, local, data, name, content_type):
    user = world.a.user(Role.DOCTOR)
    response = upload(api(user, world.a.clinic), PHOTO_URL, data, name, content_type)
    assert response.status_code == 400 and fields(response) == {"file"}
    user.refresh_from_db()
    assert user.photo_key == ""
    assert not AuditEvent.unscoped.filter(action="user.photo_changed").exists()


def test_a_photo_over_the_limit_or_missing_is_a_400_naming_the_file(api, world, local, settings):
    settings.PROFILE_PHOTO_MAX_BYTES = 1000
    client = api(world.a.user(Role.DOCTOR), world.a.clinic)
    too_big = upload(client, PHOTO_URL, picture())
    assert too_big.status_code == 400 and fields(too_big) == {"file"}
    assert "larger than" in too_big.json()["errors"][0]["detail"]
    missing = client.post(PHOTO_URL, {}, format="multipart")
    assert missing.status_code == 400 and fields(missing) == {"file"}


def test_the_photo_goes_through_the_s3_object_store(api, world, s3):
    user = world.a.user(Role.RECEPTIONIST)
    response = upload(api(user, world.a.clinic), PHOTO_URL, picture("WEBP"), name="x.webp")
    assert response.status_code == 200
    user.refresh_from_db()
    stored = s3.head_object(Bucket="account-files", Key=user.photo_key)
    assert stored["ContentType"] == "image/webp"
    url = response.json()["photo_url"]
    assert "X-Amz-Expires=900" in url
    with Image.open(io.BytesIO(fetched(url))) as image:
        assert image.size == (256, 256)


def test_a_photo_is_refused_without_signing_in(client, local):
    assert upload(client, PHOTO_URL, picture()).status_code == 401


# ------------------------------------------------------------------ licence evidence


def test_an_owner_uploads_evidence_and_views_it_through_an_audited_link(api, world, local):
    licence, owner = world.a.licence, world.a.user(Role.OWNER)
    client = api(owner, world.a.clinic)
    response = upload(client, f"{LICENCES}/{licence.pk}/evidence", PDF, "card.pdf", "application/pdf")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["has_evidence"] and body["evidence_content_type"] == "application/pdf"
    assert AuditEvent.unscoped.filter(clinic=world.a.clinic, action="licence.evidence_added").count() == 1
    assert not AuditEvent.unscoped.filter(action="licence.evidence_viewed").exists()

    link = client.get(f"{LICENCES}/{licence.pk}/evidence")
    assert link.status_code == 200
    assert link.json()["content_type"] == "application/pdf" and fetched(link.json()["url"]) == PDF
    viewed = AuditEvent.unscoped.get(clinic=world.a.clinic, action="licence.evidence_viewed")
    assert viewed.actor_id == owner.pk and viewed.object_id == str(licence.pk)
    listed = client.get(LICENCES).json()["results"]
    assert next(row for row in listed if row["id"] == str(licence.pk))["has_evidence"] is True


def test_the_holder_uploads_and_views_their_own_evidence(api, world, local, settings):
    licence, nurse = world.a.licence, world.a.user(Role.NURSE)
    client = api(nurse, world.a.clinic)
    url = f"/api/v1/users/me/licences/{licence.pk}/evidence"
    # Named .pdf and announced as a PDF, but a PNG: its bytes decide.
    response = upload(client, url, picture("PNG"), "scan.pdf", "application/pdf")
    assert response.status_code == 200
    assert response.json()["evidence_content_type"] == "image/png"
    assert client.get("/api/v1/users/me/licences").json()[0]["has_evidence"] is True
    link = client.get(url)
    assert link.status_code == 200
    with Image.open(io.BytesIO(fetched(link.json()["url"]))) as image:
        assert image.format == "PNG" and not image.getexif()
    assert AuditEvent.unscoped.filter(clinic=world.a.clinic, action="licence.evidence_viewed").count() == 1
    # Someone else's licence, even at the same clinic, is not found.
    other = api(world.a.user(Role.DOCTOR), world.a.clinic)
    assert other.get(url).status_code == 404
    assert upload(other, url, PDF, "x.pdf", "application/pdf").status_code == 404


def test_another_clinics_licence_evidence_is_not_found(api, world, local):
    licence = world.a.licence
    services.licence_evidence_set(licence=licence, actor=licence.user, clinic=None, data=PDF)
    stranger = api(world.b.user(Role.OWNER), world.b.clinic)
    assert stranger.get(f"{LICENCES}/{licence.pk}/evidence").status_code == 404
    response = upload(stranger, f"{LICENCES}/{licence.pk}/evidence", PDF, "x.pdf", "application/pdf")
    assert response.status_code == 404
    assert not AuditEvent.unscoped.filter(action="licence.evidence_viewed").exists()


def test_evidence_needs_an_owner_or_admin_and_a_file_that_is_one(api, world, local, settings):
    licence = world.a.licence
    url = f"{LICENCES}/{licence.pk}/evidence"
    assert api(world.a.user(Role.RECEPTIONIST), world.a.clinic).get(url).status_code == 403
    admin = api(world.a.user(Role.ADMIN), world.a.clinic)
    none_yet = admin.get(url)
    assert none_yet.status_code == 404 and none_yet.json()["code"] == "evidence_not_found"
    bad = upload(admin, url, b"MZ\x90\x00 an executable", "licence.pdf", "application/pdf")
    assert bad.status_code == 400 and fields(bad) == {"file"}
    settings.LICENCE_EVIDENCE_MAX_BYTES = 10
    big = upload(admin, url, PDF, "licence.pdf", "application/pdf")
    assert big.status_code == 400 and fields(big) == {"file"}
    licence.refresh_from_db()
    assert licence.evidence_key == ""


def test_replaced_evidence_is_deleted_after_the_commit(world, local, django_capture_on_commit_callbacks):
    licence, owner = world.a.licence, world.a.user(Role.OWNER)
    services.licence_evidence_set(licence=licence, actor=owner, clinic=world.a.clinic, data=PDF)
    first = licence.evidence_key
    with django_capture_on_commit_callbacks(execute=True):
        services.licence_evidence_set(licence=licence, actor=owner, clinic=world.a.clinic, data=picture())
    assert local.head(first) is None
    assert object_store().head(licence.evidence_key).content_type == "image/jpeg"


def test_a_service_refusal_names_the_file(world, local):
    with pytest.raises(ValidationFailed) as refused:
        services.user_photo_set(user=world.a.user(Role.DOCTOR), data=b"")
    assert "file" in refused.value.errors
