"""Writes of the reporting context: the daily figures, rebuilt from the other contexts'
selectors. A refresh of a range of days deletes and rewrites those days' rows in one
transaction, so running it again (beat, a retried task, the backfill) gives the same rows."""

from __future__ import annotations

import datetime as dt
import tempfile
import uuid
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from accounts.models import Clinic, User
from audit.services import audit_event_record
from commerce import selectors as commerce_selectors
from commissions import selectors as commission_selectors
from core.exceptions import Conflict, ValidationFailed
from core.objectstore import object_store
from core.tasks import enqueue_on_commit
from core.tenancy import clinic_context
from reporting.exports import CONTENT_TYPES, PDF_MAX_ROWS, WRITERS, TooManyRowsForPdf
from reporting.models import (
    DailyClinicFigures,
    DailyItemFigures,
    DailyPractitionerFigures,
    DailyRoomFigures,
    ReportRun,
)
from reporting.reports import CHUNK_ROWS, KINDS
from reporting.reports import Period as ReportPeriod
from scheduling import selectors as scheduling_selectors
from scheduling.selectors import AppointmentFact

# Longest range one refresh rewrites; the backfill walks longer ranges in such chunks.
REFRESH_MAX_DAYS = 92
# Gaps (days) told apart in ``patient_gaps``/``completed_followups``; longer ones count
# as "longer than any period the dashboard answers" (``selectors.RANGE_MAX_DAYS``).
GAP_MAX_DAYS = 366
USED = "used"  # DailyItemFigures.kind of products consumed in treatments

CANCELLED = "cancelled"
COMPLETED = "completed"
NO_SHOW = "no_show"


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]


class _Counts:
    """Appointment counts and patients of one clinic-day or practitioner-day."""

    def __init__(self) -> None:
        self.appointments = self.completed = self.no_shows = 0
        self.late_cancellations = self.cancellations = self.booked_minutes = 0
        self.first: set[uuid.UUID] = set()
        self.seen: set[uuid.UUID] = set()

    def add(self, fact: AppointmentFact) -> None:
        self.appointments += 1
        if fact.status == CANCELLED:
            self.cancellations += 1
            self.late_cancellations += int(fact.late_cancellation)
            return
        self.completed += int(fact.status == COMPLETED)
        self.no_shows += int(fact.status == NO_SHOW)
        self.booked_minutes += fact.minutes
        self.seen.add(fact.patient_id)
        if fact.first_visit:
            self.first.add(fact.patient_id)

    def fields(self) -> dict[str, int]:
        return {
            "appointments": self.appointments,
            "completed": self.completed,
            "no_shows": self.no_shows,
            "late_cancellations": self.late_cancellations,
            "cancellations": self.cancellations,
            "new_patients": len(self.first),
            "returning_patients": len(self.seen - self.first),
        }


def _beyond(gaps: list[tuple[int | None, Any]], width: int = 1) -> list[Any]:
    """``[k] = `` the sum of the values whose gap is longer than ``k`` days (``None``:
    longer than any), for k = 0.. until it stops changing (the last entry stands for every
    longer k). ``width`` 2 sums pairs."""
    longest = max((g for g, _v in gaps if g is not None), default=-1)
    result: list[Any] = []
    for k in range(min(longest, GAP_MAX_DAYS) + 1 + 1):
        values = [v for g, v in gaps if g is None or g > k]
        result.append(sum(values) if width == 1 else [sum(v[i] for v in values) for i in range(width)])
    return result


def _patient_figures(
    clinic: Clinic, start: dt.date, end: dt.date
) -> dict[dt.date, tuple[list[Any], list[Any]]]:
    """Per day: ``patient_gaps`` and ``completed_followups`` (see ``DailyClinicFigures``)."""
    seen_gaps: dict[dt.date, list[tuple[int | None, Any]]] = defaultdict(list)
    next_gaps: dict[dt.date, list[tuple[int | None, Any]]] = defaultdict(list)
    for seen in scheduling_selectors.patient_days(clinic=clinic, start=start, end=end):
        seen_gaps[seen.day].append((seen.days_since, 1))
        if seen.completed:
            next_gaps[seen.day].append((seen.days_to_next_completed, (1, int(seen.rebooked))))
    return {
        day: (_beyond(seen_gaps[day]), _beyond(next_gaps[day], width=2) if next_gaps[day] else [])
        for day in seen_gaps
    }


