"""Test harness every app inherits: a two-clinic world, API clients, isolation."""

from __future__ import annotations

import datetime as dt
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("ZEAL_ENABLED", "1")

import pytest
import time_machine
from django.core.cache.backends.redis import RedisCache
from django.utils import timezone, translation
from rest_framework.test import APIClient

from accounts.models import Clinic, Invite, Membership, ProfessionalLicence, User
from accounts.tests.factories import (
    ClinicFactory,
    InviteFactory,
    MembershipFactory,
    OrganizationFactory,
    tokens_for,
)
from audit.models import AuditEvent
from audit.services import audit_event_record
from catalog.models import Course, CourseItem, Product, Service
from commerce.models import (
    CourseBalance,
    CourseRedemption,
    Invoice,
    JournalEntry,
    JournalLine,
    Payment,
    PurchaseOrder,
    PurchaseOrderLine,
    Sale,
    SaleLine,
    StockLot,
    StockMovement,
    Supplier,
    SupplierItem,
)
from commissions.models import CommissionLog, CommissionRule, CommissionRun
from commissions.tests import factories as commission_factories
from compliance.models import DataSubjectRequest
from core.roles import Role
from core.settings.env import secret
from core.settings.keys import KEY_NAMES
from emr.tests.factories import ClinicalRecord, clinical_record_rows
from notifications.models import MessageTemplate, Notification
from patients.models import ClinicPatient
from patients.tests.factories import ClinicPatientFactory, ConsentFactory
from reporting.models import ReportRun
from scheduling.models import Appointment, Resource, Room, ScheduleException, StaffSchedule


def _flush_refused(_cache: object) -> None:
    raise AssertionError(
        "cache.clear() flushes the Redis database that every test process shares with the "
        "channel layer and the worker's queue: use keys of the test's own instead"
    )


