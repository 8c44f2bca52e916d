"""Commission rules, the per-sale calculation run and the commission ledger (logs).

Money is ``Decimal`` in the sale's currency (ISO 4217); periods are calendar periods in
the clinic's time zone, named by their first day.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import ClinicScopedModel


class CommissionRule(ClinicScopedModel):
    """How much a practitioner earns on the sale lines the rule covers.

    * Scope: ``service`` (one service, or every service when ``service`` is empty),
      ``service_category`` (every service of ``service_category``), ``product`` (one or
      every product), ``course`` (one or every course).
    * Basis: always the line's net amount after every discount and excluding tax
      (``SaleLine.net_amount``), never the list price; free lines earn nothing.
    * ``rate_type``: ``percentage`` (``value`` percent of the basis) or ``fixed_per_unit``
      (``value`` in the clinic currency per unit sold).
    * ``tiers``: ``[{"above": "100000.00", "value": "10.00"}, ...]`` ascending — the value
      that applies once the practitioner's net sales in the ``tier_period`` exceed
      ``above``; ``value`` applies below the first threshold ("10% if sales > 100 000,
      else 5%" is ``value=5, tiers=[{"above": "100000.00", "value": "10.00"}]``).
    * ``tier_mode``: ``whole_period`` (the reached tier's value applies to the whole
      line) or ``marginal`` (each part of the line is paid at the tier its slice of
      sales falls in; percentages only).
    * ``settle_at_period_close``: the period close writes adjustment logs so the period
      total equals what the final tier implies.
    * ``organization_wide``: the rule also applies to the other clinics of the
      organization (their currency must match to be paid).
    * ``priority``: the highest wins when several rules match a line; ties go to the
      more specific scope, then the later ``effective_from``, then the lower id.
    * ``version`` grows on every edit; logs record the version they were computed with.
    """

    class Scope(models.TextChoices):
        SERVICE = "service", _("Service")
        SERVICE_CATEGORY = "service_category", _("Service category")
        PRODUCT = "product", _("Product")
        COURSE = "course", _("Course")

    class RateType(models.TextChoices):
        PERCENTAGE = "percentage", _("Percentage of the net amount")
        FIXED_PER_UNIT = "fixed_per_unit", _("Fixed amount per unit")

    class TierMode(models.TextChoices):
        WHOLE_PERIOD = "whole_period", _("Reached tier applies to the whole line")
        MARGINAL = "marginal", _("Each slice at its own tier")

    class TierPeriod(models.TextChoices):
        MONTH = "month", _("Calendar month")
        QUARTER = "quarter", _("Calendar quarter")

    name = models.CharField(max_length=200)
    scope = models.CharField(max_length=20, choices=Scope.choices)
    service = models.ForeignKey(
        "catalog.Service", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    service_category = models.CharField(max_length=20, blank=True)
    product = models.ForeignKey(
        "catalog.Product", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    course = models.ForeignKey(
        "catalog.Course", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    rate_type = models.CharField(max_length=20, choices=RateType.choices, default=RateType.PERCENTAGE)
    value = models.DecimalField(max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal(0))])
    currency = models.CharField(max_length=3)
    tiers = models.JSONField(default=list, blank=True)
    tier_mode = models.CharField(max_length=20, choices=TierMode.choices, default=TierMode.WHOLE_PERIOD)
    tier_period = models.CharField(max_length=10, choices=TierPeriod.choices, default=TierPeriod.MONTH)
    settle_at_period_close = models.BooleanField(default=True)
    organization_wide = models.BooleanField(default=False)
    priority = models.SmallIntegerField(
        default=0, validators=[MinValueValidator(-1000), MaxValueValidator(1000)]
    )
    effective_from = models.DateField()
    effective_to = models.DateField(null=True, blank=True)
    is_active = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value__gte=0), name="commission_rule_value_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(effective_to__isnull=True)
                | models.Q(effective_to__gte=models.F("effective_from")),
                name="commission_rule_effective_range",
            ),
        ]
        indexes = [models.Index(fields=["clinic", "is_active", "scope"], name="commission_rule_active")]

    def __str__(self) -> str:
        return self.name


class CommissionRun(ClinicScopedModel):
    """The calculation state of one sale, which the POS polls: ``pending`` from checkout
    until the task has written the logs (``done``) or given up (``failed``).

    The run is opened by the calculation, or by beat's sweep for a sale that has none
    ``COMMISSIONS_RUN_REQUEUE_AFTER_MINUTES`` after it was made (its message was lost);
    a sale without a run reads as ``pending``. ``enqueued_at`` is when its calculation was
    last sent to the workers, and a run still pending long after that is sent again by
    beat. Likewise ``reversals_enqueued_at`` is set while a refund or void awaits its
    reversal logs.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    sale = models.OneToOneField("commerce.Sale", on_delete=models.CASCADE, related_name="commission_run")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    enqueued_at = models.DateTimeField(default=timezone.now)
    reversals_enqueued_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["enqueued_at"], condition=models.Q(status="pending"), name="commission_run_pending"
            ),
            models.Index(
                fields=["reversals_enqueued_at"],
                condition=models.Q(reversals_enqueued_at__isnull=False),
                name="commission_run_reversals_due",
            ),
        ]