def _practitioner_rows(
    *,
    clinic: Clinic,
    days: list[dt.date],
    counts: dict[tuple[dt.date, uuid.UUID], _Counts],
    sales: dict[tuple[dt.date, uuid.UUID], Decimal],
    commissions: dict[tuple[dt.date, uuid.UUID], Decimal],
    rooms: list[DailyRoomFigures],
) -> list[DailyPractitionerFigures]:
    """The practitioner-days; appends the room-days (they share the hours) to ``rooms``."""
    scheduled = scheduling_selectors.scheduled_practitioner_ids()
    everyone = sorted(
        {*scheduled, *(p for _d, p in counts), *(p for _d, p in sales), *(p for _d, p in commissions)},
        key=str,
    )
    hours = scheduling_selectors.hours_load(
        clinic=clinic, practitioner_ids=everyone, date_from=days[0], date_to=days[-1]
    )
    rooms.extend(
        DailyRoomFigures(
            clinic=clinic,
            date=room.day,
            room_id=room.room_id,
            name=room.name[:100],
            booked_minutes=room.booked_minutes,
            available_minutes=room.available_minutes,
        )
        for room in scheduling_selectors.room_days(
            clinic=clinic, days=days, hours=hours, practitioner_ids=everyone
        )
    )
    rows = []
    for day in days:
        available = scheduling_selectors.available_minutes(practitioner_ids=everyone, day=day, hours=hours)
        for practitioner in everyone:
            count = counts.get((day, practitioner), _Counts())
            row = DailyPractitionerFigures(
                clinic=clinic,
                date=day,
                practitioner_id=practitioner,
                net_sales=sales.get((day, practitioner), Decimal(0)),
                booked_minutes=count.booked_minutes,
                available_minutes=available[practitioner],
                commission_cost=commissions.get((day, practitioner), Decimal(0)),
                **count.fields(),
            )
            if row.appointments or row.available_minutes or row.net_sales or row.commission_cost:
                rows.append(row)
    return rows


