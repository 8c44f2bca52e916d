"""Structured JSON logs that never carry a readable phone number, e-mail or national ID.

``PiiMaskingFilter`` rewrites the formatted message and string ``extra`` values before any
handler sees them; ``RequestIdFilter`` stamps each record with the current request id.
"""

from __future__ import annotations

import logging
import re
from contextvars import ContextVar

from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)

_EMAIL = re.compile(r"\b([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b")
# Phone numbers: international (+66 81 555 0101) or local (081-555-0101) forms with at
# least 8 digits; national IDs of 10-13 digits (Thai PIN, Saudi ID, CPF with or without
# punctuation) are caught by the same digit-run rule. An ISO 8601 date (2026-11-23, in
# a query string or a timestamp) is not a phone number: left readable.
_DIGIT_RUN = re.compile(r"(?<![\w.])(?!\d{4}-\d{2}-\d{2}(?!\d))\+?\d[\d\s().-]{6,}\d(?![\w])")


def _mask_digits(match: re.Match[str]) -> str:
    text = match.group(0)
    digits = [c for c in text if c.isdigit()]
    if len(digits) < 8:
        return text
    keep_tail = 4
    masked_count = 0
    out = []
    to_mask = len(digits) - keep_tail - (2 if text.startswith("+") else 1)
    first_kept = True
    for char in text:
        if char.isdigit():
            if first_kept:
                out.append(char)
                first_kept = False
            elif masked_count < to_mask:
                out.append("X")
                masked_count += 1
            else:
                out.append(char)
        else:
            out.append(char)
    return "".join(out)


def mask_pii(text: str) -> str:
    """Mask e-mail addresses and long digit runs (phones, national IDs) in free text."""
    text = _EMAIL.sub(lambda m: f"{m.group(1)}***@{m.group(2)}", text)
    return _DIGIT_RUN.sub(_mask_digits, text)


_STANDARD_ATTRS = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "request_id"}


class PiiMaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_pii(record.getMessage())
        record.args = None
        for key, value in list(record.__dict__.items()):
            if key not in _STANDARD_ATTRS and isinstance(value, str):
                setattr(record, key, mask_pii(value))
        return True


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            request = getattr(record, "request", None)
            record.request_id = getattr(request, "request_id", None) or request_id_var.get()
        return True


class JsonFormatter(_JsonFormatter):
    pass
