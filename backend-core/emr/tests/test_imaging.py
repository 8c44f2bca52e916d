import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from PIL.ExifTags import Base

import emr
from emr.imaging import ImageRejected, image_prepare
from emr.tests.images import image_bytes, location_traces, png_declaring

MAX_PIXELS = 50_000_000
TYPES = [("JPEG", "image/jpeg"), ("PNG", "image/png"), ("WEBP", "image/webp"), ("HEIF", "image/heic")]


@pytest.mark.parametrize(("image_format", "content_type"), TYPES)
def test_every_accepted_type_loses_all_its_metadata_and_gets_webp_copies(image_format, content_type):
    data = image_bytes(image_format, (900, 600))
    assert len(location_traces(data)) >= 4  # EXIF GPS, XMP, and IPTC/comment or text chunks
    prepared = image_prepare(data, content_type=content_type, max_pixels=MAX_PIXELS)
    assert (prepared.width, prepared.height) == (900, 600)
    for blob in (prepared.original, prepared.display, prepared.thumbnail):
        assert location_traces(blob) == []
        with Image.open(io.BytesIO(blob)) as image:
            assert not image.getexif()
    with Image.open(io.BytesIO(prepared.original)) as original:
        assert original.format == Image.open(io.BytesIO(data)).format
        assert original.size == (900, 600)
    with Image.open(io.BytesIO(prepared.thumbnail)) as thumbnail:
        assert thumbnail.format == "WEBP"
        assert max(thumbnail.size) == 320


def test_the_checksum_is_the_stored_originals():
    prepared = image_prepare(image_bytes("JPEG"), content_type="image/jpeg", max_pixels=MAX_PIXELS)
    assert prepared.sha256 == hashlib.sha256(prepared.original).hexdigest()


def test_orientation_is_applied_to_the_pixels_of_every_copy():
    image = Image.linear_gradient("L").resize((400, 200)).convert("RGB")
    exif = Image.Exif()
    exif[Base.Orientation] = 6  # rotated 90° clockwise
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    prepared = image_prepare(out.getvalue(), content_type="image/jpeg", max_pixels=MAX_PIXELS)
    assert (prepared.width, prepared.height) == (200, 400)
    for blob in (prepared.original, prepared.display):
        with Image.open(io.BytesIO(blob)) as copy:
            assert copy.size == (200, 400)
            assert Base.Orientation not in copy.getexif()


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (b"not an image at all", "image/jpeg"),
        (image_bytes("PNG"), "image/jpeg"),
        (image_bytes("JPEG")[:200], "image/jpeg"),
        (image_bytes("JPEG"), "image/gif"),
    ],
)
def test_what_is_not_an_image_of_its_type_is_rejected(data, content_type):
    with pytest.raises(ImageRejected):
        image_prepare(data, content_type=content_type, max_pixels=MAX_PIXELS)


def test_more_pixels_than_allowed_is_rejected_with_the_reason():
    with pytest.raises(ImageRejected, match=r"640 x 480 pixels; at most 0\.3 megapixels"):
        image_prepare(image_bytes("JPEG", (640, 480)), content_type="image/jpeg", max_pixels=300_000)


_MEASURE = """
import resource, sys
from emr.imaging import ImageRejected, image_prepare
data = sys.stdin.buffer.read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    image_prepare(data, content_type="image/png", max_pixels=int(sys.argv[1]))
    outcome = "accepted"
except ImageRejected as exc:
    outcome = str(exc)
grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(__import__("json").dumps({"outcome": outcome, "grown_mb": grown_kb / 1024}))
"""


def test_a_164_kb_png_of_13000_by_13000_pixels_is_refused_without_decoding_it():
    """The file of the report: it decoded to 1.7 GB in the worker. Measured in a process
    of its own (peak resident memory, which Pillow's C buffers count in)."""
    bomb = png_declaring(13000, 13000)
    assert len(bomb) < 200_000
    measured = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(MAX_PIXELS)],
        input=bomb,
        capture_output=True,
        check=True,
        cwd=Path(emr.__file__).resolve().parent.parent,
        timeout=120,
    )
    result = json.loads(measured.stdout)
    assert result["outcome"] == "The image is 13000 x 13000 pixels; at most 50 megapixels are accepted."
    assert result["grown_mb"] < 20, result