@pytest.fixture(autouse=True)
def _isolated_services(settings: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fast hashing; a cache key prefix of its own per test (throttles, revocations),
    and no flushing of the shared Redis database."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    caches = {name: dict(conf) for name, conf in settings.CACHES.items()}
    caches["default"]["KEY_PREFIX"] = f"test-{uuid.uuid4().hex[:12]}"
    settings.CACHES = caches
    monkeypatch.setattr(RedisCache, "clear", _flush_refused)
    # Every test starts in the default language: a request through LocaleMiddleware or a
    # service that activates a clinic's language leaves it active in the thread.
    translation.deactivate()


@dataclass
class Tenant:
    clinic: Clinic
    members: dict[str, Membership] = field(default_factory=dict)
    service: Service | None = None
    invite: Invite | None = None
    licence: ProfessionalLicence | None = None
    patient: ClinicPatient | None = None
    room: Room | None = None
    device: Resource | None = None
    appointment: Appointment | None = None
    audit_event: AuditEvent | None = None
    product: Product | None = None
    lot: StockLot | None = None
    supplier: Supplier | None = None
    supplier_item: SupplierItem | None = None
    purchase_order: PurchaseOrder | None = None
    sale: Sale | None = None
    course_balance: CourseBalance | None = None
    commission_rule: CommissionRule | None = None
    clinical: ClinicalRecord | None = None

    def user(self, role: str = Role.OWNER) -> User:
        return self.members[role].user


@dataclass
class World:
    a: Tenant
    b: Tenant


# The council and region of the (pending) licence the world gives each clinic's nurse.
NURSING_COUNCILS = {"TH": ("TNMC", ""), "BR": ("COREN", "SP")}


def _tenant(country: str, tz: str, locale: str, currency: str, phone: str) -> Tenant:
    clinic = ClinicFactory(
        organization=OrganizationFactory(), country=country, time_zone=tz, locale=locale, currency=currency
    )
    tenant = Tenant(clinic=clinic)
    for role in Role:
        tenant.members[role] = MembershipFactory(clinic=clinic, role=role)
    tenant.service = Service.unscoped.create(
        clinic=clinic,
        name="Botulinum toxin",
        category=Service.Category.NEUROTOXIN,
        unit=Service.Unit.TOXIN_UNIT,
        price=Decimal("350.00"),
        currency=currency,
        duration_minutes=30,
    )
    tenant.invite = InviteFactory(clinic=clinic, invited_by=tenant.user(Role.OWNER))
    council, region = NURSING_COUNCILS[country]
    tenant.licence = ProfessionalLicence.objects.create(
        user=tenant.user(Role.NURSE), council=council, region=region, number=f"{country}-5811"
    )
    tenant.patient = ClinicPatientFactory(clinic=clinic, profile__phone=phone, chart_number="HN000001")
    ConsentFactory(patient=tenant.patient)
    doctor = tenant.user(Role.DOCTOR)
    tenant.room = Room.unscoped.create(clinic=clinic, name="Room 1")
    tenant.device = Resource.unscoped.create(clinic=clinic, name="Device 1", kind="other")
    StaffSchedule.unscoped.create(
        clinic=clinic, practitioner=doctor, weekday=0, start_time=dt.time(9), end_time=dt.time(18)
    )
    ScheduleException.unscoped.create(
        clinic=clinic, practitioner=doctor, date=dt.date(2030, 1, 1), kind=ScheduleException.Kind.TIME_OFF
    )
    starts = timezone.now().replace(microsecond=0) + timedelta(days=1)
    tenant.appointment = Appointment.unscoped.create(
        clinic=clinic,
        patient=tenant.patient,
        practitioner=doctor,
        service=tenant.service,
        room=tenant.room,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=30),
        blocked_until=starts + timedelta(minutes=30),
    )
    tenant.clinical = clinical_record_rows(
        clinic=clinic,
        patient=tenant.patient,
        doctor=doctor,
        service=tenant.service,
        appointment=tenant.appointment,
    )
    DataSubjectRequest.unscoped.create(
        clinic=clinic,
        patient=tenant.patient,
        kind=DataSubjectRequest.Kind.EXPORT,
        received_at=timezone.now(),
        due_on=clinic.today() + timedelta(days=30),
    )
    _commerce_rows(tenant)
    _commission_rows(tenant)
    ReportRun.unscoped.create(  # a report asked for and written (``reporting``)
        clinic=clinic,
        requested_by=tenant.user(Role.OWNER),
        kind="sales_lines",
        format="csv",
        date_from=clinic.today().replace(day=1),
        date_to=clinic.today(),
        status=ReportRun.Status.DONE,
    )
    MessageTemplate.unscoped.create(
        clinic=clinic,
        key="appointment.reminder",
        channel="sms",
        language="en",
        body="{clinic_name}: see you on {starts_at_local}, {patient_name}.",
    )
    # A reminder that failed at the provider: the messages log's row.
    Notification.unscoped.create(
        clinic=clinic,
        channel=Notification.Channel.SMS,
        recipient=phone,
        template="appointment.reminder",
        payload={
            "patient_name": "Somchai",
            "clinic_name": clinic.name,
            "service_name": "Botox",
            "starts_at_local": "Tue 25 Nov 14:30",
            "clinic_phone": "",
        },
        scheduled_for=timezone.now() - timedelta(hours=1),
        status=Notification.Status.FAILED,
        attempts=3,
        last_error="provider answered 400: number unreachable",
        patient_id=tenant.patient.pk,
    )
    tenant.audit_event = audit_event_record(
        clinic=clinic,
        actor=tenant.user(Role.OWNER),
        action="service.created",
        object_type="catalog.Service",
        object_id=tenant.service.pk,
    )
    return tenant


