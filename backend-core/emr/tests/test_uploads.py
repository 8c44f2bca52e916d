"""Direct photo uploads: the upload token, both storage backends, confirmation, the
photo processing and the gallery.

The local backend is exercised end to end, rejections included. The S3 path runs
against moto's HTTP server, which checks neither signatures nor policies: there the
generated policy itself is asserted."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import uuid
from urllib.parse import urlsplit

import boto3
import httpx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from audit.models import AuditEvent
from core.objectstore import LocalObjectStore, S3ObjectStore, object_store
from core.roles import Role
from core.tenancy import clinic_context
from emr import services
from emr.models import Photo
from emr.tests.images import has_location, image_bytes, png_declaring
from patients.models import ConsentPurpose
from patients.tests.factories import ConsentFactory

URL = "/api/v1/clinic"
MAX_BYTES = 300_000


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.PHOTO_UPLOAD_MAX_BYTES = MAX_BYTES


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
        settings.S3_BUCKET = "clinical-photos"
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
        client.create_bucket(Bucket="clinical-photos")
        yield client
    finally:
        server.stop()


def doctor(api, tenant):
    return api(tenant.user(Role.DOCTOR), tenant.clinic)


def issue(client, target_session, *, data=b"", **params):
    query = {
        "session": str(target_session.pk),
        "kind": "before",
        "angle": "front",
        "content_type": "image/jpeg",
    }
    query |= {"size": len(data) or 1000} | params
    return client.get(f"{URL}/upload-token/", query)


def decoded_policy(fields):
    return json.loads(base64.b64decode(fields["policy"]))


def local_post(token, data, *, content_type="image/jpeg", **overrides):
    """POST the presigned form to the local upload view, as a browser would."""
    fields = {**token["fields"], **overrides}
    fields = {k: v for k, v in fields.items() if v is not None}
    return Client().post(
        urlsplit(token["url"]).path,
        {**fields, "file": SimpleUploadedFile("photo", data, content_type=content_type)},
    )


def confirm(client, key, **extra):
    return client.post(f"{URL}/confirm-upload/", {"key": key, **extra}, format="json")


def error_field(response):
    return response.json()["errors"][0]["field"]


# -------------------------------------------------------------------------- upload token


def test_upload_token_fixes_the_key_type_size_and_expiry(api, world, local):
    session = world.a.clinical.session
    response = issue(doctor(api, world.a), session)
    assert response.status_code == 200, response.content
    token = response.json()
    prefix = f"clinics/{world.a.clinic.pk}/patients/{world.a.patient.pk}/sessions/{session.pk}/"
    assert token["key"].startswith(prefix)
    assert token["key"].endswith(".jpg")
    uuid.UUID(token["key"][len(prefix) : -len(".jpg")])
    policy = decoded_policy(token["fields"])
    assert {"key": token["key"]} in policy["conditions"]
    assert {"Content-Type": "image/jpeg"} in policy["conditions"]
    assert ["content-length-range", 1, MAX_BYTES] in policy["conditions"]
    expires = dt.datetime.fromisoformat(policy["expiration"])
    assert timezone.now() < expires <= timezone.now() + dt.timedelta(minutes=15)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"content_type": "image/gif"}, "content_type"),
        ({"size": MAX_BYTES + 1}, "size"),
        ({"size": 0}, "size"),
        ({"kind": "sideways"}, "kind"),
        ({"session": "nope"}, "session"),
    ],
)
def test_upload_token_refuses_bad_parameters(api, world, local, params, field):
    response = issue(doctor(api, world.a), world.a.clinical.session, **params)
    assert response.status_code == 400
    assert error_field(response) == field


def test_upload_token_for_another_clinics_session_is_refused(api, world, local):
    response = issue(doctor(api, world.a), world.b.clinical.session)
    assert response.status_code == 400
    assert error_field(response) == "session"


def test_receptionist_cannot_upload_photos(api, world, local):
    client = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    assert issue(client, world.a.clinical.session).status_code == 403
    assert confirm(client, world.a.clinical.photo.object_key).status_code == 403


# ------------------------------------------------------------------- local backend, end to end


def test_local_upload_confirm_and_processing_strip_the_location(api, world, local):
    client = doctor(api, world.a)
    session = world.a.clinical.session
    data = image_bytes("JPEG", (800, 600))
    assert has_location(data)
    token = issue(client, session, data=data, kind="after").json()
    assert local_post(token, data).status_code == 204

    first = confirm(client, token["key"])
    assert first.status_code == 201, first.content
    assert first.json()["status"] == "processing"
    again = confirm(client, token["key"])
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert Photo.unscoped.filter(object_key=token["key"]).count() == 1

    with clinic_context(world.a.clinic):
        photo = services.photo_process(photo_id=first.json()["id"])
    assert photo.status == Photo.Status.READY
    assert (photo.width, photo.height) == (800, 600)
    original = local.read(photo.original_key)
    assert (photo.checksum_sha256, photo.size_bytes) == (hashlib.sha256(original).hexdigest(), len(original))
    for key in (photo.original_key, photo.display_key, photo.thumbnail_key):
        assert not has_location(local.read(key)), key
    assert local.head(token["key"]) is None  # the upload, with its location, is gone
    assert local.head(photo.display_key).content_type == "image/webp"

    gallery = client.get(f"{URL}/sessions/{session.pk}/gallery")
    assert gallery.status_code == 200
    pair = gallery.json()["pairs"][0]
    assert pair["angle"] == "front"
    assert pair["after"]["id"] == str(photo.pk)
    assert pair["before"]["id"] == str(world.a.clinical.photo.pk)
    link = urlsplit(pair["after"]["urls"]["display"])
    download = Client().get(f"{link.path}?{link.query}")
    assert download.status_code == 200
    assert download["Content-Type"] == "image/webp"
    assert not has_location(b"".join(download.streaming_content))
    viewed = AuditEvent.unscoped.filter(clinic=world.a.clinic, action="photo.viewed", object_id=str(photo.pk))
    assert viewed.exists()


def test_local_download_link_refuses_tampering(api, world, local):
    local.write("clinics/x/a.webp", b"bytes", "image/webp")
    link = urlsplit(local.presigned_get("clinics/x/a.webp", expires_in=60))
    assert Client().get(f"{link.path}?{link.query}").status_code == 200
    other = link.path.replace("a.webp", "b.webp")
    assert Client().get(f"{other}?{link.query}").status_code == 403
    expired = urlsplit(local.presigned_get("clinics/x/a.webp", expires_in=-1))
    assert Client().get(f"{expired.path}?{expired.query}").status_code == 403


def _store_token(local, key="clinics/c/patients/p/sessions/s/a.jpg", expires_in=600):
    post = local.presigned_post(
        key=key, content_type="image/jpeg", max_bytes=MAX_BYTES, expires_in=expires_in
    )
    return {"url": post.url, "fields": post.fields, "key": key}


def _forged_policy(token, **changes):
    policy = decoded_policy(token["fields"])
    policy.update(changes)
    return base64.b64encode(json.dumps(policy).encode()).decode()


@pytest.mark.parametrize(
    ("case", "status", "code"),
    [
        ("expired", 403, "AccessDenied"),
        ("tampered_policy", 403, "AccessDenied"),
        ("tampered_signature", 403, "AccessDenied"),
        ("other_key", 403, "AccessDenied"),
        ("wrong_type", 403, "AccessDenied"),
        ("extra_field", 403, "AccessDenied"),
        ("oversize", 400, "EntityTooLarge"),
        ("empty", 400, "EntityTooSmall"),
    ],
)
def test_local_upload_refuses_what_s3_would(local, case, status, code):
    token = _store_token(local, expires_in=-1 if case == "expired" else 600)
    data, overrides = image_bytes(), {}
    if case == "tampered_policy":
        overrides["policy"] = _forged_policy(token, expiration="2099-01-01T00:00:00Z")
    elif case == "tampered_signature":
        overrides["signature"] = "0" * 64
    elif case == "other_key":
        overrides["key"] = "clinics/c/patients/p/sessions/s/b.jpg"
    elif case == "wrong_type":
        overrides["Content-Type"] = "image/png"
    elif case == "extra_field":
        overrides["acl"] = "public-read"
    elif case == "oversize":
        data = b"\xff" * (MAX_BYTES + 1)
    elif case == "empty":
        data = b""
    response = local_post(token, data, **overrides)
    assert response.status_code == status, response.content
    assert response.json()["code"] == code
    assert local.head(token["key"]) is None
    assert local.head("clinics/c/patients/p/sessions/s/b.jpg") is None


def test_local_upload_refuses_a_body_larger_than_any_photo_before_reading_it(local):
    token = _store_token(local)
    response = Client().post(
        urlsplit(token["url"]).path, data=b"x", content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(MAX_BYTES + 10 * 1024 * 1024),
    )  # fmt: skip
    assert response.status_code == 400
    assert response.json()["code"] == "EntityTooLarge"


def test_local_upload_takes_one_post_per_key(api, world, local):
    """A presigned POST replayed before it expires (a leaked form, a script in the page)
    must not replace the photo: not before processing, nor after the upload was deleted."""
    client = doctor(api, world.a)
    data = image_bytes("JPEG", (400, 300))
    token = issue(client, world.a.clinical.session, data=data).json()
    assert local_post(token, data).status_code == 204
    replayed = local_post(token, image_bytes("JPEG", (300, 400)))
    assert replayed.status_code == 412, replayed.content
    assert replayed.json()["code"] == "PreconditionFailed"
    assert local.read(token["key"]) == data

    photo_id = confirm(client, token["key"]).json()["id"]
    with clinic_context(world.a.clinic):
        photo = services.photo_process(photo_id=photo_id)
    assert photo.status == Photo.Status.READY
    assert local.head(token["key"]) is None
    assert local_post(token, image_bytes("JPEG", (300, 400))).status_code == 412
    assert local.head(token["key"]) is None


def test_a_photo_replaced_after_confirmation_is_rejected(api, world, local):
    client = doctor(api, world.a)
    data = image_bytes("JPEG", (400, 300))
    token = issue(client, world.a.clinical.session, data=data).json()
    assert local_post(token, data).status_code == 204
    photo_id = confirm(client, token["key"]).json()["id"]
    local.write(token["key"], image_bytes("JPEG", (300, 400)), "image/jpeg")  # behind the policy's back
    with clinic_context(world.a.clinic):
        photo = services.photo_process(photo_id=photo_id)
    assert photo.status == Photo.Status.REJECTED
    assert "replaced" in photo.rejection_reason
    assert client.get(f"{URL}/photos/{photo_id}").json()["urls"] is None


def test_a_huge_image_is_rejected_with_the_reason_not_decoded(api, world, local, settings):
    settings.PHOTO_MAX_PIXELS = 1_000_000
    client = doctor(api, world.a)
    data = png_declaring(2000, 1000)
    token = issue(client, world.a.clinical.session, data=data, content_type="image/png").json()
    assert local_post(token, data, content_type="image/png").status_code == 204
    photo_id = confirm(client, token["key"]).json()["id"]
    with clinic_context(world.a.clinic):
        photo = services.photo_process(photo_id=photo_id)
    assert photo.status == Photo.Status.REJECTED
    detail = client.get(f"{URL}/photos/{photo_id}").json()
    assert detail["rejection_reason"] == "The image is 2000 x 1000 pixels; at most 1 megapixels are accepted."


# ------------------------------------------------------------------------------ confirm


def test_confirm_refuses_keys_outside_the_clinic(api, world, local):
    response = confirm(doctor(api, world.b), world.a.clinical.photo.object_key)
    assert response.status_code == 400
    assert error_field(response) == "key"
    assert "outside" in response.json()["errors"][0]["detail"]


def test_confirm_refuses_a_key_never_issued(api, world, local):
    key = f"clinics/{world.a.clinic.pk}/patients/{world.a.patient.pk}/sessions/x/{uuid.uuid4()}.jpg"
    local.write(key, image_bytes(), "image/jpeg")
    response = confirm(doctor(api, world.a), key)
    assert response.status_code == 400
    assert "issued" in response.json()["errors"][0]["detail"]


def test_confirm_refuses_a_missing_object(api, world, local):
    client = doctor(api, world.a)
    token = issue(client, world.a.clinical.session).json()
    response = confirm(client, token["key"])
    assert response.status_code == 400
    assert error_field(response) == "key"
    assert not Photo.unscoped.filter(object_key=token["key"]).exists()


@pytest.mark.parametrize(("size", "content_type"), [(MAX_BYTES + 1, "image/jpeg"), (1000, "image/png")])
def test_confirm_refuses_oversize_or_wrong_type_objects(api, world, local, size, content_type):
    client = doctor(api, world.a)
    token = issue(client, world.a.clinical.session).json()
    local.write(token["key"], b"\xff" * size, content_type)  # written behind the policy's back
    response = confirm(client, token["key"])
    assert response.status_code == 400
    assert error_field(response) == "key"
    assert not Photo.unscoped.filter(object_key=token["key"]).exists()


def test_a_bad_file_is_rejected_and_never_listed(api, world, local):
    client = doctor(api, world.a)
    session = world.a.clinical.session
    token = issue(client, session).json()
    assert local_post(token, b"GIF89a not really a jpeg").status_code == 204
    photo_id = confirm(client, token["key"]).json()["id"]
    with clinic_context(world.a.clinic):
        photo = services.photo_process(photo_id=photo_id)
    assert photo.status == Photo.Status.REJECTED
    assert photo.rejection_reason
    listed = client.get(f"{URL}/photos", {"session": str(session.pk)}).json()["results"]
    assert photo_id not in {p["id"] for p in listed}
    detail = client.get(f"{URL}/photos/{photo_id}").json()
    assert (detail["status"], detail["urls"]) == ("rejected", None)


def test_marketing_use_needs_the_patients_consent(api, world, local):
    client = doctor(api, world.a)
    token = issue(client, world.a.clinical.session).json()
    local_post(token, image_bytes())
    refused = confirm(client, token["key"], usage="marketing")
    assert refused.status_code == 400
    assert error_field(refused) == "usage"
    ConsentFactory(patient=world.a.patient, purpose=ConsentPurpose.MARKETING_PHOTOS, text=None)
    accepted = confirm(client, token["key"], usage="marketing")
    assert accepted.status_code == 201
    with clinic_context(world.a.clinic):
        services.photo_process(photo_id=accepted.json()["id"])
    listed = client.get(f"{URL}/photos", {"patient": str(world.a.patient.pk)}).json()["results"]
    flags = {p["id"]: p["marketing_allowed"] for p in listed}
    assert flags[accepted.json()["id"]] is True
    assert flags[str(world.a.clinical.photo.pk)] is False  # marked clinical only


# ------------------------------------------------------------------------------ S3 path


def test_s3_presigned_post_policy(api, world, s3):
    token = issue(doctor(api, world.a), world.a.clinical.session, content_type="image/webp").json()
    assert token["url"].startswith(s3.meta.endpoint_url)
    assert token["key"].endswith(".webp")
    fields = token["fields"]
    assert fields["key"] == token["key"]
    assert fields["Content-Type"] == "image/webp"
    assert fields["x-amz-algorithm"] == "AWS4-HMAC-SHA256"
    policy = decoded_policy(fields)
    conditions = policy["conditions"]
    assert {"bucket": "clinical-photos"} in conditions
    assert {"key": token["key"]} in conditions
    assert {"Content-Type": "image/webp"} in conditions
    assert ["content-length-range", 1, MAX_BYTES] in conditions
    expires = dt.datetime.fromisoformat(policy["expiration"].replace("Z", "+00:00"))
    assert timezone.now() < expires <= timezone.now() + dt.timedelta(minutes=15)


def test_s3_presigned_urls_name_the_public_endpoint(api, world, s3, settings):
    settings.S3_PUBLIC_ENDPOINT_URL = "http://photos.clinic.test:9000"
    token = issue(doctor(api, world.a), world.a.clinical.session).json()
    assert token["url"].startswith("http://photos.clinic.test:9000/clinical-photos")
    assert (
        object_store().presigned_get("a/b.jpg", expires_in=60).startswith("http://photos.clinic.test:9000/")
    )


def test_s3_upload_confirm_process_and_view(api, world, s3):
    client = doctor(api, world.a)
    session = world.a.clinical.session
    data = image_bytes("PNG", (320, 200))
    token = issue(client, session, data=data, content_type="image/png", angle="left_oblique").json()
    uploaded = httpx.post(token["url"], data=token["fields"], files={"file": ("p.png", data, "image/png")})
    assert uploaded.status_code == 204, uploaded.text

    first = confirm(client, token["key"])
    assert first.status_code == 201, first.content
    assert confirm(client, token["key"]).json()["id"] == first.json()["id"]
    with clinic_context(world.a.clinic):
        photo = services.photo_process(photo_id=first.json()["id"])
    assert photo.status == Photo.Status.READY
    stored = s3.get_object(Bucket="clinical-photos", Key=photo.original_key)["Body"].read()
    assert not has_location(stored)
    assert hashlib.sha256(stored).hexdigest() == photo.checksum_sha256
    assert object_store().head(photo.object_key) is None
    assert s3.head_object(Bucket="clinical-photos", Key=photo.thumbnail_key)["ContentType"] == "image/webp"

    body = client.get(f"{URL}/photos/{photo.pk}").json()
    thumbnail = httpx.get(body["urls"]["thumbnail"])
    assert thumbnail.status_code == 200
    assert "X-Amz-Signature=" in body["urls"]["thumbnail"]
    assert not has_location(thumbnail.content)


def _s3_upload(token, data, content_type="image/jpeg"):
    files = {"file": ("p", data, content_type)}
    return httpx.post(token["url"], data=token["fields"], files=files).status_code


def test_s3_a_replayed_post_never_reaches_what_is_served(api, world, s3):
    """S3 takes a presigned POST again until it expires (moto as well). After processing,
    what is served lives under keys no POST names, so a replay changes nothing shown."""
    client = doctor(api, world.a)
    data = image_bytes("JPEG", (400, 300), location=False)
    token = issue(client, world.a.clinical.session, data=data).json()
    assert _s3_upload(token, data) == 204
    photo_id = confirm(client, token["key"]).json()["id"]
    with clinic_context(world.a.clinic):
        photo = services.photo_process(photo_id=photo_id)
    assert photo.status == Photo.Status.READY

    assert _s3_upload(token, image_bytes("JPEG", (300, 400))) == 204  # with GPS, other pixels
    with clinic_context(world.a.clinic):
        services.photo_process(photo_id=photo_id)  # a retried task: clears the inbox again
    body = client.get(f"{URL}/photos/{photo_id}").json()
    served = {name: httpx.get(url).content for name, url in body["urls"].items()}
    assert hashlib.sha256(served["original"]).hexdigest() == photo.checksum_sha256
    assert not any(has_location(blob) for blob in served.values())
    assert object_store().head(token["key"]) is None


def test_s3_a_post_replayed_between_confirmation_and_processing_rejects_the_photo(api, world, s3):
    client = doctor(api, world.a)
    data = image_bytes("JPEG", (400, 300))
    token = issue(client, world.a.clinical.session, data=data).json()
    assert _s3_upload(token, data) == 204
    photo_id = confirm(client, token["key"]).json()["id"]
    assert _s3_upload(token, image_bytes("JPEG", (300, 400))) == 204
    with clinic_context(world.a.clinic):
        photo = services.photo_process(photo_id=photo_id)
    assert photo.status == Photo.Status.REJECTED
    assert "replaced" in photo.rejection_reason
    assert object_store().head(token["key"]) is None


@pytest.mark.parametrize(("size", "content_type"), [(MAX_BYTES + 1, "image/jpeg"), (1000, "text/html")])
def test_s3_confirm_checks_what_was_stored(api, world, s3, size, content_type):
    client = doctor(api, world.a)
    token = issue(client, world.a.clinical.session).json()
    # moto enforces no policy, so this stands for an object that slipped past one.
    s3.put_object(Bucket="clinical-photos", Key=token["key"], Body=b"\xff" * size, ContentType=content_type)
    response = confirm(client, token["key"])
    assert response.status_code == 400
    assert error_field(response) == "key"


def test_s3_confirm_refuses_a_missing_object(api, world, s3):
    client = doctor(api, world.a)
    token = issue(client, world.a.clinical.session).json()
    assert isinstance(object_store(), S3ObjectStore)
    assert error_field(confirm(client, token["key"])) == "key"
