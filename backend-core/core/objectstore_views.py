"""The embedded profile's stand-in for S3's upload and download endpoints
(``core.objectstore.LocalObjectStore``).

``POST …/objects/upload``: the multipart form of a presigned POST (fields then
``file``). Answers 204 like S3, or a problem-details error carrying S3's error code:
403 ``AccessDenied`` (bad signature, expired, a field that does not match the policy),
400 ``EntityTooLarge``/``EntityTooSmall``/``InvalidPolicyDocument``/``IncorrectNumberOfFilesInPostRequest``,
412 ``PreconditionFailed`` when the key was written before: each key takes one upload,
so a replayed form cannot replace a photo that was already checked.
The policy is the credential, as with S3: no session, no CSRF token.

``GET …/objects/<key>?expires=&signature=``: the object, for a URL made by
``presigned_get``; 403 when the signature is wrong or expired, 404 when there is no
such object. Objects are served from the app's own origin, so only raster images are
served as what they claim to be; anything else (HTML, SVG, scripts) is sent as an
``application/octet-stream`` attachment, and every object in a CSP sandbox, so a stored
object can never run script in the app's origin.
"""

from __future__ import annotations

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from core.exceptions import ApplicationError, NotFound, PermissionDeniedError, problem_response
from core.objectstore import (
    LocalObjectStore,
    UploadRefused,
    download_signature_check,
    key_is_valid,
    upload_policy_check,
)

# Raster images browsers render without running code: the only types served inline.
INLINE_IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "image/heic"})

# Room for the form fields around the file in the request body.
_FORM_OVERHEAD_BYTES = 64 * 1024


def _refused(request: HttpRequest, refusal: UploadRefused) -> JsonResponse:
    error = ApplicationError(refusal.message, code=refusal.code)
    error.status = refusal.status
    error.title = refusal.code
    return problem_response(request, error)


@csrf_exempt
@require_POST
def local_upload(request: HttpRequest) -> HttpResponse:
    declared = int(request.META.get("CONTENT_LENGTH") or 0)
    if declared > settings.PHOTO_UPLOAD_MAX_BYTES + _FORM_OVERHEAD_BYTES:
        # Refused before the body is read, as S3 refuses from the declared length.
        return _refused(request, UploadRefused(400, "EntityTooLarge", "The upload exceeds the maximum size."))
    files = request.FILES.getlist("file")
    if len(files) != 1 or len(request.FILES) != 1:
        return _refused(
            request, UploadRefused(400, "IncorrectNumberOfFilesInPostRequest", "Send exactly one file.")
        )
    upload = files[0]
    try:
        key, content_type = _checked(request, upload.size or 0)
    except UploadRefused as refusal:
        return _refused(request, refusal)
    try:
        LocalObjectStore().create(key, upload.read(), content_type)
    except FileExistsError:
        written = UploadRefused(412, "PreconditionFailed", "Uploads are write-once: this key was written.")
        return _refused(request, written)
    return HttpResponse(status=204)


def _checked(request: HttpRequest, size: int) -> tuple[str, str]:
    fields = {name: request.POST[name] for name in request.POST}
    key, content_type = upload_policy_check(fields, file_size=size)
    if not key_is_valid(key):
        raise UploadRefused(400, "InvalidArgument", "Invalid object key.")
    return key, content_type


@require_GET
def local_download(request: HttpRequest, key: str) -> HttpResponseBase:
    store = LocalObjectStore()
    signed = download_signature_check(
        key, expires=request.GET.get("expires", ""), signature=request.GET.get("signature", "")
    )
    if not key_is_valid(key) or not signed:
        return problem_response(request, PermissionDeniedError(_("The link is invalid or has expired.")))
    info = store.head(key)
    if info is None:
        return problem_response(request, NotFound())
    inline = info.content_type in INLINE_IMAGE_TYPES
    response = FileResponse(
        store.open(key),
        content_type=info.content_type if inline else "application/octet-stream",
        as_attachment=not inline,
        filename=key.rsplit("/", 1)[-1],
    )
    response["Cache-Control"] = "private, max-age=60"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
