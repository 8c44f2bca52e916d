"""The provider adapters against real local servers: an HTTP server and an SMTP server,
each on 127.0.0.1 with an ephemeral port, in a thread of the test process."""

from __future__ import annotations

import json
import socket
import socketserver
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from notifications.adapters import (
    Attachment,
    ConsoleAdapter,
    FileAdapter,
    HttpSmsAdapter,
    Message,
    PermanentDeliveryError,
    SmtpEmailAdapter,
    TransientDeliveryError,
    WhatsAppCloudAdapter,
    get_adapter,
)

SMS = Message(
    channel="sms", to="+66815550101", body="สวัสดี reminder", idempotency_key="appointment:1:reminder:24h"
)


# ----------------------------------------------------------------------------- HTTP


@dataclass
class Provider:
    """What the fake provider answers next, and what it was asked."""

    url: str
    status: int = 200
    answer: Any = field(default_factory=lambda: {"id": "msg-1"})
    delay: float = 0.0
    requests: list[dict[str, Any]] = field(default_factory=list)


@pytest.fixture
def provider() -> Iterator[Provider]:
    state = Provider(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            state.requests.append(
                {"path": self.path, "headers": dict(self.headers), "json": json.loads(body)}
            )
            time.sleep(state.delay)
            payload = json.dumps(state.answer).encode()
            try:
                self.send_response(state.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def sms_gateway(settings, provider: Provider) -> Provider:
    settings.NOTIFICATIONS_SMS_ADAPTER = "http"
    settings.NOTIFICATIONS_SMS_HTTP_URL = f"{provider.url}/v1/messages"
    settings.NOTIFICATIONS_SMS_HTTP_API_KEY = "sms-key"
    settings.NOTIFICATIONS_SMS_SENDER = "Aesthetix"
    settings.NOTIFICATIONS_HTTP_TIMEOUT = 0.5
    return provider


@pytest.fixture
def whatsapp(settings, provider: Provider) -> Provider:
    settings.NOTIFICATIONS_WHATSAPP_ADAPTER = "whatsapp_cloud"
    settings.NOTIFICATIONS_WHATSAPP_GRAPH_URL = provider.url + "/"
    settings.NOTIFICATIONS_WHATSAPP_API_VERSION = "v21.0"
    settings.NOTIFICATIONS_WHATSAPP_PHONE_NUMBER_ID = "1234567890"
    settings.NOTIFICATIONS_WHATSAPP_TOKEN = "wa-token"
    settings.NOTIFICATIONS_HTTP_TIMEOUT = 0.5
    provider.answer = {
        "messaging_product": "whatsapp",
        "contacts": [{"input": "+66815550101", "wa_id": "66815550101"}],
        "messages": [{"id": "wamid.HBgLNjY4MTU1NTAxMDEVAgARGBI"}],
    }
    return provider


def test_channel_settings_pick_the_adapter(sms_gateway, whatsapp):
    assert isinstance(get_adapter("sms"), HttpSmsAdapter)
    assert isinstance(get_adapter("whatsapp"), WhatsAppCloudAdapter)
    with pytest.raises(PermanentDeliveryError):
        get_adapter("pigeon")


def test_sms_gateway_gets_the_contract_and_its_id_is_the_reference(sms_gateway):
    assert get_adapter("sms").send(SMS) == "msg-1"
    [request] = sms_gateway.requests
    assert request["path"] == "/v1/messages"
    assert request["headers"]["Authorization"] == "Bearer sms-key"
    assert request["headers"]["Idempotency-Key"] == "appointment:1:reminder:24h"
    assert request["json"] == {
        "to": "+66815550101",
        "text": "สวัสดี reminder",
        "reference": "appointment:1:reminder:24h",
        "from": "Aesthetix",
    }


def test_sms_gateway_message_id_field_is_accepted(sms_gateway):
    sms_gateway.answer = {"message_id": 42}
    assert HttpSmsAdapter().send(SMS) == "42"


@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_sms_gateway_5xx_and_429_are_transient(sms_gateway, status):
    sms_gateway.status, sms_gateway.answer = status, {"error": "busy"}
    with pytest.raises(TransientDeliveryError, match=str(status)):
        HttpSmsAdapter().send(SMS)


@pytest.mark.parametrize("status", [400, 401, 404, 422])
def test_sms_gateway_4xx_is_permanent(sms_gateway, status):
    sms_gateway.status, sms_gateway.answer = status, {"error": "invalid number"}
    with pytest.raises(PermanentDeliveryError, match="invalid number"):
        HttpSmsAdapter().send(SMS)


def test_a_slow_sms_gateway_times_out_as_transient(sms_gateway):
    sms_gateway.delay = 2.0
    started = time.monotonic()
    with pytest.raises(TransientDeliveryError):
        HttpSmsAdapter().send(SMS)
    assert time.monotonic() - started < 1.5


def test_a_200_without_an_id_is_permanent(sms_gateway):
    sms_gateway.answer = {"ok": True}
    with pytest.raises(PermanentDeliveryError, match="message id"):
        HttpSmsAdapter().send(SMS)


def test_a_gateway_that_is_down_is_transient(settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.NOTIFICATIONS_SMS_HTTP_URL = f"http://127.0.0.1:{port}/v1/messages"
    with pytest.raises(TransientDeliveryError):
        HttpSmsAdapter().send(SMS)


def test_whatsapp_cloud_api_request_and_reference(whatsapp):
    message = Message(channel="whatsapp", to="+66815550101", body="Hi Somchai", idempotency_key="k")
    assert get_adapter("whatsapp").send(message) == "wamid.HBgLNjY4MTU1NTAxMDEVAgARGBI"
    [request] = whatsapp.requests
    assert request["path"] == "/v21.0/1234567890/messages"
    assert request["headers"]["Authorization"] == "Bearer wa-token"
    assert request["json"]["messaging_product"] == "whatsapp"
    assert request["json"]["to"] == "+66815550101"
    assert request["json"]["type"] == "text"
    assert request["json"]["text"]["body"] == "Hi Somchai"


def test_whatsapp_errors_are_classified(whatsapp):
    message = Message(channel="whatsapp", to="+66815550101", body="Hi", idempotency_key="k")
    whatsapp.status = 400
    whatsapp.answer = {"error": {"message": "Re-engagement message", "code": 131047}}
    with pytest.raises(PermanentDeliveryError, match="131047"):
        WhatsAppCloudAdapter().send(message)
    whatsapp.status = 500
    with pytest.raises(TransientDeliveryError):
        WhatsAppCloudAdapter().send(message)
    whatsapp.status, whatsapp.delay = 200, 2.0
    with pytest.raises(TransientDeliveryError):
        WhatsAppCloudAdapter().send(message)


def test_whatsapp_answer_without_messages_is_permanent(whatsapp):
    whatsapp.answer = {"messaging_product": "whatsapp", "messages": []}
    with pytest.raises(PermanentDeliveryError):
        WhatsAppCloudAdapter().send(
            Message(channel="whatsapp", to="+66815550101", body="Hi", idempotency_key="k")
        )


# ----------------------------------------------------------------------------- SMTP


@dataclass
class Mailbox:
    port: int
    rcpt_reply: bytes = b"250 OK"
    messages: list[dict[str, Any]] = field(default_factory=list)


class _SmtpHandler(socketserver.StreamRequestHandler):
    """One session with the test SMTP server of ``smtp_server``: replies, and keeps each
    message in the server's ``Mailbox``."""

    server: _SmtpServer

    def reply(self, line: bytes) -> None:
        self.wfile.write(line + b"\r\n")

    def handle(self) -> None:
        self.reply(b"220 localhost test SMTP")
        sender, recipients = "", []
        while line := self.rfile.readline():
            command = line.strip().decode()
            verb = command.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                self.reply(b"250 localhost")
            elif verb == "MAIL":
                sender = command.split(":", 1)[1].strip()
                self.reply(b"250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip())
                self.reply(self.server.box.rcpt_reply)
            elif verb == "DATA":
                self.reply(b"354 End data with <CR><LF>.<CR><LF>")
                data = b""
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                self.server.box.messages.append({"from": sender, "to": recipients, "data": data})
                self.reply(b"250 OK queued")
            elif verb == "RSET":
                sender, recipients = "", []
                self.reply(b"250 OK")
            elif verb == "QUIT":
                self.reply(b"221 Bye")
                return
            else:
                self.reply(b"502 Command not implemented")


class _SmtpServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, box: Mailbox) -> None:
        self.box = box
        super().__init__(("127.0.0.1", 0), _SmtpHandler)


@pytest.fixture
def smtp_server(settings) -> Iterator[Mailbox]:
    """A minimal SMTP server (RFC 5321 subset: EHLO/HELO, MAIL, RCPT, DATA, RSET, QUIT)."""
    box = Mailbox(port=0)
    server = _SmtpServer(box)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    box.port = server.server_address[1]
    settings.NOTIFICATIONS_EMAIL_ADAPTER = "smtp"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", box.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 2
    settings.DEFAULT_FROM_EMAIL = "Siam Aesthetics <no-reply@clinic.test>"
    try:
        yield box
    finally:
        server.shutdown()
        server.server_close()


EMAIL = Message(
    channel="email",
    to="somchai@example.com",
    subject="แจ้งเตือนนัดหมาย Siam Aesthetics",
    body="คุณSomchai ขอเตือนนัดหมาย Botox",
    idempotency_key="appointment:1:reminder:24h",
)


def test_smtp_delivers_the_mail_and_its_message_id_is_the_reference(smtp_server):
    reference = get_adapter("email").send(EMAIL)
    [received] = smtp_server.messages
    assert received["to"] == ["<somchai@example.com>"]
    assert received["from"] == "<no-reply@clinic.test>"
    mail = message_from_bytes(received["data"], policy=policy.default)
    assert mail["Subject"].strip() == "แจ้งเตือนนัดหมาย Siam Aesthetics"
    assert mail.get_content().strip() == "คุณSomchai ขอเตือนนัดหมาย Botox"
    assert mail["Message-ID"] == f"<{reference}>" and reference.endswith("@clinic.test")


PDF = Attachment(
    filename="INV-2026-000001.pdf", content=b"%PDF-1.7 test document", mimetype="application/pdf"
)


def test_smtp_sends_an_attachment_as_a_mime_part(smtp_server):
    get_adapter("email").send(Message(**{**EMAIL.__dict__, "attachments": (PDF,)}))
    [received] = smtp_server.messages
    mail = message_from_bytes(received["data"], policy=policy.default)
    assert mail.get_body(("plain",)).get_content().strip() == "คุณSomchai ขอเตือนนัดหมาย Botox"
    [part] = list(mail.iter_attachments())
    assert part.get_filename() == "INV-2026-000001.pdf"
    assert part.get_content_type() == "application/pdf"
    assert part.get_content() == b"%PDF-1.7 test document"


def test_the_file_adapter_writes_the_attachment_next_to_its_line(tmp_path):
    outbox = tmp_path / "outbox.jsonl"
    FileAdapter(outbox).send(Message(**{**EMAIL.__dict__, "attachments": (PDF,)}))
    [line] = [json.loads(row) for row in outbox.read_text().splitlines()]
    [described] = line["attachments"]
    assert described["filename"] == "INV-2026-000001.pdf" and described["size"] == len(PDF.content)
    assert (tmp_path / described["path"]).read_bytes() == PDF.content
    assert (tmp_path / described["path"]).parent.parent == tmp_path / "attachments"


def test_the_console_adapter_names_the_attachment(capsys):
    ConsoleAdapter().send(Message(**{**EMAIL.__dict__, "attachments": (PDF,)}))
    assert "INV-2026-000001.pdf (application/pdf, 22 bytes)" in capsys.readouterr().out


def test_smtp_5xx_recipient_refusal_is_permanent(smtp_server):
    smtp_server.rcpt_reply = b"550 5.1.1 No such user"
    with pytest.raises(PermanentDeliveryError):
        SmtpEmailAdapter().send(EMAIL)


def test_smtp_4xx_recipient_refusal_is_transient(smtp_server):
    smtp_server.rcpt_reply = b"451 4.3.0 Try again later"
    with pytest.raises(TransientDeliveryError):
        SmtpEmailAdapter().send(EMAIL)


def test_smtp_server_down_is_transient(smtp_server, settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        settings.EMAIL_PORT = sock.getsockname()[1]
    with pytest.raises(TransientDeliveryError):
        SmtpEmailAdapter().send(EMAIL)