@transaction.atomic
def daily_figures_refresh(*, clinic: Clinic, start: dt.date, end: dt.date) -> int:
    """Rebuild the daily figures of ``clinic`` for its local days ``start`` to ``end``
    (both included; at most ``REFRESH_MAX_DAYS``): one ``DailyClinicFigures`` per day
    (zeros included, so a day without activity reads as zero, not as missing), one
    ``DailyPractitionerFigures`` per practitioner with hours, appointments, sales or
    commissions that day, one ``DailyItemFigures`` per item sold and per product
    consumed (kind ``used``), one ``DailyRoomFigures`` per room open or booked.
    Idempotent. Returns the number of rows written. Raises ``ValueError`` for a
    reversed or too long range."""
    if end < start or (end - start).days >= REFRESH_MAX_DAYS:
        raise ValueError(f"refresh range {start}..{end} is reversed or longer than {REFRESH_MAX_DAYS} days")
    days = _days(start, end)
    with clinic_context(clinic):
        ledger = commerce_selectors.ledger_daily_totals(clinic=clinic, start=start, end=end)
        sales = commerce_selectors.sales_daily_totals(clinic=clinic, start=start, end=end)
        items = commerce_selectors.sale_items_daily(clinic=clinic, start=start, end=end)
        credited = commerce_selectors.practitioner_sales_daily(clinic=clinic, start=start, end=end)
        commissions = commission_selectors.commission_cost_daily(clinic=clinic, start=start, end=end)
        day_counts: dict[dt.date, _Counts] = defaultdict(_Counts)
        practitioner_counts: dict[tuple[dt.date, uuid.UUID], _Counts] = defaultdict(_Counts)
        for fact in scheduling_selectors.appointment_facts(clinic=clinic, start=start, end=end):
            day_counts[fact.day].add(fact)
            practitioner_counts[(fact.day, fact.practitioner_id)].add(fact)
        patients = _patient_figures(clinic, start, end)
        commission_days: dict[dt.date, Decimal] = defaultdict(Decimal)
        for (day, _practitioner), amount in commissions.items():
            commission_days[day] += amount
        clinic_rows = []
        for day in days:
            money = ledger.get(day, commerce_selectors.LedgerDay())
            count, total = sales.get(day, (0, Decimal(0)))
            gaps, followups = patients.get(day, ([], []))
            clinic_rows.append(
                DailyClinicFigures(
                    clinic=clinic,
                    date=day,
                    currency=clinic.currency,
                    cash_received=money.cash_received,
                    revenue_recognized=money.revenue_recognized,
                    deferred_revenue=money.deferred_revenue,
                    sales_count=count,
                    sales_total=total,
                    commission_cost=commission_days.get(day, Decimal(0)),
                    breakage=money.breakage,
                    patient_gaps=gaps,
                    completed_followups=followups,
                    **day_counts.get(day, _Counts()).fields(),
                )
            )
        room_rows: list[DailyRoomFigures] = []
        practitioner_rows = _practitioner_rows(
            clinic=clinic,
            days=days,
            counts=practitioner_counts,
            sales=credited,
            commissions=commissions,
            rooms=room_rows,
        )
        item_rows = [
            DailyItemFigures(
                clinic=clinic,
                date=item.day,
                kind=item.kind,
                item_id=item.item_id,
                name=item.name[:200],
                quantity=item.quantity,
                net_amount=item.net_amount,
            )
            for item in items
        ]
        item_rows.extend(
            DailyItemFigures(
                clinic=clinic,
                date=used.day,
                kind=USED,
                item_id=used.product_id,
                name=used.name[:200],
                quantity=used.quantity,
                net_amount=used.value,
            )
            for used in commerce_selectors.stock_used_daily(clinic=clinic, start=start, end=end)
        )
        for model in (DailyClinicFigures, DailyPractitionerFigures, DailyItemFigures, DailyRoomFigures):
            model.objects.filter(date__gte=start, date__lte=end).delete()
        DailyClinicFigures.objects.bulk_create(clinic_rows)
        DailyPractitionerFigures.objects.bulk_create(practitioner_rows)
        DailyItemFigures.objects.bulk_create(item_rows)
        DailyRoomFigures.objects.bulk_create(room_rows)
    return len(clinic_rows) + len(practitioner_rows) + len(item_rows) + len(room_rows)


def daily_figures_backfill(*, clinic: Clinic, start: dt.date, end: dt.date) -> int:
    """``daily_figures_refresh`` over any range, in chunks of ``REFRESH_MAX_DAYS`` (one
    transaction each). Returns the rows written."""
    written = 0
    chunk_start = start
    while chunk_start <= end:
        chunk_end = min(end, chunk_start + dt.timedelta(days=REFRESH_MAX_DAYS - 1))
        written += daily_figures_refresh(clinic=clinic, start=chunk_start, end=chunk_end)
        chunk_start = chunk_end + dt.timedelta(days=1)
    return written


# --------------------------------------------------------------------- report runs

# Longest period one report covers (a leap year's whole year).
REPORT_MAX_DAYS = 366
REPORT_AUDIT_TYPE = "reporting.ReportRun"


def _run_audit(run: ReportRun, *, actor: User | None, action: str, **changes: Any) -> None:
    audit_event_record(
        clinic=run.clinic,
        actor=actor,
        action=action,
        object_type=REPORT_AUDIT_TYPE,
        object_id=run.pk,
        changes={"kind": [None, run.kind], "format": [None, run.format], **changes},
    )


