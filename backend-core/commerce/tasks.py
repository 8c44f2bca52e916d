"""Celery entry points of commerce (thin: they call services)."""

from __future__ import annotations

from celery import shared_task

from commerce.services import card_charges_resend, course_balances_expire, invoices_mark_overdue


@shared_task(acks_late=True, ignore_result=True)
def invoices_mark_overdue_task() -> int:
    """Beat, hourly: unpaid invoices past due become ``overdue`` in every clinic."""
    return invoices_mark_overdue()


@shared_task(acks_late=True, ignore_result=True)
def course_balances_expire_task() -> int:
    """Beat, hourly: course balances past their expiry close, unused sessions as breakage."""
    return course_balances_expire()


@shared_task(acks_late=True, ignore_result=True)
def card_charges_resend_task() -> int:
    """Beat, every minute: card payments the gateway never acknowledged are sent again."""
    return card_charges_resend()
