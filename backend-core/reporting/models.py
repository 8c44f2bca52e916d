"""Pre-aggregated daily figures the dashboard reads (one row per clinic-local day), so a
report over a year reads about 365 rows per clinic instead of scanning the ledger, the
sales and the calendar. Written only by ``reporting.services.daily_figures_refresh``;
amounts are in the clinic's currency (``currency``), counts are whole numbers."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import ClinicScopedModel


def _money() -> models.DecimalField[Decimal, Decimal]:
    return models.DecimalField(max_digits=14, decimal_places=2, default=Decimal(0))


class DailyClinicFigures(ClinicScopedModel):
    """A clinic's day (``date`` in its time zone).

    * Ledger (the same journal lines the trial balance sums): ``cash_received`` (net
      debit of cash, card clearing and bank), ``revenue_recognized`` (net credit of the
      ``revenue:*`` accounts), ``deferred_revenue`` (net credit of deferred revenue).
    * Sales not void: ``sales_count``, ``sales_total`` (with tax, before later refunds).
    * Appointments starting that day: ``appointments`` (any status), ``completed``,
      ``no_shows``, ``late_cancellations``, ``cancellations`` (late ones included).
    * Patients seen (an uncancelled appointment): ``new_patients`` (their first one at
      the clinic), ``returning_patients``.
    * ``commission_cost``: commission logs dated that day (``commissions.selectors``).
    * ``breakage``: net credit of ``revenue:course_breakage`` (courses that expired with
      sessions unused; already part of ``revenue_recognized``).
    * ``patient_gaps``: ``[k]`` = the patients seen that day whose previous day seen at
      the clinic is more than ``k`` days before (first visits included); the list stops
      where it stops changing (the last entry holds for every longer k). A period from
      day S counts each patient once, on their first day D in it: the sum of
      ``[D - S]`` over its days, in SQL, without reading the calendar.
    * ``completed_followups``: ``[k]`` = ``[patients, rebooked]`` with a completed
      appointment that day whose next day with one is more than ``k`` days later (or
      none yet); ``rebooked``: they hold an appointment in the 90 days after
      (``scheduling.selectors.patient_days``). A period to day E counts each patient on
      their last completed day D in it: ``[E - D]``.
    """

    date = models.DateField()
    currency = models.CharField(max_length=3)
    cash_received = _money()
    revenue_recognized = _money()
    deferred_revenue = _money()
    sales_count = models.PositiveIntegerField(default=0)
    sales_total = _money()
    appointments = models.PositiveIntegerField(default=0)
    completed = models.PositiveIntegerField(default=0)
    no_shows = models.PositiveIntegerField(default=0)
    late_cancellations = models.PositiveIntegerField(default=0)
    cancellations = models.PositiveIntegerField(default=0)
    new_patients = models.PositiveIntegerField(default=0)
    returning_patients = models.PositiveIntegerField(default=0)
    commission_cost = _money()
    breakage = _money()
    patient_gaps = models.JSONField(default=list)
    completed_followups = models.JSONField(default=list)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["clinic", "date"], name="daily_clinic_figures_unique")]


class DailyPractitionerFigures(ClinicScopedModel):
    """One practitioner's day at a clinic: ``net_sales`` (their credited share of sale
    lines, without tax), appointment counts as on ``DailyClinicFigures``,
    ``booked_minutes`` (appointments not cancelled, no-shows included: the time was
    held), ``available_minutes`` (working hours), ``commission_cost``."""

    date = models.DateField()
    practitioner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    net_sales = _money()
    appointments = models.PositiveIntegerField(default=0)
    completed = models.PositiveIntegerField(default=0)
    no_shows = models.PositiveIntegerField(default=0)
    late_cancellations = models.PositiveIntegerField(default=0)
    cancellations = models.PositiveIntegerField(default=0)
    new_patients = models.PositiveIntegerField(default=0)
    returning_patients = models.PositiveIntegerField(default=0)
    booked_minutes = models.PositiveIntegerField(default=0)
    available_minutes = models.PositiveIntegerField(default=0)
    commission_cost = _money()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "date", "practitioner"], name="daily_practitioner_figures_unique"
            )
        ]


class DailyItemFigures(ClinicScopedModel):
    """What one item (treatment, product or course: ``kind``, ``item_id``) sold on a
    day: ``quantity`` and ``net_amount`` (after discounts, without tax, less refunds
    given back that day); ``name`` is the catalog name when the row was written. Kind
    ``used`` is a product consumed in treatments that day: ``quantity`` in its unit,
    ``net_amount`` its cost (quantity x the lots' unit cost)."""

    date = models.DateField()
    kind = models.CharField(max_length=10)
    item_id = models.UUIDField()
    name = models.CharField(max_length=200)
    quantity = models.DecimalField(max_digits=14, decimal_places=3, default=Decimal(0))
    net_amount = _money()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "date", "kind", "item_id"], name="daily_item_figures_unique"
            )
        ]


class ReportRun(ClinicScopedModel):
    """One report asked for by ``requested_by``: ``kind`` (``reporting.reports.KINDS``)
    over the clinic-local days ``date_from`` to ``date_to`` (both included), written as
    ``format`` by the worker (``reporting.services.report_run_generate``) and kept in the
    object store under ``file_key``. ``rows_done``/``rows_total`` is the progress (rows
    written / rows to write; ``rows_total`` is 0 until counted). ``idempotency_key``
    (optional, unique per clinic) makes a retried request answer the first run.

    queued → running → done | failed (``error``) | cancelled (asked while queued or
    running; the worker stops at its next chunk)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"
        PDF = "pdf", "PDF"

    FINISHED = (Status.DONE, Status.FAILED, Status.CANCELLED)

    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=40)
    format = models.CharField(max_length=4, choices=Format.choices)
    date_from = models.DateField()
    date_to = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    rows_done = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(default=0)
    file_key = models.CharField(max_length=300, blank=True)
    file_size = models.PositiveBigIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True)
    idempotency_key = models.CharField(max_length=100, blank=True)
    language = models.CharField(max_length=10, default="en")  # of the headers, as asked in
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="report_run_idempotency_key_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(date_to__gte=models.F("date_from")), name="report_run_range"
            ),
        ]
        indexes = [models.Index(fields=["clinic", "-created_at"], name="report_run_newest")]


class DailyRoomFigures(ClinicScopedModel):
    """One room's clinic-local day (``scheduling.selectors.RoomDay``): ``booked_minutes``
    (uncancelled appointments in it, no-shows included) against ``available_minutes``
    (the clinic's open time that day: while at least one practitioner works there)."""

    date = models.DateField()
    room_id = models.UUIDField()
    name = models.CharField(max_length=100)
    booked_minutes = models.PositiveIntegerField(default=0)
    available_minutes = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["clinic", "date", "room_id"], name="daily_room_figures_unique")
        ]
