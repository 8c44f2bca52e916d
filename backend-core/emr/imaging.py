"""Checking and preparing uploaded clinical photographs (Pillow; HEIC through
pillow-heif). Pure functions of bytes: the photo task (``emr.services.photo_process``)
reads the object, calls :func:`image_prepare` and writes what it returns.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

import pillow_heif
from PIL import Image, ImageOps, UnidentifiedImageError
from PIL.ExifTags import IFD, Base

pillow_heif.register_heif_opener()

# Content type → (file extension, Pillow format name).
ALLOWED_IMAGE_TYPES: dict[str, tuple[str, str]] = {
    "image/jpeg": ("jpg", "JPEG"),
    "image/png": ("png", "PNG"),
    "image/heic": ("heic", "HEIF"),
    "image/webp": ("webp", "WEBP"),
}
DISPLAY_MAX_PX = 2048
THUMBNAIL_MAX_PX = 320
DERIVATIVE_CONTENT_TYPE = "image/webp"


class ImageRejected(Exception):
    """The bytes are not a readable image of the announced type."""


@dataclass(frozen=True)
class PreparedImage:
    """``width``/``height`` in pixels as displayed (EXIF orientation applied);
    ``sha256`` of the bytes as uploaded; ``cleaned_original`` the original re-saved
    without location data, or ``None`` when it had none; ``display`` and ``thumbnail``
    WebP derivatives without location data."""

    width: int
    height: int
    sha256: str
    cleaned_original: bytes | None
    display: bytes
    thumbnail: bytes


def _webp(image: Image.Image, max_px: int, exif: Image.Exif) -> bytes:
    copy = image.copy()
    copy.thumbnail((max_px, max_px))
    out = io.BytesIO()
    copy.save(out, "WEBP", quality=85, exif=exif.tobytes())
    return out.getvalue()


def _resaved(image: Image.Image, image_format: str, exif: Image.Exif) -> bytes:
    out = io.BytesIO()
    options: dict[str, object] = {"exif": exif.tobytes()}
    if image.info.get("icc_profile"):
        options["icc_profile"] = image.info["icc_profile"]
    if image_format == "JPEG":
        options["quality"] = "keep"  # same quantization tables: no visible loss
    elif image_format in ("WEBP", "HEIF"):
        options["quality"] = 95
    image.save(out, image_format, **options)
    return out.getvalue()


def image_prepare(data: bytes, *, content_type: str) -> PreparedImage:
    """Verify ``data`` is an image of ``content_type`` (one of ``ALLOWED_IMAGE_TYPES``)
    and build what is stored: location (GPS) EXIF removed everywhere, WebP display copy
    (≤ 2048 px) and thumbnail (≤ 320 px). Raises ``ImageRejected``."""
    expected = ALLOWED_IMAGE_TYPES.get(content_type)
    if expected is None:
        raise ImageRejected(f"{content_type} is not an accepted image type.")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            probe.verify()
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ImageRejected("The file is not a readable image.") from exc
    if image.format != expected[1]:
        raise ImageRejected(f"The file is {image.format}, not {content_type}.")
    exif = image.getexif()
    had_location = IFD.GPSInfo in exif
    upright = ImageOps.exif_transpose(image).convert("RGB")
    if had_location:
        del exif[IFD.GPSInfo]
    cleaned_original = _resaved(image, expected[1], exif) if had_location else None
    exif.pop(Base.Orientation, None)  # the derivatives are stored upright
    return PreparedImage(
        width=upright.width,
        height=upright.height,
        sha256=hashlib.sha256(data).hexdigest(),
        cleaned_original=cleaned_original,
        display=_webp(upright, DISPLAY_MAX_PX, exif),
        thumbnail=_webp(upright, THUMBNAIL_MAX_PX, exif),
    )
