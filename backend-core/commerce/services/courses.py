"""Balances of courses (prepaid packages, defined in ``catalog``).

A balance is a pool: each redemption takes one session for any of the course's
services. ``course_balance_redeem`` decrements with one conditional UPDATE
(``… WHERE sessions_remaining > 0 AND status = 'active' AND expires_at > now``), so two
concurrent redemptions of the last session end with one success and a balance of 0;
the database also refuses a negative count. Each redemption recognises its share of
the deferred revenue (``deferred_total / sessions_total`` rounded to the minor unit, the
last one the remainder) and records the ``com.aesthetix.course_balance.deducted``
outbox event (post_save receiver of ``CourseRedemption``, ``commerce.receivers``).
``course_balances_expire`` (beat) closes balances past their expiry.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_event_record
from catalog.models import CourseItem, Service
from commerce import ledger
from commerce.events import (
    COURSE_BALANCE_DEDUCTED,
    COURSE_BALANCE_EXPIRED,
    COURSE_BALANCE_RESTORED,
    CourseBalanceDeductedEventDataSerializer,
    CourseBalanceExpiredEventDataSerializer,
    CourseBalanceRestoredEventDataSerializer,
)
from commerce.models import CourseBalance, CourseRedemption
from commerce.pricing import round_money
from core.exceptions import Conflict, ValidationFailed
from core.services import model_save
from core.tenancy import clinic_context
from outbox.services import outbox_event_record

if TYPE_CHECKING:
    from accounts.models import User

Status = CourseBalance.Status


def _refuse_reason(balance: CourseBalance) -> str:
    balance.refresh_from_db()
    if balance.status != Status.ACTIVE:
        return _("This course balance is %(status)s.") % {"status": balance.get_status_display()}
    if balance.expires_at <= timezone.now():
        return _("This course balance expired on %(d)s.") % {"d": balance.clinic.date_at(balance.expires_at)}
    return _("No sessions left on this course balance.")


@transaction.atomic
def course_balance_redeem(
    *,
    balance: CourseBalance,
    reference_type: str,
    reference_id: uuid.UUID | None,
    actor: User,
    service: Service | None = None,
    practitioner: User | None = None,
) -> CourseRedemption:
    """Take one session from ``balance`` for ``reference_type``/``reference_id`` (e.g.
    the treatment session). Idempotent per reference: redeeming again for the same
    reference returns the first redemption. ``service`` must be one of the course's
    (default: its first); ``practitioner`` is who gave the session (the caller checks
    they work at the clinic). Journal: deferred revenue to ``revenue:<category>``.
    Raises ``Conflict`` (409: nothing left, expired, not active) and
    ``ValidationFailed`` (``service_id`` not in the course)."""
    items = list(CourseItem.objects.filter(course_id=balance.course_id).select_related("service"))
    allowed = {item.service_id: item.service for item in items}
    if service is None:
        service = items[0].service
    elif service.pk not in allowed:
        raise ValidationFailed(errors={"service_id": [_("This service is not part of the course.")]})
    if reference_id is not None:
        done = CourseRedemption.objects.filter(
            balance=balance,
            reference_type=reference_type,
            reference_id=reference_id,
            reversed_at__isnull=True,
        ).first()
        if done is not None:
            return done
    try:
        with transaction.atomic():
            taken = CourseBalance.objects.filter(
                pk=balance.pk, status=Status.ACTIVE, sessions_remaining__gt=0, expires_at__gt=timezone.now()
            ).update(sessions_remaining=F("sessions_remaining") - 1, updated_at=timezone.now())
            if not taken:
                raise Conflict(_refuse_reason(balance), code="course_balance_unavailable")
            locked = CourseBalance.objects.select_for_update().get(pk=balance.pk)
            if locked.sessions_remaining == 0:
                recognized = locked.deferred_remaining
            else:
                recognized = min(
                    locked.deferred_remaining,
                    round_money(locked.deferred_total / locked.sessions_total, locked.currency),
                )
            CourseBalance.objects.filter(pk=balance.pk).update(
                deferred_remaining=F("deferred_remaining") - recognized,
                status=Status.USED_UP if locked.sessions_remaining == 0 else Status.ACTIVE,
            )
            redemption = CourseRedemption.objects.create(
                clinic=locked.clinic,
                balance=locked,
                service=service,
                practitioner=practitioner,
                reference_type=reference_type,
                reference_id=reference_id,
                recognized_amount=recognized,
                actor=actor,
            )
            outbox_event_record(
                clinic_id=locked.clinic_id,
                type=COURSE_BALANCE_DEDUCTED,
                subject=f"course_balance/{locked.pk}",
                data=CourseBalanceDeductedEventDataSerializer(
                    {
                        "course_balance_id": locked.pk,
                        "redemption_id": redemption.pk,
                        "patient_id": locked.patient_id,
                        "course_id": locked.course_id,
                        "service_id": service.pk,
                        "sessions_remaining": locked.sessions_remaining,
                        "reference_type": reference_type,
                        "reference_id": reference_id,
                        "recognized_amount": recognized,
                        "currency": locked.currency,
                    }
                ).data,
            )
    except IntegrityError:
        # A concurrent redemption for the same reference won (partial unique index).
        return CourseRedemption.objects.get(
            balance=balance,
            reference_type=reference_type,
            reference_id=reference_id,
            reversed_at__isnull=True,
        )
    ledger.journal_entry_post(
        clinic=locked.clinic,
        description=f"Course session redeemed: {service.name}",
        currency=locked.currency,
        reference_type="commerce.course_redemption",
        reference_id=redemption.pk,
        postings=[
            (ledger.DEFERRED_REVENUE, recognized, Decimal(0)),
            (ledger.revenue_account(service.category), Decimal(0), recognized),
        ],
    )
    balance.refresh_from_db()
    return redemption


@transaction.atomic
def course_redemption_reverse(*, redemption: CourseRedemption, actor: User) -> CourseRedemption:
    """Give a redeemed session back (its treatment session was voided): the balance
    gets the session and the deferred revenue back, and an
    ``com.aesthetix.course_balance.restored`` event is recorded. Reversing twice is a
    no-op. A refunded or void balance cannot take it back (``Conflict``)."""
    locked = CourseRedemption.objects.select_for_update().get(pk=redemption.pk)
    if locked.reversed_at is not None:
        return locked
    balance = CourseBalance.objects.select_for_update().get(pk=locked.balance_id)
    if balance.status not in (Status.ACTIVE, Status.USED_UP, Status.EXPIRED):
        raise Conflict(_("This course balance is %(s)s.") % {"s": balance.get_status_display()})
    locked.reversed_at = timezone.now()
    locked.save(update_fields=["reversed_at", "updated_at"])
    CourseBalance.objects.filter(pk=balance.pk).update(
        sessions_remaining=F("sessions_remaining") + 1,
        deferred_remaining=F("deferred_remaining") + locked.recognized_amount,
        status=Status.ACTIVE if balance.status == Status.USED_UP else balance.status,
        updated_at=timezone.now(),
    )
    category = locked.service.category if locked.service else "consultation"
    ledger.journal_entry_post(
        clinic=balance.clinic,
        description="Course session given back",
        currency=balance.currency,
        reference_type="commerce.course_redemption_reversal",
        reference_id=locked.pk,
        postings=[
            (ledger.revenue_account(category), locked.recognized_amount, Decimal(0)),
            (ledger.DEFERRED_REVENUE, Decimal(0), locked.recognized_amount),
        ],
    )
    outbox_event_record(
        clinic_id=balance.clinic_id,
        type=COURSE_BALANCE_RESTORED,
        subject=f"course_balance/{balance.pk}",
        data=CourseBalanceRestoredEventDataSerializer(
            {
                "course_balance_id": balance.pk,
                "redemption_id": locked.pk,
                "patient_id": balance.patient_id,
                "sessions_remaining": balance.sessions_remaining + 1,
            }
        ).data,
    )
    return locked


@transaction.atomic
def course_redemption_undo(*, redemption: CourseRedemption, actor: User) -> CourseRedemption:
    """A manager gives back a session taken by mistake, on the clinic-local day it was
    taken (``course_redemption_reverse``: the session, the deferred revenue and the
    journal entry come back), audited as ``course_redemption.undone``. Undoing twice is a
    no-op. Raises ``Conflict`` (409 ``redemption_not_today``) for an earlier day's
    redemption: by then the session may have been given, and the chart is where it is
    voided."""
    clinic = redemption.clinic
    if redemption.reversed_at is not None:
        return redemption
    if clinic.date_at(redemption.created_at) != clinic.today():
        raise Conflict(_("Only a session taken today can be given back here."), code="redemption_not_today")
    undone = course_redemption_reverse(redemption=redemption, actor=actor)
    audit_event_record(
        clinic=clinic,
        actor=actor,
        action="course_redemption.undone",
        object_type="commerce.CourseRedemption",
        object_id=undone.pk,
        changes={"reversed_at": [None, undone.reversed_at.isoformat() if undone.reversed_at else None]},
    )
    return undone


def course_balances_expire(*, now: dt.datetime | None = None) -> int:
    """Beat job across clinics (idempotent): active course balances whose ``expires_at``
    (UTC) has passed become ``expired``, and the deferred revenue still held for their
    unused sessions is recognised as breakage (``deferred_revenue`` →
    ``revenue:course_breakage``: IFRS 15 B46, once the customer can no longer use the
    right), with the ``com.aesthetix.course_balance.expired`` outbox event. Each balance
    is closed in a transaction of its own, row-locked, under its clinic's context.
    Returns how many expired."""
    now = now or timezone.now()
    due = CourseBalance.unscoped.filter(status=Status.ACTIVE, expires_at__lte=now).select_related("clinic")
    expired = 0
    for balance in due.order_by("expires_at", "pk"):
        with clinic_context(balance.clinic), transaction.atomic():
            locked = (
                CourseBalance.objects.select_for_update()
                .filter(pk=balance.pk, status=Status.ACTIVE, expires_at__lte=now)
                .first()
            )
            if locked is None:  # redeemed to zero, refunded or expired meanwhile
                continue
            unused = locked.deferred_remaining
            locked.status, locked.deferred_remaining = Status.EXPIRED, Decimal(0)
            model_save(locked, update_fields=["status", "deferred_remaining"])
            ledger.journal_entry_post(
                clinic=locked.clinic,
                description="Course expired with sessions unused",
                currency=locked.currency,
                reference_type="commerce.course_balance_expiry",
                reference_id=locked.pk,
                postings=[
                    (ledger.DEFERRED_REVENUE, unused, Decimal(0)),
                    (ledger.REVENUE_BREAKAGE, Decimal(0), unused),
                ],
            )
            outbox_event_record(
                clinic_id=locked.clinic_id,
                type=COURSE_BALANCE_EXPIRED,
                subject=f"course_balance/{locked.pk}",
                data=CourseBalanceExpiredEventDataSerializer(
                    {
                        "course_balance_id": locked.pk,
                        "patient_id": locked.patient_id,
                        "course_id": locked.course_id,
                        "sessions_unused": locked.sessions_remaining,
                    }
                ).data,
            )
            expired += 1
    return expired
