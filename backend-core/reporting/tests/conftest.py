import datetime as dt
import uuid
from decimal import Decimal

import pytest

from commerce.services import CartLine, PaymentInput, sale_checkout
from core.roles import Role
from core.tenancy import clinic_context
from scheduling.models import Appointment


def checkout(tenant, *, at=None, amount="100.00", method="cash", credit=True, item=None):
    """A sale of one treatment (credited to the doctor) paid ``amount`` by ``method``."""
    credits = [(tenant.user(Role.DOCTOR), Decimal(100))] if credit else []
    with clinic_context(tenant.clinic):
        sale, _created = sale_checkout(
            clinic=tenant.clinic,
            actor=tenant.user(Role.CASHIER),
            patient=tenant.patient,
            lines=[CartLine(item=item or tenant.service, credits=credits)],
            payments=[PaymentInput(method=method, amount=Decimal(amount))] if amount else [],
            idempotency_key=str(uuid.uuid4()),
            at=at,
        )
    return sale


def appointment(tenant, *, starts_at, status="completed", late=False, patient=None, minutes=30):
    return Appointment.unscoped.create(
        clinic=tenant.clinic,
        patient=patient or tenant.patient,
        practitioner=tenant.user(Role.DOCTOR),
        service=tenant.service,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(minutes=minutes),
        blocked_until=starts_at + dt.timedelta(minutes=minutes),
        status=status,
        late_cancellation=late,
    )


@pytest.fixture
def local():
    """``local(tenant, day, hour)``: that wall-clock hour of the clinic's day, aware."""

    def make(tenant, day, hour, minute=0):
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=tenant.clinic.zone)

    return make
