import shutil
from urllib.parse import urlsplit

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from core.objectstore import LocalObjectStore
from core.roles import Role
from emr.models import Photo
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
