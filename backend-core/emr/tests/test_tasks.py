import datetime as dt
import shutil
from urllib.parse import urlsplit

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from core.objectstore import LocalObjectStore
from core.roles import Role
from core.tasks import tasks_inline
from emr.models import Photo
from emr.services import photos_requeue_stale
from emr.tests.images import has_location, image_bytes

URL = "/api/v1/clinic"


def test_a_confirmed_photo_is_processed_by_a_real_worker(celery_worker, api, world):
    """Upload token → direct upload → confirm; the worker process (same settings, so the
    same local object store) verifies the photo and writes location-free derivatives."""
    store = LocalObjectStore()
    client = api(world.a.user(Role.DOCTOR), world.a.clinic)
    data = image_bytes("JPEG", (1024, 768))
    token = client.get(
        f"{URL}/upload-token/",
        {
            "session": str(world.a.clinical.session.pk),
            "kind": "before",
            "angle": "right_lateral",
            "content_type": "image/jpeg",
            "size": len(data),
        },
    ).json()
    try:
        form = {**token["fields"], "file": SimpleUploadedFile("p.jpg", data, content_type="image/jpeg")}
        assert Client().post(urlsplit(token["url"]).path, form).status_code == 204
        photo_id = client.post(f"{URL}/confirm-upload/", {"key": token["key"]}, format="json").json()["id"]

        def processed() -> bool:
            return Photo.unscoped.filter(pk=photo_id).exclude(status=Photo.Status.PROCESSING).exists()

        assert celery_worker.wait_for(processed), "the worker did not process the photo"
        photo = Photo.unscoped.get(pk=photo_id)
        assert photo.status == Photo.Status.READY
        assert (photo.width, photo.height) == (1024, 768)
        assert not has_location(store.read(photo.display_key))
        assert not has_location(store.read(photo.original_key))
        assert store.head(photo.object_key) is None
    finally:
        shutil.rmtree(store.root / "data" / f"clinics/{world.a.clinic.pk}", ignore_errors=True)
        shutil.rmtree(store.root / "meta" / f"clinics/{world.a.clinic.pk}", ignore_errors=True)


def _photo_uploaded_and_confirmed(api, world, data: bytes) -> str:
    client = api(world.a.user(Role.DOCTOR), world.a.clinic)
    token = client.get(
        f"{URL}/upload-token/",
        {
            "session": str(world.a.clinical.session.pk),
            "kind": "before",
            "angle": "front",
            "content_type": "image/jpeg",
            "size": len(data),
        },
    ).json()
    form = {**token["fields"], "file": SimpleUploadedFile("p.jpg", data, content_type="image/jpeg")}
    assert Client().post(urlsplit(token["url"]).path, form).status_code == 204
    response = client.post(f"{URL}/confirm-upload/", {"key": token["key"]}, format="json")
    assert response.status_code == 201, response.content
    return str(response.json()["id"])


def test_a_photo_whose_processing_message_was_lost_is_processed_after_the_sweep(api, world):
    """No worker takes the message sent at confirmation (as when the broker was down or
    the process died after the commit): the photo stays ``processing`` until the sweep
    sends it again, and then it is processed like any other."""
    store = LocalObjectStore()
    try:
        lost = _photo_uploaded_and_confirmed(api, world, image_bytes("JPEG", (640, 480)))
        fresh = _photo_uploaded_and_confirmed(api, world, image_bytes("JPEG", (320, 240)))
        Photo.unscoped.filter(pk=lost).update(updated_at=timezone.now() - dt.timedelta(minutes=11))

        with tasks_inline():
            assert photos_requeue_stale() == 1

        photo = Photo.unscoped.get(pk=lost)
        assert photo.status == Photo.Status.READY
        assert (photo.width, photo.height) == (640, 480)
        # Confirmed a moment ago: its message may still be on its way, so not sent again.
        assert Photo.unscoped.get(pk=fresh).status == Photo.Status.PROCESSING
        with tasks_inline():
            assert photos_requeue_stale() == 0  # stamped: not sent twice in one interval
    finally:
        shutil.rmtree(store.root / "data" / f"clinics/{world.a.clinic.pk}", ignore_errors=True)
        shutil.rmtree(store.root / "meta" / f"clinics/{world.a.clinic.pk}", ignore_errors=True)
