"""Reads of an appointment's deposit for the patient who booked it: what is asked, what
was received, the clinic's no-show rule, and how the patient can pay it.

The deposit itself is commerce's (``commerce.selectors.deposit_state``); this module only
reads it for the portal and, when the clinic takes Pix (Brazil) or PromptPay (Thailand)
and has its key set, builds the payment QR for the exact amount due
(``commerce.services.payment_qr``: EMV QRCPS-MPM payloads). Money paid by QR is
confirmed by the clinic's desk when it arrives ("Take deposit" on the appointment); a
card payment online is paid only once the gateway's signed webhook says so. Nothing here
says a deposit is paid before the clinic has it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from accounts.models import Clinic
from catalog.models import Service
from commerce.models import CommerceSettings, Deposit, Payment
from commerce.payment_methods import NATIONAL_SCHEMES
from commerce.payment_providers import online_provider
from commerce.selectors import DepositState, deposit_state
from commerce.services import accepted_methods
from commerce.services.payment_settings import PaymentQr, payment_qr
from core.exceptions import ValidationFailed
from core.tenancy import clinic_context
from scheduling.models import Appointment

#: Appointment states in which a deposit can still be paid (as the desk's "Take deposit").
PAYABLE_STATUSES = frozenset({Appointment.Status.BOOKED, Appointment.Status.CONFIRMED})


@dataclass(frozen=True)
class DepositPolicy:
    """What happens to a paid deposit: ``no_show`` is ``forfeit`` (kept as a no-show fee
    on a no-show or a cancellation less than ``late_hours`` before the start) or
    ``refund`` (given back); a cancellation in time is always refunded
    (``commerce.services.deposit_release``)."""

    no_show: str
    late_hours: int


@dataclass(frozen=True)
class PortalDeposit:
    """An appointment's deposit as the patient sees it. ``state``: commerce's
    ``DepositState``; ``due``: what is left to pay (``amount - paid``, never below 0);
    ``payable``: the patient can pay it now (the appointment is booked or confirmed,
    money is due and no card charge is pending); ``qrs``: a payment QR for each of the
    clinic's QR methods (Pix, PromptPay) for ``due``; ``online``: "Pay now" by card on
    the online gateway's page is offered (``online_card_available``)."""

    state: DepositState
    due: Decimal
    payable: bool
    qrs: list[PaymentQr]
    online: bool
    policy: DepositPolicy


def deposit_policy(clinic: Clinic) -> DepositPolicy:
    """The clinic's deposit rule (its commerce settings; the default rule while it has
    none: ``forfeit``). Reading creates no settings row."""
    rule = CommerceSettings.unscoped.filter(clinic=clinic).values_list("deposit_no_show", flat=True).first()
    return DepositPolicy(
        no_show=rule or CommerceSettings.DepositNoShow.FORFEIT, late_hours=clinic.late_cancellation_hours
    )


def service_deposit(*, clinic: Clinic, service_id: object) -> Decimal:
    """The deposit the clinic's active treatment ``service_id`` asks for (0: none, or no
    such treatment)."""
    from portal.selectors import uuid_or_none

    pk = uuid_or_none(service_id)
    if pk is None:
        return Decimal(0)
    with clinic_context(clinic):
        service = Service.objects.filter(pk=pk, is_active=True).first()
    return service.deposit_amount if service is not None else Decimal(0)


def online_card_available(clinic: Clinic) -> bool:
    """Whether a patient can pay a deposit by card online: an online provider is
    configured (``PAYMENTS_ONLINE_PROVIDER``; none by default) and the clinic takes cards."""
    return online_provider() is not None and Payment.Method.CARD in accepted_methods(clinic)


def _qr_reference(appointment: Appointment) -> str:
    # The Pix transaction id names the appointment, so the desk matches the transfer
    # on its bank statement to it (25 letters and digits: BR Code tag 62-05).
    return appointment.pk.hex[:25].upper()


def portal_deposit(*, appointment: Appointment) -> PortalDeposit | None:
    """The deposit of the patient's own ``appointment`` (the caller found it through
    ``portal_appointment_get``), or ``None`` when its treatment asks for none and none
    was taken."""
    clinic = appointment.clinic
    with clinic_context(clinic):
        state = deposit_state(appointment_id=appointment.pk, service=appointment.service)
        if state.status == "none":
            return None
        due = max(state.amount - state.paid, Decimal(0)) if state.status == "due" else Decimal(0)
        payable = appointment.status in PAYABLE_STATUSES and due > 0 and not state.pending
        qrs = []
        if payable:
            for method in accepted_methods(clinic):
                if method not in NATIONAL_SCHEMES:
                    continue
                try:
                    qrs.append(
                        payment_qr(
                            clinic=clinic, method=method, amount=due, reference=_qr_reference(appointment)
                        )
                    )
                except ValidationFailed:
                    continue  # the clinic takes it but has not set its key: not offered
    return PortalDeposit(
        state=state,
        due=due,
        payable=payable,
        qrs=qrs,
        online=payable and online_card_available(clinic),
        policy=deposit_policy(clinic),
    )


def portal_deposit_states(appointments: list[Appointment]) -> dict[uuid.UUID, DepositState]:
    """The deposit state of each of ``appointments`` that has one (asked by its treatment
    or taken), by appointment id, for the list of the patient's appointments."""
    taken = set(
        Deposit.unscoped.filter(appointment_id__in=[a.pk for a in appointments]).values_list(
            "appointment_id", flat=True
        )
    )
    states = {}
    for appointment in appointments:
        if appointment.pk in taken or appointment.service.deposit_amount > 0:
            with clinic_context(appointment.clinic):
                states[appointment.pk] = deposit_state(
                    appointment_id=appointment.pk, service=appointment.service
                )
    return states
