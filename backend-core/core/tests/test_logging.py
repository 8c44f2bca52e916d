import json
import logging

import pytest

from core.logging import JsonFormatter, PiiMaskingFilter, RequestIdFilter, mask_pii


@pytest.mark.parametrize(
    ("raw", "secret"),
    [
        ("call 081-555-0101 today", "555"),
        ("patient +66815550101 booked", "81555"),
        ("cpf 123.456.789-09 on file", "456.789"),
        ("thai id 1101700230708", "10170023"),
        ("mail ploy.srisuk@example.co.th", "ploy.srisuk"),
    ],
)
def test_mask_pii_hides_phones_ids_and_emails(raw, secret):
    masked = mask_pii(raw)
    assert secret not in masked
    assert masked != raw


@pytest.mark.parametrize(
    "text",
    [
        "GET /api/v1/calendar/appointments/availability?date_from=2026-11-22&date_to=2026-11-22",
        "at 2026-11-21 14:20:17,620 the relay ran",
    ],
)
def test_mask_leaves_dates_readable(text):
    assert mask_pii(text) == text


def test_a_phone_written_after_a_date_is_still_masked():
    assert "555" not in mask_pii("2026-11-21 call 081-555-0101")


def test_mask_keeps_the_tail_for_support():
    assert mask_pii("081-555-0101").endswith("0101")


def test_json_log_line_is_masked_and_has_request_id(capsys):
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s"))
    handler.addFilter(RequestIdFilter())
    handler.addFilter(PiiMaskingFilter())
    logger = logging.getLogger("test.pii")
    logger.addHandler(handler)
    try:
        logger.warning("login failed for %s", "+66815550101", extra={"email": "a.b@example.com"})
    finally:
        logger.removeHandler(handler)
    line = json.loads(capsys.readouterr().err.strip())
    assert "81555" not in line["message"] and line["message"].endswith("0101")
    assert line["email"] == "a***@example.com"
    assert "request_id" in line
