"""The API's one request parser: JSON, refusing what no field can hold.

DRF's ``JSONParser`` lets through three things that later fail deep inside the stack as
a 500: a document nested deeper than Python's recursion limit (``RecursionError`` while
decoding), the NUL character (PostgreSQL's ``text`` and ``jsonb`` cannot store U+0000)
and lone UTF-16 surrogates such as ``"\\ud800"`` (not encodable as UTF-8, so neither
storable nor renderable in an error message). They are refused here, once for every
field, as a 400 naming where they are (``owner.given_name``, ``lines.0.note``).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError, ValidationError

# Deeper than any document the API takes (face-chart annotations are the deepest, ~4).
MAX_DEPTH = 32


def _bad_text(text: str) -> str | None:
    if "\x00" in text:
        return str(_("The NUL character (U+0000) is not allowed."))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return str(_("Not valid Unicode text (a lone surrogate)."))
    return None


def refused_values(data: Any) -> dict[str, list[str]]:
    """``{"a.0.b": [message]}`` for every string (value or key) in the decoded JSON
    ``data`` that cannot be stored, and for nesting deeper than ``MAX_DEPTH``. Walks
    without recursion, so any depth the decoder accepted is safe to inspect."""
    problems: dict[str, list[str]] = {}
    stack: list[tuple[str, Any, int]] = [("", data, 0)]
    while stack:
        path, value, depth = stack.pop()
        name = path or "non_field_errors"
        if depth > MAX_DEPTH:
            problems.setdefault(name, []).append(str(_("Nested too deeply.")))
            continue
        if isinstance(value, str):
            message = _bad_text(value)
            if message:
                problems.setdefault(name, []).append(message)
        elif isinstance(value, dict):
            for key, item in value.items():
                key_problem = _bad_text(key)
                child = f"{path}.{key}" if path else key
                if key_problem:
                    problems.setdefault(path or "non_field_errors", []).append(key_problem)
                    continue
                stack.append((child, item, depth + 1))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                stack.append((f"{path}.{index}" if path else str(index), item, depth + 1))
    return problems


class JSONParser(parsers.JSONParser):
    """``rest_framework.parsers.JSONParser`` plus the checks of ``refused_values``."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError(_("JSON parse error - nested too deeply.")) from exc
        problems = refused_values(data)
        if problems:
            raise ValidationError(problems)
        return data
