"""Writes of the compliance context: the one sanctioned change of the append-only row
history (erasure).

``history_redact`` rewrites a record's history rows when its subject is erased.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pgtrigger
from django.db import transaction
from django.db.models import Model

from compliance.models import HISTORY_MODELS


@transaction.atomic
def history_redact(*, tracked: type[Model], object_ids: Iterable[Any], values: Mapping[str, Any]) -> int:
    """Overwrite, in every history row of the records ``object_ids`` of the history-tracked
    model ``tracked`` (``compliance.models.HISTORY_MODELS``), the snapshot columns named
    in ``values`` with the given values (those without a column, e.g. the sensitive
    fields history never copies, are skipped). Returns how many rows were rewritten.

    The history tables are append-only (a ``pgtrigger.Protect`` trigger refuses UPDATE and
    DELETE); this is the one path allowed past it, for the right to erasure (LGPD Art. 18
    VI; PDPA s33; GDPR Art. 17): the rows stay, so the record of *who changed the record
    when* (LGPD Art. 37) survives, but they no longer hold what was erased. The trigger is
    ignored for this statement only (``pgtrigger.ignore``, a transaction-local setting
    the trigger reads), inside the caller's transaction, so an erasure that rolls back
    leaves the history untouched. The audit trail (``AuditEvent``) is never rewritten: it
    is hash-chained and never holds the values erasure removes (``AUDIT_MASKED_FIELDS``).
    Raises ``LookupError`` for a model that has no history.
    """
    event_model = next((m for m in HISTORY_MODELS if m.pgh_tracked_model is tracked), None)  # type: ignore[attr-defined]
    if event_model is None:
        raise LookupError(f"{tracked._meta.label} has no history model")
    columns = {f.name for f in event_model._meta.concrete_fields}
    update = {name: value for name, value in values.items() if name in columns}
    if not update:
        return 0
    with pgtrigger.ignore(f"{event_model._meta.label}:append_only"):
        return int(event_model._default_manager.filter(pgh_obj_id__in=list(object_ids)).update(**update))