@transaction.atomic
def report_run_request(
    *,
    clinic: Clinic,
    actor: User,
    kind: str,
    format: str,
    date_from: dt.date,
    date_to: dt.date,
    language: str,
    idempotency_key: str = "",
) -> tuple[ReportRun, bool]:
    """Queue report ``kind`` (``reporting.reports.KINDS``) of ``clinic``'s local days
    ``date_from``..``date_to`` as ``format`` (csv, xlsx, pdf) with headers in
    ``language``; the worker writes it after the commit (``tasks.report_run_generate``).
    Returns ``(run, created)``: a non-empty ``idempotency_key`` already used at the clinic
    answers that first run (``created`` False). Audited as ``report.requested``. Raises
    ``ValidationFailed`` naming ``kind``, ``format``, ``date_to`` (before ``date_from``)
    or ``date_from`` (a period longer than ``REPORT_MAX_DAYS``)."""
    from reporting import tasks

    if idempotency_key:
        existing = ReportRun.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing, False
    if kind not in KINDS:
        raise ValidationFailed(errors={"kind": [_("Choose a report kind.")]})
    if format not in ReportRun.Format.values:
        raise ValidationFailed(errors={"format": [_("Choose CSV, XLSX or PDF.")]})
    if date_to < date_from:
        raise ValidationFailed(errors={"date_to": [_("The last day is before the first.")]})
    if (date_to - date_from).days + 1 > REPORT_MAX_DAYS:
        raise ValidationFailed(
            errors={"date_from": [_("At most %(days)s days at once.") % {"days": REPORT_MAX_DAYS}]}
        )
    run = ReportRun(
        clinic=clinic,
        requested_by=actor,
        kind=kind,
        format=format,
        date_from=date_from,
        date_to=date_to,
        language=language,
        idempotency_key=idempotency_key,
    )
    run.full_clean()
    run.save()
    _run_audit(run, actor=actor, action="report.requested", period=[None, f"{date_from}..{date_to}"])
    enqueue_on_commit(tasks.report_run_generate, clinic_id=str(clinic.pk), run_id=str(run.pk))
    return run, True


@transaction.atomic
def report_run_cancel(*, run: ReportRun, actor: User) -> ReportRun:
    """Cancel ``run`` while it is queued or running (the worker stops at its next chunk
    and keeps no file). Audited as ``report.cancelled``. Raises ``Conflict``
    (``report_finished``) when it is already done, failed or cancelled."""
    locked = ReportRun.objects.select_for_update().get(pk=run.pk)
    if locked.status in ReportRun.FINISHED:
        raise Conflict(_("This report has already finished."), code="report_finished")
    locked.status, locked.finished_at = ReportRun.Status.CANCELLED, timezone.now()
    locked.save(update_fields=["status", "finished_at", "updated_at"])
    _run_audit(locked, actor=actor, action="report.cancelled")
    return locked


def report_run_fail(*, run_id: uuid.UUID | str, error: str) -> None:
    """Mark a queued or running run ``failed`` with ``error`` (the task gave up)."""
    ReportRun.objects.filter(
        pk=run_id, status__in=[ReportRun.Status.QUEUED, ReportRun.Status.RUNNING]
    ).update(
        status=ReportRun.Status.FAILED,
        error=error[:500],
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )


def _progress(run: ReportRun, done: int) -> bool:
    """Record ``done`` rows; False when the run was cancelled meanwhile (one query)."""
    return bool(
        ReportRun.objects.filter(pk=run.pk, status=ReportRun.Status.RUNNING).update(
            rows_done=done, updated_at=timezone.now()
        )
    )