def _commerce_rows(tenant: Tenant) -> None:
    """A product with a lot (low on stock, expiring in 30 days) that one sale used, a
    course bought in that sale, its invoice, payment and journal entry."""
    clinic, currency, owner = tenant.clinic, tenant.clinic.currency, tenant.user(Role.OWNER)
    now = timezone.now()
    tenant.product = Product.unscoped.create(
        clinic=clinic,
        name="Restylane Lyft 1 ml",
        kind=Product.Kind.MEDICAL_SUPPLY,
        unit=Product.Unit.SYRINGE,
        registration_number="80117580578",
        price=Decimal("9000.00"),
        currency=currency,
        low_stock_threshold=Decimal(10),
    )
    tenant.lot = StockLot.unscoped.create(
        clinic=clinic,
        product=tenant.product,
        lot_number="LOT-1",
        expiry_date=clinic.today() + timedelta(days=30),
        registration_number="80117580578",
        received_at=now,
        quantity_on_hand=Decimal(5),
    )
    course = Course.unscoped.create(
        clinic=clinic, name="6 sessions", price=Decimal("6000.00"), currency=currency, validity_days=365
    )
    CourseItem.unscoped.create(clinic=clinic, course=course, service=tenant.service, sessions=6)
    money = {"currency": currency, "subtotal": Decimal("15000.00"), "total": Decimal("15000.00")}
    tenant.sale = Sale.unscoped.create(
        clinic=clinic,
        number="S-WORLD",
        patient=tenant.patient,
        idempotency_key="world",
        created_by=owner,
        **money,
    )
    product_line, course_line = (
        SaleLine.unscoped.create(
            clinic=clinic,
            sale=tenant.sale,
            position=position,
            kind=kind,
            description=item.name,
            quantity=Decimal(1),
            unit_price=item.price,
            net_amount=item.price,
            total=item.price,
            currency=currency,
            **{kind: item},
        )
        for position, (kind, item) in enumerate([("product", tenant.product), ("course", course)])
    )
    StockMovement.unscoped.create(
        clinic=clinic, lot=tenant.lot, kind="receive", quantity=Decimal(6), actor=owner, reference_type=""
    )
    StockMovement.unscoped.create(
        clinic=clinic,
        lot=tenant.lot,
        kind="sale",
        quantity=Decimal(-1),
        patient=tenant.patient,
        reference_type="commerce.sale_line",
        reference_id=product_line.pk,
        actor=owner,
    )
    tenant.course_balance = CourseBalance.unscoped.create(
        clinic=clinic,
        patient=tenant.patient,
        course=course,
        sale_line=course_line,
        sessions_total=6,
        sessions_remaining=6,
        expires_at=now + timedelta(days=365),
        currency=currency,
        deferred_total=Decimal("6000.00"),
        deferred_remaining=Decimal("6000.00"),
    )
    # A session taken and given back (the balance is whole again).
    CourseRedemption.unscoped.create(
        clinic=clinic,
        balance=tenant.course_balance,
        service=tenant.service,
        reference_type="pos.redemption",
        recognized_amount=Decimal("1000.00"),
        actor=owner,
        reversed_at=now,
    )
    invoice = Invoice.unscoped.create(
        clinic=clinic,
        number="INV-WORLD",
        sale=tenant.sale,
        patient=tenant.patient,
        status=Invoice.Status.PARTIALLY_PAID,
        paid_total=Decimal("1000.00"),
        balance_due=Decimal("14000.00"),
        issued_at=now,
        due_date=clinic.today(),
        created_by=owner,
        **money,
    )
    Payment.unscoped.create(
        clinic=clinic,
        invoice=invoice,
        amount=Decimal("1000.00"),
        currency=currency,
        method=Payment.Method.CASH,
        idempotency_key="world",
        received_at=now,
        created_by=owner,
    )
    entry = JournalEntry.unscoped.create(
        clinic=clinic,
        posted_at=now,
        description="Payment",
        currency=currency,
        reference_type="commerce.payment",
        reference_id=tenant.sale.pk,
    )
    JournalLine.unscoped.create(clinic=clinic, entry=entry, account="cash", debit=Decimal("1000.00"))
    JournalLine.unscoped.create(
        clinic=clinic, entry=entry, account="accounts_receivable", credit=Decimal("1000.00")
    )
    tenant.supplier = Supplier.unscoped.create(clinic=clinic, name="Galderma distributor")
    # A second source of the product (not the preferred one): tests of supplier items
    # write their own for the supplier above.
    tenant.supplier_item = SupplierItem.unscoped.create(
        clinic=clinic,
        supplier=Supplier.unscoped.create(clinic=clinic, name="Second source"),
        product=tenant.product,
        supplier_sku="SRC2-1",
        pack_size=Decimal(1),
        last_unit_cost=Decimal("4100.00"),
    )
    tenant.purchase_order = PurchaseOrder.unscoped.create(
        clinic=clinic,
        number="PO-WORLD",
        supplier=tenant.supplier,
        status=PurchaseOrder.Status.SENT,
        currency=currency,
        created_by=owner,
    )
    PurchaseOrderLine.unscoped.create(
        clinic=clinic,
        order=tenant.purchase_order,
        position=0,
        product=tenant.product,
        quantity=Decimal(10),
        unit_cost=Decimal("4000.00"),
    )


