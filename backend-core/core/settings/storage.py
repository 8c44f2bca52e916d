"""File storage, and the object store of clinical photographs (``core/objectstore.py``).

``S3_BUCKET`` set: S3 or any S3-compatible server (MinIO) at ``S3_ENDPOINT_URL``, the
address this server reaches; ``S3_PUBLIC_ENDPOINT_URL`` is the address browsers reach
(presigned upload and download URLs are made for it; default: the same). Otherwise the
embedded profile keeps objects under ``var/objects`` behind signed Django views that
check an upload policy the way S3 does, signed with ``OBJECT_STORE_SIGNING_KEY``
(``keys.py``).
"""

from .env import VAR_DIR, env, secret

S3_BUCKET = env.str("S3_BUCKET", default="")
S3_ENDPOINT_URL = env.str("S3_ENDPOINT_URL", default="")
S3_PUBLIC_ENDPOINT_URL = env.str("S3_PUBLIC_ENDPOINT_URL", default="") or S3_ENDPOINT_URL
S3_ACCESS_KEY_ID = env.str("S3_ACCESS_KEY_ID", default="")
S3_SECRET_ACCESS_KEY = env.str("S3_SECRET_ACCESS_KEY", default="")
S3_REGION = env.str("S3_REGION", default="us-east-1")

if S3_BUCKET:
    _s3_options = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": S3_ENDPOINT_URL or None,
        "access_key": S3_ACCESS_KEY_ID or None,
        "secret_key": S3_SECRET_ACCESS_KEY or None,
        "region_name": S3_REGION,
        "default_acl": None,
        "querystring_auth": True,
        "file_overwrite": False,
    }
    STORAGES = {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _s3_options},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
else:
    MEDIA_ROOT = VAR_DIR / "media"
    STORAGES = {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(MEDIA_ROOT)},
        },
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
MEDIA_URL = "/media/"

OBJECT_STORE_ROOT = VAR_DIR / "objects"
OBJECT_STORE_SIGNING_KEY = secret("OBJECT_STORE_SIGNING_KEY")

# Clinical photographs: largest upload, and how long presigned URLs live (seconds).
PHOTO_UPLOAD_MAX_BYTES = env.int("PHOTO_UPLOAD_MAX_BYTES", default=40 * 1024 * 1024)
PHOTO_UPLOAD_URL_SECONDS = env.int("PHOTO_UPLOAD_URL_SECONDS", default=600)
PHOTO_VIEW_URL_SECONDS = env.int("PHOTO_VIEW_URL_SECONDS", default=300)
# Largest photograph the worker decodes, in pixels (width x height), checked from the
# file's header before decoding: 50 MP (about 150 MB of RGB) covers every clinical camera.
PHOTO_MAX_PIXELS = env.int("PHOTO_MAX_PIXELS", default=50_000_000)
# A confirmed photo still waiting for the worker this long (minutes) is sent to it again
# by beat: its message was lost (broker down at confirmation, process died before sending).
PHOTO_PROCESS_REQUEUE_AFTER_MINUTES = env.int("PHOTO_PROCESS_REQUEUE_AFTER_MINUTES", default=10)

# A person's own photograph (accounts.services.user_photo_set): largest upload (bytes),
# largest image decoded (pixels, read from the header first), side of the stored square
# (pixels) and how long its download links live (seconds).
PROFILE_PHOTO_MAX_BYTES = env.int("PROFILE_PHOTO_MAX_BYTES", default=5 * 1024 * 1024)
PROFILE_PHOTO_MAX_PIXELS = env.int("PROFILE_PHOTO_MAX_PIXELS", default=40_000_000)
PROFILE_PHOTO_SIDE_PX = env.int("PROFILE_PHOTO_SIDE_PX", default=256)
PROFILE_PHOTO_URL_SECONDS = env.int("PROFILE_PHOTO_URL_SECONDS", default=900)
# The document behind a professional licence (accounts.services.licence_evidence_set):
# largest upload (bytes) and how long a viewing link lives (seconds; each issue audited).
LICENCE_EVIDENCE_MAX_BYTES = env.int("LICENCE_EVIDENCE_MAX_BYTES", default=10 * 1024 * 1024)
LICENCE_EVIDENCE_URL_SECONDS = env.int("LICENCE_EVIDENCE_URL_SECONDS", default=120)
# Report files (``reporting``): a download link works this long (seconds); each link
# issued is audited, so a short life keeps the trail meaningful.
REPORT_DOWNLOAD_URL_SECONDS = env.int("REPORT_DOWNLOAD_URL_SECONDS", default=120)
