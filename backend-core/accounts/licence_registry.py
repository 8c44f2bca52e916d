"""Licence registries: who confirms that a professional licence is real and in force.
One adapter, chosen by the setting ``LICENCE_REGISTRY_BACKEND`` (a name below or a
dotted path to a class):

* ``manual`` (default): no registry; the owner's decision stands (they looked the
  licence up in the council's public register and wrote down how, as the evidence note);
* ``http``: a registry service over JSON/HTTP (:class:`HttpLicenceRegistry`).

Every adapter answers ``lookup(council=…, region=…, number=…)`` with a
:class:`RegistryAnswer` whose ``status`` is ``verified`` or ``rejected``, or raises
:class:`RegistryError` when it has no usable answer (timeout, 5xx, garbled body): the
licence is then left as it was. Adapters are called outside any database transaction
(``accounts.services.licence_verify``).
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.module_loading import import_string

from accounts.models import ProfessionalLicence
from core.net import NoRedirect

VERIFIED = ProfessionalLicence.Status.VERIFIED.value
REJECTED = ProfessionalLicence.Status.REJECTED.value


@dataclass(frozen=True)
class RegistryAnswer:
    """``status``: ``verified`` or ``rejected``; ``reference``: the registry's own id of
    the answer, kept with the licence (empty when it gave none)."""

    status: str
    reference: str = ""


class RegistryError(Exception):
    """The registry gave no usable answer; the message says what happened."""


class LicenceRegistry(Protocol):
    def lookup(self, *, council: str, region: str, number: str) -> RegistryAnswer:
        """Whether the licence ``number`` of ``council`` (in ``region``, empty when the
        council is national) is in force."""


class ManualLicenceRegistry:
    """No registry: the owner checked it, so the licence they verify is verified."""

    def lookup(self, *, council: str, region: str, number: str) -> RegistryAnswer:
        return RegistryAnswer(VERIFIED)


class HttpLicenceRegistry:
    """A registry service over JSON/HTTP. The contract it must meet:

    * request: ``POST LICENCE_REGISTRY_HTTP_URL`` with ``Content-Type: application/json``
      (and ``Authorization: Bearer LICENCE_REGISTRY_HTTP_API_KEY`` when the key is set);
      body ``{"council": "CRM", "region": "SP", "number": "178432"}``.
    * answer: 200 with a JSON object ``{"status": …, "reference": "…"}`` where ``status``
      ``active`` means verified and ``inactive``, ``suspended``, ``cancelled`` or
      ``not_found`` mean rejected; 404 also means not found (rejected).
    * anything else (a timeout, no connection, another status code, a body that is not
      such an object, an unknown ``status``) is :class:`RegistryError`.
    """

    ACTIVE = frozenset({"active"})
    INACTIVE = frozenset({"inactive", "suspended", "cancelled", "not_found"})

    def lookup(self, *, council: str, region: str, number: str) -> RegistryAnswer:
        url = settings.LICENCE_REGISTRY_HTTP_URL
        if urlsplit(url).scheme not in ("https", "http"):
            raise RegistryError(f"the registry URL must be http(s), got {url!r}")
        headers = {"Content-Type": "application/json; charset=utf-8", "Accept": "application/json"}
        if settings.LICENCE_REGISTRY_HTTP_API_KEY:
            headers["Authorization"] = f"Bearer {settings.LICENCE_REGISTRY_HTTP_API_KEY}"
        body = json.dumps({"council": council, "region": region, "number": number}).encode()
        request = urllib.request.Request(  # noqa: S310 - scheme checked above
            url, data=body, method="POST", headers=headers
        )
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=settings.LICENCE_REGISTRY_HTTP_TIMEOUT) as response:
                raw = response.read(64_000)
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return RegistryAnswer(REJECTED, "not_found")
            raise RegistryError(f"the registry answered HTTP {exc.code}") from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise RegistryError("the registry did not answer in time") from exc
            raise RegistryError(f"the registry could not be reached ({exc.reason})") from exc
        except TimeoutError as exc:
            raise RegistryError("the registry did not answer in time") from exc
        except (OSError, http.client.HTTPException) as exc:
            raise RegistryError(f"the registry connection failed ({type(exc).__name__})") from exc
        return self.answer_read(raw)

    def answer_read(self, raw: bytes) -> RegistryAnswer:
        """The :class:`RegistryAnswer` of a 200's body ``raw``; raises
        :class:`RegistryError` for a body outside the contract."""
        try:
            answer = json.loads(raw)
        except ValueError as exc:
            raise RegistryError("the registry answered something other than JSON") from exc
        status = answer.get("status") if isinstance(answer, dict) else None
        reference = str(answer.get("reference") or "")[:120] if isinstance(answer, dict) else ""
        if status in self.ACTIVE:
            return RegistryAnswer(VERIFIED, reference)
        if status in self.INACTIVE:
            return RegistryAnswer(REJECTED, reference or str(status))
        raise RegistryError(f"the registry answered an unknown status {status!r}")


BACKENDS = {
    "manual": "accounts.licence_registry.ManualLicenceRegistry",
    "http": "accounts.licence_registry.HttpLicenceRegistry",
}


def licence_registry() -> LicenceRegistry:
    """The registry configured by ``LICENCE_REGISTRY_BACKEND``."""
    name = settings.LICENCE_REGISTRY_BACKEND
    registry: LicenceRegistry = import_string(BACKENDS.get(name, name))()
    return registry