class CommissionLog(ClinicScopedModel):
    """One signed entry of the commission ledger of a practitioner.

    * ``commission``: earned on a sale line (unique per line x practitioner x rule
      version, so a re-run writes nothing new);
    * ``reversal``: negative, for a refund (unique per refund x line x practitioner) or a
      void (unique per line x practitioner);
    * ``adjustment``: written by the period close so the period total of a practitioner
      under a rule equals what the final tier implies (no sale line).

    ``basis_amount`` is the practitioner's share of the line's net amount (signed like
    ``amount``), ``rate`` the percent or per-unit value applied (the highest tier reached
    in marginal mode), ``tier_above`` the threshold of that tier (null: base value).
    ``terms`` is the rule as it was at ``rule_version`` (what the period close needs).
    ``period`` is the first day of the tier period of the SALE (reversals and
    adjustments belong to the sale's period).
    """

    class Kind(models.TextChoices):
        COMMISSION = "commission", _("Commission")
        REVERSAL = "reversal", _("Reversal")
        ADJUSTMENT = "adjustment", _("Period adjustment")

    class Status(models.TextChoices):
        ACCRUED = "accrued", _("Accrued")
        SETTLED = "settled", _("Settled at period close")

    kind = models.CharField(max_length=12, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACCRUED)
    sale = models.ForeignKey(
        "commerce.Sale", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sale_line = models.ForeignKey(
        "commerce.SaleLine", on_delete=models.PROTECT, null=True, blank=True, related_name="commission_logs"
    )
    refund = models.ForeignKey(
        "commerce.Refund", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    practitioner = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    rule = models.ForeignKey(CommissionRule, on_delete=models.PROTECT, related_name="logs")
    rule_version = models.PositiveIntegerField()
    terms = models.JSONField(default=dict)
    share = models.DecimalField(max_digits=5, decimal_places=2, default=Decimal(100))
    quantity = models.DecimalField(max_digits=12, decimal_places=3, default=Decimal(0))
    basis_amount = models.DecimalField(max_digits=12, decimal_places=2)
    rate = models.DecimalField(max_digits=12, decimal_places=2)
    tier_above = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    currency = models.CharField(max_length=3)
    period = models.DateField()

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["sale_line", "practitioner", "rule", "rule_version"],
                condition=models.Q(kind="commission"),
                name="commission_log_once_per_line_rule_version",
            ),
            models.UniqueConstraint(
                fields=["refund", "sale_line", "practitioner"],
                condition=models.Q(kind="reversal", refund__isnull=False),
                name="commission_log_reversal_once_per_refund",
            ),
            models.UniqueConstraint(
                fields=["sale_line", "practitioner"],
                condition=models.Q(kind="reversal", refund__isnull=True),
                name="commission_log_reversal_once_per_void",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="commission") | models.Q(amount__gte=0, basis_amount__gte=0),
                name="commission_log_commission_not_negative",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="reversal") | models.Q(amount__lte=0),
                name="commission_log_reversal_not_positive",
            ),
        ]
        indexes = [
            models.Index(fields=["clinic", "practitioner", "period"], name="commission_log_statement"),
            models.Index(fields=["clinic", "sale"], name="commission_log_by_sale"),
        ]
