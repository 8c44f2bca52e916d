"""The audit helper every module of the clinical record's writes uses."""

from __future__ import annotations

from typing import Any

from accounts.models import Clinic, User
from audit.services import audit_event_record


def _audit(
    *,
    clinic: Clinic,
    actor: User | None,
    action: str,
    obj: Any,
    changes: dict[str, list[Any]] | None = None,
) -> None:
    audit_event_record(
        clinic=clinic,
        actor=actor,
        action=action,
        object_type=f"emr.{type(obj).__name__}",
        object_id=obj.pk,
        changes=changes,
    )