def _commission_rows(tenant: Tenant) -> None:
    """A rule and the computed commission of the world sale's first line."""
    clinic, doctor = tenant.clinic, tenant.user(Role.DOCTOR)
    assert tenant.sale is not None
    tenant.commission_rule = commission_factories.rule(clinic, name="Neurotoxin 10%", value=Decimal(10))
    CommissionRun.unscoped.create(clinic=clinic, sale=tenant.sale, status=CommissionRun.Status.DONE)
    CommissionLog.unscoped.create(
        clinic=clinic,
        kind=CommissionLog.Kind.COMMISSION,
        sale=tenant.sale,
        sale_line=SaleLine.unscoped.filter(sale=tenant.sale).order_by("position").first(),
        practitioner=doctor,
        rule=tenant.commission_rule,
        rule_version=1,
        terms={"rate_type": "percentage", "value": "10.00"},
        basis_amount=Decimal("350.00"),
        rate=Decimal(10),
        amount=Decimal("35.00"),
        currency=clinic.currency,
        period=clinic.today().replace(day=1),
    )


# The day used by ``clock``: a weekday away from month ends and DST changes.
CLOCK_DAY = dt.date(2026, 6, 10)


@pytest.fixture
def clock(request: pytest.FixtureRequest, time_machine: time_machine.TimeMachineFixture) -> dt.datetime:
    """The wall clock moved to ``CLOCK_DAY`` at ``request.param`` ("HH:MM" UTC; default
    "23:30", when Bangkok is already on the next day; at "02:00" Sao Paulo is still on the
    previous one) and ticking on, so tokens and timeouts keep working. Request it before
    ``world`` (fixtures are set up in the order requested) so the world is made at that hour;
    choose the hour with ``@pytest.mark.parametrize("clock", [...], indirect=True)``.
    Returns the instant moved to (aware, UTC)."""
    at = dt.datetime.combine(CLOCK_DAY, dt.time.fromisoformat(getattr(request, "param", "23:30")), dt.UTC)
    time_machine.move_to(at, tick=True)
    return at


@pytest.fixture
def world(db: None) -> World:
    """Two clinics of two organizations, a member of every role in each, and one
    record of every tenant-local kind in each (the cross-tenant test relies on that)."""
    return World(
        a=_tenant("TH", "Asia/Bangkok", "th", "THB", phone="+66815550101"),
        b=_tenant("BR", "America/Sao_Paulo", "pt-BR", "BRL", phone="+5511987654321"),
    )


@pytest.fixture
def client() -> APIClient:
    """pytest-django's ``client``, as DRF's client (``format="json"`` works)."""
    return APIClient()


ApiFactory = Callable[..., APIClient]


@pytest.fixture
def api() -> ApiFactory:
    """``api(user, clinic, otp=True)``: a client signed in as ``user`` (second factor
    passed unless ``otp=False``) sending ``X-Clinic-Id: clinic``."""

    def make(user: User | None = None, clinic: Clinic | None = None, *, otp: bool = True) -> APIClient:
        client = APIClient()
        if user is not None:
            client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens_for(user, otp=otp).access}")
        if clinic is not None:
            client.defaults["HTTP_X_CLINIC_ID"] = str(clinic.pk)
        return client

    return make


