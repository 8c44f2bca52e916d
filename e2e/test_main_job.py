"""The main job end to end on PostgreSQL + Redis, photos in a separate S3 server (moto)
and a real Celery worker (photo processing, commissions, receipts): see ``main_job``.
No photo bytes go through Django: the photo is one POST to the storage origin, the
app's access log has no object route, and the bucket holds the file."""

from __future__ import annotations

import re

import boto3
import pytest

from main_job import four_k_jpeg, largest_body, main_job
from support import Server

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server_worker() -> bool:
    return True


# The limit covers this module's own server start (migrate + demo data) and a
# flow of three users on a busy CI machine.
@pytest.mark.timeout(900)
@pytest.mark.parametrize("server", [{"s3": True}], indirect=True)
def test_the_main_job_on_postgresql_redis_and_s3(server: Server, open_page, tmp_path):
    photo = tmp_path / "before-front.jpg"
    photo.write_bytes(four_k_jpeg())
    assert photo.stat().st_size > 2_000_000

    done = main_job(server, open_page, photo, profile="pg")

    to_store = [r for r in done.doctor_sent if r.method == "POST" and r.url.startswith(server.s3_origin)]
    assert len(to_store) == 1 and to_store[0].body > done.photo_size
    assert largest_body(done.doctor_sent, server.base) < 500_000
    access = server.log.read_text() if server.log else ""
    assert re.search(r'"POST /api/v1/clinic/confirm-upload/ HTTP/1.1" 201', access)
    assert "/objects/" not in access
    store = boto3.client(
        "s3", endpoint_url=server.s3_origin, region_name="us-east-1", aws_access_key_id="moto",
        aws_secret_access_key="moto",  # noqa: S106 - not a secret: moto checks nothing
    )  # fmt: skip
    # The worker keeps the verified original under a key no upload form names.
    stored = {o["Key"] for o in store.list_objects_v2(Bucket="clinical-photos")["Contents"]}
    assert any(key.endswith(".original.jpg") for key in stored), stored
