"""Test images made with Pillow, with a GPS position in their EXIF."""

from __future__ import annotations

import io

from PIL import Image
from PIL.ExifTags import GPS, IFD, Base

# Bangkok, 13°45'N 100°30'E.
LATITUDE = (13.0, 45.0, 0.0)


def exif_with_location() -> Image.Exif:
    exif = Image.Exif()
    exif[Base.Make] = "TestCam"
    exif[Base.Orientation] = 1
    gps = exif.get_ifd(IFD.GPSInfo)
    gps[GPS.GPSLatitudeRef], gps[GPS.GPSLatitude] = "N", LATITUDE
    gps[GPS.GPSLongitudeRef], gps[GPS.GPSLongitude] = "E", (100.0, 30.0, 0.0)
    return exif


def image_bytes(
    image_format: str = "JPEG", size: tuple[int, int] = (640, 480), *, location: bool = True
) -> bytes:
    """A gradient image in ``image_format`` (JPEG, PNG, WEBP, HEIF), EXIF with GPS unless
    ``location=False``."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    out = io.BytesIO()
    options = {"exif": exif_with_location().tobytes()} if location else {}
    image.save(out, image_format, **options)
    return out.getvalue()


def has_location(data: bytes) -> bool:
    """True when the image's EXIF holds any GPS tag."""
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        return IFD.GPSInfo in exif and bool(exif.get_ifd(IFD.GPSInfo))