@dataclass
class Worker:
    """Real Celery worker processes consuming one queue of their own."""

    queue: str
    notifications_file: Path
    env: dict[str, str] = field(default_factory=dict, repr=False)
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list, repr=False)

    def start(self, **extra_env: str) -> subprocess.Popen[bytes]:
        """Start one more worker process on the queue, with ``extra_env`` on top of the
        test environment."""
        from core.celery import worker_argv

        process = subprocess.Popen(
            worker_argv(self.queue),
            cwd=Path(__file__).parent,
            env={**self.env, **extra_env},
        )
        self.processes.append(process)
        return process

    def wait_for(self, condition: Callable[[], bool], timeout: float = 90.0) -> bool:
        """Poll ``condition`` until it holds (True) or ``timeout`` seconds pass (False).
        The time includes the worker's own start-up (Django and Celery imports), which
        took over 30 s on a machine running two test workers and browser tests at once."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return True
            time.sleep(0.2)
        return False


def _worker_pool(settings, tmp_path: Path) -> Iterator[Worker]:
    from core.celery import app

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("the worker test needs the services profile (DATABASE_URL)")
    queue = f"test-{uuid.uuid4().hex[:10]}"
    db = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CELERY_DEFAULT_QUEUE": queue,
        "NOTIFICATIONS_FILE": str(tmp_path / "outbox.jsonl"),
    }
    worker = Worker(queue=queue, notifications_file=tmp_path / "outbox.jsonl", env=env)
    previous = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    try:
        yield worker
    finally:
        app.conf.task_default_queue = previous
        for process in worker.processes:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture
def celery_worker(transactional_db: None, settings, tmp_path: Path) -> Iterator[Worker]:
    """A real Celery worker process on the configured broker, reading the test database,
    consuming a queue of its own; tasks sent by the test go to that queue."""
    for worker in _worker_pool(settings, tmp_path):
        worker.start()
        yield worker


@pytest.fixture
def celery_workers(transactional_db: None, settings, tmp_path: Path) -> Iterator[Worker]:
    """Like ``celery_worker`` but no process is started: the test calls ``start()`` (to
    give a worker its own environment, kill it, start another)."""
    yield from _worker_pool(settings, tmp_path)


@dataclass
class AsgiServer:
    """uvicorn serving ``core.asgi`` in a process of its own on 127.0.0.1."""

    base: str
    process: subprocess.Popen[bytes] = field(repr=False)
    log: Path

    @property
    def ws_base(self) -> str:
        return "ws" + self.base.removeprefix("http")


@dataclass
class AsgiServers:
    """Real ASGI servers on the test database (connected as the application's role,
    which owns no table) and the configured Redis; ``start()`` starts one more."""

    env: dict[str, str] = field(repr=False)
    tmp_path: Path
    servers: list[AsgiServer] = field(default_factory=list)

    def start(self, **extra_env: str) -> AsgiServer:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        log = self.tmp_path / f"uvicorn-{len(self.servers)}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "core.asgi:application", "--host", "127.0.0.1",
                 "--port", str(port), "--log-level", "warning", "--lifespan", "off"],
                cwd=Path(__file__).parent, env={**self.env, **extra_env},
                stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        server = AsgiServer(base=f"http://127.0.0.1:{port}", process=process, log=log)
        self.servers.append(server)
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return server
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"uvicorn did not start:\n{log.read_text()}")
                time.sleep(0.2)


def app_role_url(settings) -> str:
    """Create (or update) the test database's application role, as the owner running
    the tests, and return its URL: the role reads and writes rows, owns nothing."""
    from core.database_roles import database_app_role_grant

    db = settings.DATABASES["default"]
    role = f"{db['NAME']}_app"[:63]
    password = secrets.token_urlsafe(16)
    database_app_role_grant(role=role, password=password)
    return f"postgres://{role}:{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def app_role_database_url(settings) -> str:
    """The URL of the test database as the application's role (``app_role_url``)."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("database roles exist on PostgreSQL only")
    return app_role_url(settings)


@pytest.fixture
def new_tenant() -> Callable[..., Tenant]:
    """Makes a further tenant: a clinic of a new organization (``ClinicFactory`` fields),
    members added by the test."""

    def make(**clinic_fields: object) -> Tenant:
        return Tenant(clinic=ClinicFactory(**clinic_fields))

    return make


@pytest.fixture
def asgi_servers(transactional_db: None, settings, tmp_path: Path) -> Iterator[AsgiServers]:
    """ASGI servers (``start()``) as in the services profile: PostgreSQL through a small
    pool (``DATABASE_POOL_MAX_SIZE`` 4, overridable per server), Redis for the cache and
    the channel layer. Data the test commits is what they see."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql" or not os.environ.get(
        "REDIS_URL"
    ):
        pytest.skip("the ASGI server tests need the services profile (DATABASE_URL, REDIS_URL)")
    env = {
        **os.environ,
        "DATABASE_URL": app_role_url(settings),
        "DATABASE_POOL_MAX_SIZE": "4",
        # The keys of this process, so the tokens the test mints are the servers' too.
        **{name: secret(name) for name in KEY_NAMES},
        "AESTHETIX_VAR_DIR": str(tmp_path / "var"),
        "CACHE_KEY_PREFIX": f"test-asgi-{uuid.uuid4().hex[:10]}",
        "LOG_LEVEL": "WARNING",
    }
    servers = AsgiServers(env=env, tmp_path=tmp_path)
    try:
        yield servers
    finally:
        for server in servers.servers:
            os.killpg(server.process.pid, signal.SIGTERM)
        for server in servers.servers:
            try:
                server.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.process.pid, signal.SIGKILL)
                server.process.wait()