def report_run_generate(*, run_id: uuid.UUID | str) -> ReportRun:
    """Write run ``run_id`` of the current clinic: count its rows, stream them chunk by
    chunk (``reports.CHUNK_ROWS``) into a temporary file, recording ``rows_done`` after
    each chunk and stopping when the run was cancelled meanwhile (no file kept), then
    store the file (``core.objectstore``) and mark the run ``done``. A run no longer
    queued (done, cancelled, or taken by another worker) is returned as it is, so a
    redelivered message does nothing. A PDF of more than ``exports.PDF_MAX_ROWS`` rows
    fails with a message saying to choose CSV or XLSX; any other error marks the run
    failed with it and propagates."""
    taken = ReportRun.objects.filter(pk=run_id, status=ReportRun.Status.QUEUED).update(
        status=ReportRun.Status.RUNNING, started_at=timezone.now(), updated_at=timezone.now()
    )
    run = ReportRun.objects.select_related("clinic").get(pk=run_id)
    if not taken:
        return run
    kind = KINDS[run.kind]
    period = ReportPeriod(run.clinic, run.date_from, run.date_to)
    with override(run.language), tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"report.{run.format}"
        writer = WRITERS[run.format](path, kind.columns, str(kind.title))
        done = 0
        try:
            ReportRun.objects.filter(pk=run.pk).update(rows_total=kind.count(period))
            for row in kind.rows(period):
                writer.write(row)
                done += 1
                if done % CHUNK_ROWS == 0 and not _progress(run, done):
                    run.refresh_from_db()
                    return run
            writer.close()
        except TooManyRowsForPdf:
            report_run_fail(
                run_id=run.pk,
                error=_("A PDF holds at most %(rows)s rows: choose CSV or XLSX.") % {"rows": PDF_MAX_ROWS},
            )
            run.refresh_from_db()
            return run
        except Exception as exc:
            report_run_fail(run_id=run.pk, error=f"{type(exc).__name__}: {exc}")
            raise
        key = f"reporting/{run.clinic_id}/{run.pk}/{run.kind}-{run.date_from}-{run.date_to}.{run.format}"
        object_store().write_file(key, path, CONTENT_TYPES[run.format])
        size = path.stat().st_size
    finished = ReportRun.objects.filter(pk=run.pk, status=ReportRun.Status.RUNNING).update(
        status=ReportRun.Status.DONE,
        rows_done=done,
        rows_total=done,
        file_key=key,
        file_size=size,
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )
    if not finished:  # cancelled after the last chunk: keep no file
        object_store().delete(key)
    run.refresh_from_db()
    return run


@transaction.atomic
def report_run_link(*, run: ReportRun, actor: User) -> tuple[str, dt.datetime]:
    """A link to ``run``'s file that works for ``REPORT_DOWNLOAD_URL_SECONDS``, and when
    it stops working (UTC). Each link issued is audited as ``report.downloaded`` (the
    file carries personal data: LGPD art. 37, PDPA s. 39 records of processing). Raises
    ``Conflict`` (``report_not_done``) unless the run is done."""
    if run.status != ReportRun.Status.DONE or not run.file_key:
        raise Conflict(_("This report is not ready."), code="report_not_done")
    seconds = settings.REPORT_DOWNLOAD_URL_SECONDS
    url = object_store().presigned_get(run.file_key, expires_in=seconds, attachment=True)
    _run_audit(run, actor=actor, action="report.downloaded", rows=[None, run.rows_done])
    return url, timezone.now() + dt.timedelta(seconds=seconds)


# A queued run not taken for this long lost its message; a running one not updated for
# this long lost its worker (progress is written at least every chunk).
REPORT_QUEUED_STALE = dt.timedelta(minutes=2)
REPORT_RUNNING_STALE = dt.timedelta(minutes=10)


def report_runs_requeue_stale() -> int:
    """Send again the runs whose message or worker was lost (every clinic's; beat):
    queued ones older than ``REPORT_QUEUED_STALE`` and running ones silent for
    ``REPORT_RUNNING_STALE``, which go back to queued and start over. Returns how many."""
    from reporting import tasks

    now = timezone.now()
    with transaction.atomic():
        silent = ReportRun.unscoped.select_for_update().filter(
            status=ReportRun.Status.RUNNING, updated_at__lt=now - REPORT_RUNNING_STALE
        )
        waiting = ReportRun.unscoped.filter(
            status=ReportRun.Status.QUEUED, updated_at__lt=now - REPORT_QUEUED_STALE
        )
        stale = list(silent.values_list("pk", "clinic_id")) + list(waiting.values_list("pk", "clinic_id"))
        ReportRun.unscoped.filter(pk__in=[pk for pk, _clinic in stale]).update(
            status=ReportRun.Status.QUEUED, rows_done=0, updated_at=now
        )
        for run_id, clinic_id in stale:
            enqueue_on_commit(tasks.report_run_generate, clinic_id=str(clinic_id), run_id=str(run_id))
    return len(stale)
