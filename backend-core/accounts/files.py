"""Checking the files people upload about themselves (Pillow): a profile photograph made
into a bare square WebP, and a licence's evidence document (PDF or image) recognised by
its bytes, never by its name or the type the browser announced. Pure functions of bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow format → (content type, file extension) of the images accepted.
IMAGE_FORMATS: dict[str, tuple[str, str]] = {
    "JPEG": ("image/jpeg", "jpg"),
    "MPO": ("image/jpeg", "jpg"),  # phones' JPEG with a depth map: its first picture
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
}
PDF_CONTENT_TYPE = "application/pdf"
# A PDF reader looks for the header in the first 1024 bytes (ISO 32000-1, annex H.3).
PDF_HEADER_WINDOW = 1024
EVIDENCE_IMAGE_MAX_PX = 4096


class FileRejected(Exception):
    """The bytes are not a file of an accepted kind, or too large; ``str()`` says why in
    words the uploader can read (translated)."""


@dataclass(frozen=True)
class PreparedFile:
    """What is stored: ``data`` of ``content_type``; ``extension`` for its key."""

    data: bytes
    content_type: str
    extension: str


def _image_open(data: bytes, *, max_pixels: int) -> Image.Image:
    """The decoded image of ``data`` (JPEG, PNG or WebP), its size checked from the
    header before any pixel is decoded. Raises ``FileRejected``."""
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in IMAGE_FORMATS:
                raise FileRejected(_("Upload a JPEG, PNG or WebP image."))
            width, height = probe.size
            if width * height > max_pixels:
                raise FileRejected(
                    _("The image is %(width)s x %(height)s pixels; it is too large to be read.")
                    % {"width": width, "height": height}
                )
            probe.verify()
        image = Image.open(io.BytesIO(data))
        image.load()
    except Image.DecompressionBombError as exc:
        raise FileRejected(_("The image has too many pixels to be read.")) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise FileRejected(_("The file is not a readable image.")) from exc
    return image


def profile_photo_prepare(data: bytes, *, max_pixels: int, side: int) -> PreparedFile:
    """A profile photograph from ``data`` (JPEG, PNG or WebP of at most ``max_pixels``):
    turned upright as its EXIF says, cut to the centred square, scaled to ``side`` x
    ``side`` pixels and encoded as WebP with no metadata at all (EXIF, XMP, ICC, text:
    a phone's photo carries where it was taken). Raises ``FileRejected``."""
    image = _image_open(data, max_pixels=max_pixels)
    upright = ImageOps.exif_transpose(image)
    rgb = upright.convert("RGBA" if "A" in upright.getbands() else "RGB")
    square = ImageOps.fit(rgb, (side, side), method=Image.Resampling.LANCZOS)
    square.info = {}
    out = io.BytesIO()
    square.save(out, "WEBP", quality=85)
    return PreparedFile(data=out.getvalue(), content_type="image/webp", extension="webp")


def licence_evidence_prepare(data: bytes, *, max_pixels: int) -> PreparedFile:
    """A licence's evidence from ``data``: a PDF (its ``%PDF-`` header in the first 1024
    bytes and an ``%%EOF`` marker) kept as it is, or a JPEG, PNG or WebP image re-encoded
    upright in its own format without metadata and at most 4096 px on its longer side.
    The kind is read from the bytes alone. Raises ``FileRejected``."""
    if b"%PDF-" in data[:PDF_HEADER_WINDOW]:
        if b"%%EOF" not in data[-PDF_HEADER_WINDOW:]:
            raise FileRejected(_("The PDF is incomplete or damaged."))
        return PreparedFile(data=data, content_type=PDF_CONTENT_TYPE, extension="pdf")
    try:
        image = _image_open(data, max_pixels=max_pixels)
    except FileRejected as exc:
        raise FileRejected(_("Upload a PDF or a JPEG, PNG or WebP image.")) from exc
    content_type, extension = IMAGE_FORMATS[image.format or "JPEG"]
    upright = ImageOps.exif_transpose(image)
    upright.thumbnail((EVIDENCE_IMAGE_MAX_PX, EVIDENCE_IMAGE_MAX_PX))
    if content_type == "image/jpeg" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    upright.info = {}
    out = io.BytesIO()
    pillow_format = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}[content_type]
    upright.save(out, pillow_format, **({"quality": 90} if pillow_format != "PNG" else {}))
    return PreparedFile(data=out.getvalue(), content_type=content_type, extension=extension)
