"""Helpers shared by the whole-flow tests: free ports and the demo logins ``demo_data``
prints (clinic, role, name, mobile number, password, 2FA)."""

from __future__ import annotations

import re
import socket


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def login_of(output: str, role: str, clinic: str = "") -> tuple[str, str]:
    """Mobile number and password of the first printed ``role`` (at a clinic whose name
    starts with ``clinic``)."""
    for line in output.splitlines():
        cells = re.split(r"\s{2,}", line.strip())
        if role in cells and cells[0].startswith(clinic):
            phone = next(c for c in cells if re.fullmatch(r"\+\d{8,15}", c))
            return phone, cells[cells.index(phone) + 1]
    raise AssertionError(f"no {role} login printed:\n{output}")
