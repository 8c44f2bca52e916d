import hashlib
import io

import pytest
from PIL import Image
from PIL.ExifTags import Base

from emr.imaging import ImageRejected, image_prepare
from emr.tests.images import has_location, image_bytes


@pytest.mark.parametrize(
    ("image_format", "content_type"),
    [("JPEG", "image/jpeg"), ("PNG", "image/png"), ("WEBP", "image/webp"), ("HEIF", "image/heic")],
)
def test_every_accepted_type_loses_its_location_and_gets_webp_copies(image_format, content_type):
    data = image_bytes(image_format, (900, 600))
    assert has_location(data)
    prepared = image_prepare(data, content_type=content_type)
    assert (prepared.width, prepared.height) == (900, 600)
    assert prepared.sha256 == hashlib.sha256(data).hexdigest()
    assert prepared.cleaned_original is not None
    for blob in (prepared.cleaned_original, prepared.display, prepared.thumbnail):
        assert not has_location(blob)
    with Image.open(io.BytesIO(prepared.cleaned_original)) as original:
        assert original.format == Image.open(io.BytesIO(data)).format
        assert original.getexif()[Base.Make] == "TestCam"  # the rest of the EXIF stays
    with Image.open(io.BytesIO(prepared.thumbnail)) as thumbnail:
        assert thumbnail.format == "WEBP"
        assert max(thumbnail.size) == 320


def test_an_image_without_location_keeps_its_original():
    prepared = image_prepare(image_bytes("JPEG", location=False), content_type="image/jpeg")
    assert prepared.cleaned_original is None


def test_orientation_is_applied_to_the_copies():
    image = Image.linear_gradient("L").resize((400, 200)).convert("RGB")
    exif = Image.Exif()
    exif[Base.Orientation] = 6  # rotated 90° clockwise
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    prepared = image_prepare(out.getvalue(), content_type="image/jpeg")
    assert (prepared.width, prepared.height) == (200, 400)
    with Image.open(io.BytesIO(prepared.display)) as display:
        assert display.size == (200, 400)
        assert Base.Orientation not in display.getexif()


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
        image_prepare(data, content_type=content_type)
