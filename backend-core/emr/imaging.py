"""Checking and preparing uploaded clinical photographs (Pillow; HEIC through
pillow-heif). Pure functions of bytes: the photo task (``emr.services.photo_process``)
reads the object, calls :func:`image_prepare` and writes what it returns.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

import pillow_heif
from PIL import Image, ImageOps, JpegImagePlugin, UnidentifiedImageError

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
    """The bytes are not a readable image of the announced type, or too large to decode."""


@dataclass(frozen=True)
class PreparedImage:
    """``width``/``height`` in pixels, upright (EXIF orientation applied to the pixels);
    ``original`` the photograph re-encoded in its own format with no metadata but its
    colour profile, ``sha256`` of those bytes; ``display`` and ``thumbnail`` WebP
    derivatives, equally bare."""

    width: int
    height: int
    sha256: str
    original: bytes
    display: bytes
    thumbnail: bytes


def _encoded(image: Image.Image, image_format: str, *, icc_profile: bytes | None, **options: object) -> bytes:
    out = io.BytesIO()
    if icc_profile:
        options["icc_profile"] = icc_profile
    image.save(out, image_format, **options)
    return out.getvalue()


def _webp(image: Image.Image, max_px: int, icc_profile: bytes | None) -> bytes:
    copy = image.copy()
    copy.thumbnail((max_px, max_px))
    return _encoded(copy, "WEBP", icc_profile=icc_profile, quality=85)


def _original(
    source: Image.Image, upright: Image.Image, image_format: str, icc_profile: bytes | None
) -> bytes:
    options: dict[str, object] = {}
    if isinstance(source, JpegImagePlugin.JpegImageFile):
        # The source's quantization tables and subsampling: no visible generation loss.
        options = {"qtables": source.quantization, "subsampling": JpegImagePlugin.get_sampling(source)}
    elif image_format in ("WEBP", "HEIF"):
        options = {"quality": 95}
    return _encoded(upright, image_format, icc_profile=icc_profile, **options)


def image_prepare(data: bytes, *, content_type: str, max_pixels: int) -> PreparedImage:
    """Verify ``data`` is an image of ``content_type`` (one of ``ALLOWED_IMAGE_TYPES``)
    of at most ``max_pixels`` pixels, and build what is stored: the original upright and
    without any metadata (EXIF, XMP, IPTC, text chunks: location lives in all of them),
    a WebP display copy (≤ 2048 px) and a thumbnail (≤ 320 px).

    The size is read from the header and refused before any pixel is decoded: a
    compressed file of a few hundred KB can declare 13000 x 13000 pixels, gigabytes in
    memory. Raises ``ImageRejected`` with a reason a clinician can read."""
    expected = ALLOWED_IMAGE_TYPES.get(content_type)
    if expected is None:
        raise ImageRejected(f"{content_type} is not an accepted image type.")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            _check_header(probe, content_type=content_type, image_format=expected[1], max_pixels=max_pixels)
            probe.verify()
        image = Image.open(io.BytesIO(data))
        image.load()
    except Image.DecompressionBombError as exc:
        raise ImageRejected("The image has too many pixels to be decoded.") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ImageRejected("The file is not a readable image.") from exc
    icc_profile = image.info.get("icc_profile") or None
    upright = ImageOps.exif_transpose(image)  # a copy, turned as the EXIF says
    # Encoders write what ``info`` carries (pillow-heif EXIF and XMP, Pillow the JPEG
    # comment): emptied, nothing is carried over. EXIF (GPS), XMP (GPS), IPTC (place
    # names), PNG text chunks and comments all stay behind.
    upright.info = {}
    original = _original(image, upright, expected[1], icc_profile)
    image.close()
    rgb = upright if upright.mode == "RGB" else upright.convert("RGB")
    return PreparedImage(
        width=upright.width,
        height=upright.height,
        sha256=hashlib.sha256(original).hexdigest(),
        original=original,
        display=_webp(rgb, DISPLAY_MAX_PX, icc_profile),
        thumbnail=_webp(rgb, THUMBNAIL_MAX_PX, icc_profile),
    )


def _check_header(probe: Image.Image, *, content_type: str, image_format: str, max_pixels: int) -> None:
    # Phones store JPEGs with a second picture (a depth map) as MPO: the first one is the JPEG.
    if probe.format != image_format and not (image_format == "JPEG" and probe.format == "MPO"):
        raise ImageRejected(f"The file is {probe.format}, not {content_type}.")
    width, height = probe.size
    if width * height > max_pixels:
        raise ImageRejected(
            f"The image is {width} x {height} pixels; at most {max_pixels / 1e6:g} megapixels are accepted."
        )
