"""Reads of the audit context: the audit trail, one record's access history, and the
verification of the hash chains."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter
from typing import Literal

from django.db.models import Max, Min, QuerySet

from audit.models import GENESIS_HASH, AuditEvent, audit_event_hash

VIEW_ACTION_SUFFIX = ".viewed"


def audit_event_list() -> QuerySet[AuditEvent]:
    """The current clinic's audit events (tenant-scoped manager: needs a clinic
    context), newest first, with their actors."""
    return AuditEvent.objects.select_related("actor").order_by("-sequence")


def object_access_history(*, object_type: str, object_id: object) -> QuerySet[AuditEvent]:
    """Who opened one record, and when: the current clinic's ``*.viewed`` events of the
    record ``object_type`` / ``object_id`` (e.g. ``"patients.ClinicPatient"``, its id),
    newest first, with their actors. The patient API shows it as "who opened my chart"
    (the data subject's right of access: LGPD Art. 9 and 18 II; PDPA s30)."""
    return (
        AuditEvent.objects.select_related("actor")
        .filter(object_type=object_type, object_id=str(object_id), action__endswith=VIEW_ACTION_SUFFIX)
        .order_by("-sequence")
    )


Problem = Literal["sequence_gap", "prev_hash_mismatch", "hash_mismatch"]


@dataclass(frozen=True)
class ChainBreak:
    """The first broken link of a clinic's chain.

    ``problem``: ``sequence_gap`` (``expected``/``found`` are sequence numbers: events
    were deleted, or inserted out of band), ``prev_hash_mismatch`` (the event does not
    point at the previous event's hash: an event before it was removed or replaced) or
    ``hash_mismatch`` (the event's stored hash is not the hash of its content: the row
    was edited). ``event_id`` is the event where the break shows."""

    clinic_id: uuid.UUID
    sequence: int
    event_id: uuid.UUID
    problem: Problem
    expected: str
    found: str

    def __str__(self) -> str:
        return (
            f"clinic {self.clinic_id}: broken at sequence {self.sequence} (event {self.event_id}): "
            f"{self.problem.replace('_', ' ')}: expected {self.expected}, found {self.found}"
        )


@dataclass(frozen=True)
class ChainReport:
    """The result of walking one clinic's chain: ``events`` checked up to (and
    including) the first break, the last good ``head_hash``, and ``first_break``."""

    clinic_id: uuid.UUID
    events: int
    head_hash: str
    first_break: ChainBreak | None

    @property
    def intact(self) -> bool:
        return self.first_break is None


def _walk(
    clinic_id: uuid.UUID,
    events: Iterable[AuditEvent],
    *,
    expected_sequence: int = 1,
    prev_hash: str = GENESIS_HASH,
) -> ChainReport:
    count = 0
    for event in events:
        count += 1
        problem: tuple[Problem, str, str] | None = None
        recomputed = audit_event_hash(event)
        if event.sequence != expected_sequence:
            problem = ("sequence_gap", str(expected_sequence), str(event.sequence))
        elif event.prev_hash != prev_hash:
            problem = ("prev_hash_mismatch", prev_hash, event.prev_hash)
        elif event.hash != recomputed:
            problem = ("hash_mismatch", recomputed, event.hash)
        if problem is not None:
            return ChainReport(
                clinic_id, count, prev_hash, ChainBreak(clinic_id, event.sequence, event.id, *problem)
            )
        expected_sequence, prev_hash = event.sequence + 1, event.hash
    return ChainReport(clinic_id, count, prev_hash, None)


def audit_chain_verify(*, clinic_id: uuid.UUID | None = None, chunk_size: int = 2000) -> list[ChainReport]:
    """Walk every clinic's audit chain (or only ``clinic_id``'s) in sequence order and
    recompute each event's hash; one :class:`ChainReport` per clinic that has events
    (and one, empty and intact, for a ``clinic_id`` that has none).

    Reports the FIRST broken link of each clinic: a sequence that is not the previous
    plus one (the first is 1), a ``prev_hash`` that is not the previous event's hash
    (64 zeros for the first), or a stored hash that is not the hash of the row
    (``audit.models.audit_event_canonical``). Reads every clinic (platform job:
    ``AuditEvent.unscoped``), streaming ``chunk_size`` rows at a time.

    A chain shows edits, deletions and insertions anywhere but at its end: cutting off
    the newest events leaves a shorter, valid chain. Compare ``head_hash`` and
    ``events`` with a copy kept elsewhere to detect that. (Tamper evidence for the
    record of processing operations: LGPD Art. 37; PDPA s39.)
    """
    rows = AuditEvent.unscoped.order_by("clinic_id", "sequence")
    if clinic_id is not None:
        rows = rows.filter(clinic_id=clinic_id)
    reports = [
        _walk(chain_clinic_id, chain)
        for chain_clinic_id, chain in groupby(
            rows.iterator(chunk_size=chunk_size), key=attrgetter("clinic_id")
        )
    ]
    if clinic_id is not None and not reports:
        reports.append(ChainReport(clinic_id, 0, GENESIS_HASH, None))
    return reports


@dataclass(frozen=True)
class SpanReport:
    """The result of checking the events of one clinic between two instants:
    ``first_sequence``/``last_sequence`` of the span (``None`` when it holds no event),
    ``events`` checked up to (and including) the first break, and ``first_break``."""

    first_sequence: int | None
    last_sequence: int | None
    events: int
    first_break: ChainBreak | None

    @property
    def intact(self) -> bool:
        return self.first_break is None


def audit_chain_verify_span(
    *,
    clinic_id: uuid.UUID,
    occurred_from: dt.datetime | None = None,
    occurred_to: dt.datetime | None = None,
    chunk_size: int = 2000,
) -> SpanReport:
    """Check the links of clinic ``clinic_id``'s chain for the events that occurred in
    ``[occurred_from, occurred_to)`` (either end open when ``None``): every event from the
    span's first sequence to its last, in sequence order, the first one against the
    stored hash of the event just before the span (64 zeros when the span starts the
    chain). The same checks as :func:`audit_chain_verify` (sequence gap, ``prev_hash``
    mismatch, stored hash not the row's hash), reporting the first broken link.

    What this cannot see: a break before the span (unless it is the link into the span)
    and events cut off the end of the chain; ``manage.py verify_audit_chain`` walks the
    whole chain. Reads one clinic explicitly (``AuditEvent.unscoped`` + ``clinic_id``).
    """
    rows = AuditEvent.unscoped.filter(clinic_id=clinic_id)
    in_span = rows
    if occurred_from is not None:
        in_span = in_span.filter(occurred_at__gte=occurred_from)
    if occurred_to is not None:
        in_span = in_span.filter(occurred_at__lt=occurred_to)
    bounds = in_span.aggregate(first=Min("sequence"), last=Max("sequence"))
    first, last = bounds["first"], bounds["last"]
    if first is None:
        return SpanReport(None, None, 0, None)
    expected, prev_hash = 1, GENESIS_HASH
    if first > 1:
        before = rows.filter(sequence__lt=first).order_by("-sequence").values_list("sequence", "hash").first()
        if before is not None:
            expected, prev_hash = before[0] + 1, before[1]
    walked = _walk(
        clinic_id,
        rows.filter(sequence__gte=first, sequence__lte=last)
        .order_by("sequence")
        .iterator(chunk_size=chunk_size),
        expected_sequence=expected,
        prev_hash=prev_hash,
    )
    return SpanReport(first, last, walked.events, walked.first_break)
