"""Test images made with Pillow that say where they were taken in every place a camera
or an editor puts it: EXIF GPS, XMP (``exif:GPSLatitude``), IPTC place names (JPEG
APP13), PNG text chunks and the JPEG comment. And a PNG that declares more pixels than
any photo, made without holding them."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image, PngImagePlugin
from PIL.ExifTags import GPS, IFD, Base

# Bangkok, 13°45'N 100°30'E.
LATITUDE = (13.0, 45.0, 0.0)
PLACE = "Sukhumvit Soi 11"
XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="13,45.0N" '
    f'exif:GPSLongitude="100,30.0E" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/" '
    f'Iptc4xmpCore:Location="{PLACE}"/></rdf:RDF></x:xmpmeta>'
)
# What must not survive, as bytes in the file (XMP and text are stored uncompressed or,
# for zTXt, read back through Pillow below).
TRACES = (b"GPSLatitude", PLACE.encode(), b"ns.adobe.com/xap", b"Photoshop 3.0", b"TestCam")


def exif_with_location() -> Image.Exif:
    exif = Image.Exif()
    exif[Base.Make] = "TestCam"
    exif[Base.Orientation] = 1
    gps = exif.get_ifd(IFD.GPSInfo)
    gps[GPS.GPSLatitudeRef], gps[GPS.GPSLatitude] = "N", LATITUDE
    gps[GPS.GPSLongitudeRef], gps[GPS.GPSLongitude] = "E", (100.0, 30.0, 0.0)
    return exif


def _iptc_segment() -> bytes:
    """A JPEG APP13 segment (Photoshop image resource 0x0404) holding IPTC IIM
    2:90 City, 2:92 Sub-location and 2:101 Country."""
    iim = b"".join(
        b"\x1c\x02" + bytes([dataset]) + struct.pack(">H", len(value)) + value
        for dataset, value in ((90, b"Bangkok"), (92, PLACE.encode()), (101, b"Thailand"))
    )
    iim += b"\x00" * (len(iim) % 2)
    payload = b"Photoshop 3.0\x00" + b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iim)) + iim
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def image_bytes(
    image_format: str = "JPEG", size: tuple[int, int] = (640, 480), *, location: bool = True
) -> bytes:
    """A gradient image in ``image_format`` (JPEG, PNG, WEBP, HEIF); unless
    ``location=False`` it carries the position in EXIF and XMP, and the place in IPTC and
    a comment (JPEG) or text chunks (PNG)."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    out = io.BytesIO()
    options: dict[str, object] = {}
    if location:
        options = {"exif": exif_with_location().tobytes(), "xmp": XMP.encode()}
        if image_format == "JPEG":
            options["comment"] = f"Taken at {PLACE}"
        if image_format == "PNG":
            text = PngImagePlugin.PngInfo()
            text.add_itxt("XML:com.adobe.xmp", XMP)  # how PNG carries XMP
            text.add_text("Location", PLACE)  # tEXt
            text.add_text("Comment", f"Taken at {PLACE}", zip=True)  # zTXt
            options = {"exif": options["exif"], "pnginfo": text}
    image.save(out, image_format, **options)
    data = out.getvalue()
    if location and image_format == "JPEG":
        data = data[:2] + _iptc_segment() + data[2:]  # right after SOI
    return data


def location_traces(data: bytes) -> list[str]:
    """Every place ``data`` still says where it was taken (empty when it says nothing)."""
    found = [repr(trace) for trace in TRACES if trace in data]
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        if IFD.GPSInfo in exif and exif.get_ifd(IFD.GPSInfo):
            found.append("EXIF GPS")
        found += [
            f"info[{name!r}]"
            for name in ("xmp", "XML:com.adobe.xmp", "photoshop", "comment", "Location", "Comment")
            if image.info.get(name)
        ]
    return found


def has_location(data: bytes) -> bool:
    return bool(location_traces(data))


def png_declaring(width: int, height: int) -> bytes:
    """A valid 8-bit greyscale PNG of ``width`` x ``height`` black pixels, a few hundred
    KB compressed, built row by row so making it never holds the pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    compressor, row, parts = zlib.compressobj(9), b"\x00" * (width + 1), []
    for _ in range(height):
        parts.append(compressor.compress(row))
    parts.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", b"".join(parts)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body
