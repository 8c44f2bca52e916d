"""The shape of face-chart annotations (JSON Schema, checked with ``jsonschema``) and
the check that turns a violation into a 400 naming the offending field.

Coordinates are normalized to the image or template: ``x`` from 0 (left edge) to 1
(right edge), ``y`` from 0 (top) to 1 (bottom). ``units`` is a decimal string in
``unit`` (``U``: toxin units, ``ml``: millilitres of filler or biostimulator).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError

from catalog.models import Product
from commerce.models import StockLot
from core.exceptions import ValidationFailed

UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
# PostgreSQL's jsonb cannot hold U+0000: refused here rather than failing at the write.
NO_NUL = r"^[^\u0000]*$"
DEPTHS = ("intradermal", "subdermal", "subcutaneous", "supraperiosteal", "intramuscular")
MAX_POINTS = 500

ANNOTATIONS_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "additionalProperties": False,
    "required": ["points"],
    "properties": {
        "points": {
            "type": "array",
            "maxItems": MAX_POINTS,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["x", "y"],
                "properties": {
                    "x": {"type": "number", "minimum": 0, "maximum": 1},
                    "y": {"type": "number", "minimum": 0, "maximum": 1},
                    "label": {"type": "string", "maxLength": 60, "pattern": NO_NUL},
                    "product": {"type": ["string", "null"], "pattern": UUID_PATTERN},
                    "lot": {"type": ["string", "null"], "pattern": UUID_PATTERN},
                    "units": {"type": "string", "pattern": r"^\d{1,4}(\.\d{1,2})?$"},
                    "unit": {"enum": ["U", "ml"]},
                    "depth": {"enum": list(DEPTHS)},
                    "technique": {"type": "string", "maxLength": 60, "pattern": NO_NUL},
                    "notes": {"type": "string", "maxLength": 500, "pattern": NO_NUL},
                },
            },
        }
    },
}

_VALIDATOR = Draft202012Validator(ANNOTATIONS_SCHEMA)


def annotation_field(path: Iterable[Any], prefix: str = "annotations") -> str:
    """``["points", 3, "x"]`` → ``"annotations.points[3].x"``."""
    out = prefix
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _field_of(error: SchemaError) -> str:
    path = list(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = [name for name in error.validator_value if name not in error.instance]
        path += missing[:1]
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        path += sorted(set(error.instance) - allowed)[:1]
    return annotation_field(path)


def annotations_shape_check(annotations: Any) -> dict[str, Any]:
    """Return ``annotations`` when it follows ``ANNOTATIONS_SCHEMA``; raise
    ``ValidationFailed`` naming every offending field (``annotations.points[3].x``)."""
    errors: dict[str, list[str]] = {}
    for error in _VALIDATOR.iter_errors(annotations):
        errors.setdefault(_field_of(error), []).append(error.message)
    if errors:
        raise ValidationFailed(_("The chart annotations are invalid."), errors=errors)
    return dict(annotations)


def annotation_references_check(annotations: dict[str, Any]) -> None:
    """Every ``product`` must be a product of the current clinic and every ``lot`` a lot
    of that point's product; raise ``ValidationFailed`` naming each point otherwise
    (``annotations.points[3].product``). Two queries whatever the number of points."""
    points = annotations.get("points", [])
    product_ids = {p["product"] for p in points if p.get("product")}
    lot_ids = {p["lot"] for p in points if p.get("lot")}
    known_products = {
        str(pk) for pk in Product.objects.filter(pk__in=product_ids).values_list("pk", flat=True)
    }
    lot_products = {
        str(pk): str(product_id)
        for pk, product_id in StockLot.objects.filter(pk__in=lot_ids).values_list("pk", "product_id")
    }
    errors: dict[str, list[str]] = {}
    for index, point in enumerate(points):
        product, lot = point.get("product"), point.get("lot")
        if product and product.lower() not in known_products:
            errors[annotation_field(["points", index, "product"])] = [_("Unknown product.")]
        if lot and lot_products.get(lot.lower()) != (product or "").lower():
            errors[annotation_field(["points", index, "lot"])] = [_("Not a lot of this point's product.")]
    if errors:
        raise ValidationFailed(_("The chart annotations are invalid."), errors=errors)
