"""A receptionist's day at each demo clinic, in the clinic's own language (Thai at
Bangkok, Portuguese at São Paulo, Arabic at Riyadh), in Chromium against the real server:
the receptionist registers a patient with their consent decisions and the clinic's
doctor (signed in with TOTP) records an allergy on the chart; the receptionist books the
free time clicked on the calendar, confirms, moves and cancels it with a reason, books
again today and checks the patient in; the doctor, told of the allergy, starts and
completes the session, the front desk's day list shows the appointment completed, and the
doctor books the follow-up. Then registration and booking again on a phone (390x844),
where nothing scrolls sideways.

Only the set-up goes through the API (the treatment's follow-up interval and
contraindication, the doctor's extra hour today) and the checks of what was stored. Dates
are the clinic's (its own zone); when the clinic's day has no hour left for an extra hour
(late at night there), the walk stops after booking again, skipped with the reason.

Screenshots go to ``test-results/e2e/day-<clinic>-NN-<step>.png``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from support import (
    BANGKOK,
    RIYADH,
    SAO_PAULO,
    ZONES,
    Server,
    Watched,
    api_errors,
    api_with_totp,
    choose,
    extra_hours_today,
    free_time_click,
    page_opener,
    sign_in_in,
    totp_enrol,
)
from test_responsive import assert_fits

# The limit covers the demo's load when this module runs alone, slow on a busy machine.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]

APPOINTMENTS = "/api/v1/calendar/appointments"
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
# Laser toning: a course of sessions one or two weeks apart. (Four weeks out the São Paulo
# doctor is on holiday: the follow-up booking rightly offers no time around then.)
FOLLOW_UP_DAYS = 14


@dataclass(frozen=True)
class Clinic:
    """A demo clinic and what its people read and type, in its language."""

    slug: str
    name: str  # the start of the clinic's name, as the demo's logins are looked up
    language: str  # the shell's language code
    doctor: str  # the clinic's own doctor (the visiting doctor works at two clinics)
    patient: dict[str, str]  # registration fields by label
    phone_patient: dict[str, str]
    decisions: dict[str, str]  # consent purpose → the answer's label
    allergy: str  # the substance as the doctor writes it
    severe: str  # the allergy's severity as the doctor reads it
    reason: str  # why the patient cancels
    words: dict[str, str]  # the screens' labels used here, by the messages' key
    clock: str = "%H:%M"  # how its screens print a time (Arabic: 12-hour, then ص/م)


THAI = Clinic(
    slug="bangkok",
    name=BANGKOK,
    language="th",
    doctor="Siriporn",
    patient={"ชื่อ": "วันดี", "นามสกุล": "เดินทาง", "วันเกิด": "1990-05-12", "โทรศัพท์มือถือ": "089 000 7001"},
    phone_patient={"ชื่อ": "ใจดี", "นามสกุล": "มือถือ", "วันเกิด": "1994-08-30", "โทรศัพท์มือถือ": "089 000 7002"},
    decisions={"treatment": "ยินยอม", "clinical_photos": "ยินยอม", "marketing_messages": "ไม่ยินยอม"},
    allergy="ลิโดเคน",
    severe="รุนแรง",
    reason="ผู้ป่วยติดประชุม",
    words={
        "calendar": "ตารางนัด",
        "new": "นัดหมายใหม่",
        "patient": "ผู้ป่วย",
        "treatment": "การรักษา",
        "practitioner": "ผู้ให้บริการ",
        "day": "วัน",
        "book": "จอง",
        "list_day": "วันที่",
        "confirm": "ยืนยัน",
        "reschedule": "เลื่อนนัด",
        "new_day": "วันใหม่",
        "move": "เลื่อนนัดมาเวลานี้",
        "cancel": "ยกเลิกนัด",
        "cancel_reason": "เหตุผลที่ยกเลิก",
        "cancel_confirm": "ยกเลิกนัดนี้",
        "close": "ปิด",
        "arrive": "เช็กอิน",
        "booked": "จองแล้ว",
        "confirmed": "ยืนยันแล้ว",
        "cancelled": "ยกเลิก",
        "arrived": "มาถึงแล้ว",
        "completed": "เสร็จสิ้น",
        "session_in_progress": "กำลังรักษา",
        "session_completed": "เสร็จสิ้น",
    },
)
BRAZILIAN = Clinic(
    slug="sao-paulo",
    name=SAO_PAULO,
    language="pt-BR",
    doctor="Camila",
    patient={
        "Nome": "Helena",
        "Sobrenome": "Caminhada",
        "Data de nascimento": "1987-09-23",
        "Celular": "(11) 98000-7001",
    },
    phone_patient={
        "Nome": "Marina",
        "Sobrenome": "Celular",
        "Data de nascimento": "1996-01-14",
        "Celular": "(11) 98000-7002",
    },
    decisions={"treatment": "Concorda", "clinical_photos": "Concorda", "marketing_messages": "Recusa"},
    allergy="Lidocaína",
    severe="Grave",
    reason="Imprevisto no trabalho",
    words={
        "calendar": "Agenda",
        "new": "Novo agendamento",
        "patient": "Paciente",
        "treatment": "Tratamento",
        "practitioner": "Profissional",
        "day": "Dia",
        "book": "Agendar",
        "list_day": "Dia",
        "confirm": "Confirmar",
        "reschedule": "Remarcar",
        "new_day": "Novo dia",
        "move": "Remarcar para este horário",
        "cancel": "Cancelar agendamento",
        "cancel_reason": "Motivo do cancelamento",
        "cancel_confirm": "Cancelar o agendamento",
        "close": "Fechar",
        "arrive": "Registrar chegada",
        "booked": "Agendado",
        "confirmed": "Confirmado",
        "cancelled": "Cancelado",
        "arrived": "Chegou",
        "completed": "Concluído",
        "session_in_progress": "Em atendimento",
        "session_completed": "Concluída",
    },
)
ARABIC = Clinic(
    slug="riyadh",
    clock="%I:%M",
    name=RIYADH,
    language="ar",
    doctor="Nora",
    patient={
        "الاسم الأول": "لمى",
        "اسم العائلة": "الحربي",
        "تاريخ الميلاد": "1993-02-08",
        "رقم الجوال": "050 000 7001",
    },
    phone_patient={
        "الاسم الأول": "دانة",
        "اسم العائلة": "القحطاني",
        "تاريخ الميلاد": "1998-11-03",
        "رقم الجوال": "050 000 7002",
    },
    decisions={"treatment": "يوافق", "clinical_photos": "يوافق", "marketing_messages": "يرفض"},
    allergy="ليدوكائين",
    severe="شديد",
    reason="ظرف عائلي طارئ",
    words={
        "calendar": "التقويم",
        "new": "موعد جديد",
        "patient": "المريض",
        "treatment": "العلاج",
        "practitioner": "الممارس",
        "day": "اليوم",
        "book": "احجز",
        "list_day": "اليوم",
        "confirm": "تأكيد",
        "reschedule": "تغيير الموعد",
        "new_day": "اليوم الجديد",
        "move": "نقل الموعد",
        "cancel": "إلغاء الموعد",
        "cancel_reason": "سبب الإلغاء",
        "cancel_confirm": "إلغاء الموعد",
        "close": "إغلاق",
        "arrive": "تسجيل الوصول",
        "booked": "محجوز",
        "confirmed": "مؤكد",
        "cancelled": "ملغى",
        "arrived": "وصل",
        "completed": "مكتمل",
        "session_in_progress": "قيد العلاج",
        "session_completed": "مكتملة",
    },
)


@dataclass
class Plan:
    """Set up through the API: the clinic's doctor, a treatment with a follow-up interval
    that an allergy to lidocaine contraindicates, two coming days with free times of the
    doctor for it, and the owner's client (second factor passed)."""

    doctor: dict[str, Any]
    service: dict[str, Any]
    days: list[tuple[dt.date, list[dict[str, Any]]]]
    owner: httpx.Client

    @property
    def service_label(self) -> str:
        return f"{self.service['name']} ({self.service['duration_minutes']} min)"


@dataclass
class Desk:
    """The receptionist's page, kept for the clinic's tests, and its unexpected API answers."""

    watched: Watched
    failures: list[str]
    api: httpx.Client  # the receptionist's, to check what was stored

    @property
    def page(self) -> Page:
        return self.watched.page


def _ok(response: httpx.Response) -> Any:
    assert response.status_code in (200, 201), response.text
    return response.json()


def _local(instant: str, clinic: Clinic) -> dt.datetime:
    return dt.datetime.fromisoformat(instant).astimezone(ZONES[clinic.name])


@pytest.fixture(scope="module", params=[THAI, BRAZILIAN, ARABIC], ids=lambda clinic: clinic.slug)
def clinic(request: pytest.FixtureRequest) -> Clinic:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def plan(server: Server, clinic: Clinic) -> Plan:
    owner = api_with_totp(server, "owner", clinic.name)
    staff = _ok(owner.get("/api/v1/staff", params={"role": "doctor", "page_size": 100}))["results"]
    doctor = next(m["user"] for m in staff if m["user"]["full_name"].startswith(clinic.doctor))
    lasers = _ok(owner.get("/api/v1/catalog/services", params={"category": "laser", "page_size": 100}))
    service = next(s for s in lasers["results"] if "Nd:YAG" in s["name"])
    assert not service["requires_consent"] and not service["device_kind"]
    service = _ok(
        owner.patch(
            f"/api/v1/catalog/services/{service['id']}",
            json={"follow_up_days": FOLLOW_UP_DAYS, "contraindications": ["allergy_lidocaine"]},
        )
    )
    # Check-in opens for the whole day (the clinic's setting; 2 hours before by default):
    # the appointment booked for today gets the doctor's first free time, which may be
    # hours away on a busy day.
    _ok(
        owner.patch(
            f"/api/v1/clinics/{owner.headers['X-Clinic-Id']}", json={"checkin_opens_minutes_before": 24 * 60}
        )
    )
    today = dt.datetime.now(tz=ZONES[clinic.name]).date()
    days: list[tuple[dt.date, list[dict[str, Any]]]] = []
    for n in range(1, 22):
        day = today + dt.timedelta(days=n)
        answer = _ok(
            owner.get(
                f"{APPOINTMENTS}/availability/day",
                params={"service": service["id"], "practitioner": doctor["id"], "date": day.isoformat()},
            )
        )
        # Times well inside the calendar grid's hours (07:00 to 21:00).
        slots = [s for s in answer["slots"] if 8 <= _local(s["starts_at"], clinic).hour < 20]
        if len(slots) >= 3:
            days.append((day, slots))
        if len(days) == 2:
            return Plan(doctor=doctor, service=service, days=days, owner=owner)
    raise AssertionError(f"{clinic.name}: the doctor has no two days with free times in three weeks")


@pytest.fixture(scope="module")
def desk(browser: Browser, server: Server, clinic: Clinic) -> Iterator[Desk]:
    """The clinic's receptionist, signed in in the clinic's language; the page is kept
    for the walk and the phone (a 401 is a token refreshed; a 403 under /clinic/ is the
    chart's clinical part, which the front desk may not read and is told so)."""
    with page_opener(browser, server.base) as open_:
        watched = open_()
        failures = api_errors(
            watched,
            lambda r: r.status == 401 or (r.status == 403 and "/api/v1/clinic/" in r.url),
        )
        watched.page.set_viewport_size(DESKTOP)
        sign_in_in(watched.page, *server.login("receptionist", clinic.name), clinic.language)
        expect(watched.page.get_by_test_id("calendar-module")).to_be_visible(timeout=20_000)
        yield Desk(watched, failures, server.api("receptionist", clinic.name))


def _shot(watched: Watched, clinic: Clinic, step: str) -> None:
    watched.shot(f"day-{clinic.slug}-{step}")


def _register(page: Page, clinic: Clinic, fields: dict[str, str]) -> None:
    """Open the registration dialog and fill it: ``fields`` by label, and the patient's
    consent decisions."""
    page.goto("/patients")
    page.get_by_test_id("patient-register-open").click()
    dialog = page.get_by_test_id("patient-register")
    for label, value in fields.items():
        # A required field's label ends with an asterisk.
        dialog.get_by_label(re.compile(rf"^{re.escape(label)}(\s*\*)?$")).fill(value)
    expect(dialog.get_by_test_id("consent-treatment")).to_be_visible()
    for purpose, answer in clinic.decisions.items():
        dialog.get_by_test_id(f"consent-{purpose}").get_by_label(answer, exact=True).check()


def _registered(page: Page, fields: dict[str, str]) -> dict[str, Any]:
    """Send the registration; the patient as the server stored them."""
    with page.expect_response(
        lambda r: r.url.endswith("/api/v1/patients") and r.request.method == "POST"
    ) as answer:
        page.get_by_test_id("register-submit").click()
    assert answer.value.status == 201, answer.value.text()
    given = next(iter(fields.values()))
    expect(page.get_by_test_id("patient-notice")).to_contain_text(given)
    patient: dict[str, Any] = answer.value.json()
    return patient


def _patient_pick(dialog: Locator, clinic: Clinic, patient: dict[str, Any]) -> None:
    dialog.get_by_label(clinic.words["patient"], exact=True).fill(patient["given_name"])
    dialog.get_by_role("option").filter(has_text=patient["chart_number"]).click()
    expect(dialog.get_by_test_id("booking-patient")).to_contain_text(patient["chart_number"])


def _book(page: Page) -> dict[str, Any]:
    """Press the booking dialog's button; the appointment the server made."""
    with page.expect_response(
        lambda r: r.url.endswith(APPOINTMENTS) and r.request.method == "POST"
    ) as answer:
        page.locator('button[type=submit][form="booking-form"]').click()
    assert answer.value.status == 201, answer.value.text()
    booked: dict[str, Any] = answer.value.json()
    return booked


def _day_list(page: Page, clinic: Clinic, day: dt.date) -> Locator:
    if page.get_by_test_id("day-list").count() == 0:
        page.get_by_test_id("day-list-toggle").click()
    listing = page.get_by_test_id("day-list")
    listing.get_by_label(clinic.words["list_day"], exact=True).fill(day.isoformat())
    expect(listing.get_by_role("status")).to_have_count(0, timeout=10_000)
    return listing


def _doctor_signed_in(open_page: Callable[..., Watched], server: Server, clinic: Clinic) -> Watched:
    doctor = open_page()
    doctor.page.set_viewport_size(DESKTOP)
    sign_in_in(doctor.page, *server.login("doctor", clinic.name, clinic.doctor), clinic.language)
    totp_enrol(doctor.page, server.base, clinic.language)
    expect(doctor.page.get_by_test_id("calendar-module")).to_be_visible(timeout=20_000)
    return doctor


def _allergy_recorded(doctor: Watched, clinic: Clinic, patient: dict[str, Any]) -> None:
    """The doctor takes the history on the chart: an allergy, severe."""
    page = doctor.page
    page.goto(f"/patients?patient={patient['id']}")
    page.get_by_test_id("chart-tab-history").click()
    expect(page.get_by_test_id("intake-none")).to_be_visible(timeout=15_000)
    page.get_by_test_id("intake-edit").click()
    page.get_by_test_id("allergy-add").click()
    page.get_by_test_id("allergy-substance").fill(clinic.allergy)
    page.get_by_test_id("allergy-severity").select_option("severe")
    page.get_by_test_id("intake-save").click()
    expect(page.get_by_test_id("intake-notice")).to_be_visible()
    expect(page.get_by_test_id("intake-allergy")).to_contain_text(clinic.allergy)


def _appointment(page: Page, listing: Locator, appointment: dict[str, Any]) -> Locator:
    """Open the appointment's dialog from its row of the day list."""
    listing.get_by_test_id(f"day-row-{appointment['id']}").get_by_role("button").first.click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_test_id("appointment-status")).to_be_visible()
    return dialog


def _registration(
    desk: Desk,
    clinic: Clinic,
    fields: dict[str, str],
    shots: tuple[str, str],
    fits: Callable[[Page, str], None] = lambda _page, _where: None,
) -> dict[str, Any]:
    """The receptionist registers a patient with their consent decisions (stored as
    answered), the dialog and the chart it opens checked by ``fits``; returns the
    patient."""
    _register(desk.page, clinic, fields)
    fits(desk.page, "the registration dialog")
    _shot(desk.watched, clinic, shots[0])
    patient = _registered(desk.page, fields)
    current = _ok(desk.api.get(f"/api/v1/patients/{patient['id']}/consents"))["current"]
    expected = {"treatment": "granted", "clinical_photos": "granted", "marketing_messages": "withdrawn"}
    assert {purpose: current[purpose]["decision"] for purpose in expected} == expected
    fits(desk.page, "the registered patient's chart")
    _shot(desk.watched, clinic, shots[1])
    return patient


def _booked_from_the_calendar(
    desk: Desk, clinic: Clinic, plan: Plan, patient: dict[str, Any]
) -> dict[str, Any]:
    """A free time of the doctor clicked on the calendar opens the booking dialog with it
    chosen; the front desk is told to check the history, not what it says."""
    page, words = desk.page, clinic.words
    day, slots = plan.days[0]
    slot = slots[len(slots) // 2]
    page.goto(f"/calendar?date={day.isoformat()}")
    column = page.locator(f'.fc-col-header-cell[data-resource-id="{plan.doctor["id"]}"]')
    expect(column).to_be_visible(timeout=15_000)
    free_time_click(page, plan.doctor["id"], _local(slot["starts_at"], clinic))
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_label(words["day"], exact=True)).to_have_value(day.isoformat())
    _patient_pick(dialog, clinic, patient)
    choose(dialog, words["treatment"], plan.service_label)
    chosen = dialog.get_by_test_id("booking-slots").locator('button[aria-pressed="true"]')
    expect(chosen).to_have_count(1)
    expect(chosen).to_contain_text(_local(slot["starts_at"], clinic).strftime(clinic.clock))
    alert = dialog.get_by_test_id("patient-alerts")
    expect(alert).to_have_attribute("data-detailed", "false")
    assert clinic.allergy not in alert.inner_text()
    _shot(desk.watched, clinic, "05-booking-clicked-time")
    booked = _book(page)
    assert booked["practitioner_id"] == plan.doctor["id"]
    assert dt.datetime.fromisoformat(booked["starts_at"]) == dt.datetime.fromisoformat(slot["starts_at"])
    expect(page.get_by_test_id("calendar-notice")).to_be_visible()
    _shot(desk.watched, clinic, "06-booked")
    return booked


def _confirmed_moved_cancelled(desk: Desk, clinic: Clinic, plan: Plan, booked: dict[str, Any]) -> None:
    """From the day list's dialog: confirmed, moved to another day's free time, then
    cancelled with the patient's reason (required)."""
    page, words = desk.page, clinic.words
    stored = f"{APPOINTMENTS}/{booked['id']}"
    listing = _day_list(page, clinic, plan.days[0][0])
    dialog = _appointment(page, listing, booked)
    status = dialog.get_by_test_id("appointment-status")
    expect(status).to_have_text(words["booked"])
    dialog.get_by_role("button", name=words["confirm"], exact=True).click()
    expect(status).to_have_text(words["confirmed"])
    assert _ok(desk.api.get(stored))["status"] == "confirmed"
    _shot(desk.watched, clinic, "07-confirmed")

    move_day, move_slots = plan.days[1]
    dialog.get_by_role("button", name=words["reschedule"], exact=True).click()
    dialog.get_by_label(words["new_day"], exact=True).fill(move_day.isoformat())
    moved_to = _local(move_slots[0]["starts_at"], clinic)
    new_time = f"{moved_to:%H:%M}"
    shown = moved_to.strftime(clinic.clock)
    dialog.get_by_test_id("reschedule-slots").get_by_role("button").filter(has_text=shown).first.click()
    _shot(desk.watched, clinic, "08-move")
    with page.expect_response(lambda r: r.url.endswith(stored) and r.request.method == "PATCH") as moved:
        dialog.get_by_role("button", name=words["move"], exact=True).click()
    assert moved.value.status == 200, moved.value.text()
    starts = _local(_ok(desk.api.get(stored))["starts_at"], clinic)
    assert (starts.date(), f"{starts:%H:%M}") == (move_day, new_time)
    expect(dialog.get_by_test_id("appointment-when")).to_contain_text(new_time)
    _shot(desk.watched, clinic, "09-moved")

    dialog.get_by_role("button", name=words["cancel"], exact=True).click()
    submit = dialog.get_by_role("button", name=words["cancel_confirm"], exact=True)
    expect(submit).to_be_disabled()
    dialog.get_by_label(words["cancel_reason"]).fill(clinic.reason)
    _shot(desk.watched, clinic, "10-cancel-with-reason")
    submit.click()
    expect(status).to_have_text(words["cancelled"])
    expect(dialog).to_contain_text(clinic.reason)
    cancelled = _ok(desk.api.get(stored))
    assert (cancelled["status"], cancelled["cancel_reason"]) == ("cancelled", clinic.reason)
    _shot(desk.watched, clinic, "11-cancelled")
    dialog.get_by_role("button", name=words["close"], exact=True).click()


def _booked_again(
    desk: Desk, clinic: Clinic, plan: Plan, patient: dict[str, Any], day: dt.date
) -> dict[str, Any]:
    """With the calendar's "New appointment": the patient, the treatment, the doctor and
    ``day``, at the first free time."""
    page, words = desk.page, clinic.words
    page.get_by_role("button", name=words["new"], exact=True).click()
    dialog = page.get_by_role("dialog")
    _patient_pick(dialog, clinic, patient)
    choose(dialog, words["treatment"], plan.service_label)
    choose(dialog, words["practitioner"], plan.doctor["full_name"])
    dialog.get_by_label(words["day"], exact=True).fill(day.isoformat())
    dialog.get_by_test_id("booking-slots").get_by_role("button").first.click()
    _shot(desk.watched, clinic, "12-book-again")
    again = _book(page)
    assert _local(again["starts_at"], clinic).date() == day
    return again


def _checked_in(desk: Desk, clinic: Clinic, appointment: dict[str, Any], today: dt.date) -> Locator:
    """Checked in from today's day list; returns the appointment's row."""
    listing = _day_list(desk.page, clinic, today)
    row = listing.get_by_test_id(f"day-row-{appointment['id']}")
    row.get_by_role("button", name=clinic.words["arrive"], exact=True).click()
    expect(row.get_by_test_id("day-row-status")).to_have_text(clinic.words["arrived"])
    assert _ok(desk.api.get(f"{APPOINTMENTS}/{appointment['id']}"))["status"] == "arrived"
    _shot(desk.watched, clinic, "13-checked-in")
    return row


def _treated(
    doctor: Watched, clinic: Clinic, plan: Plan, patient: dict[str, Any], appointment: dict[str, Any]
) -> Locator:
    """The doctor opens the visit the check-in opened, adds the session, is told of the
    allergy (the start waits for the acknowledgement), starts and completes it; returns
    the session's panel."""
    page, words = doctor.page, clinic.words
    page.goto(f"/patients?patient={patient['id']}")
    visit = page.locator(f'[data-testid="visit"][data-appointment-id="{appointment["id"]}"]')
    expect(visit).to_have_attribute("data-status", "open", timeout=15_000)
    visit.get_by_test_id("session-service").select_option(label=plan.service["name"])
    visit.get_by_test_id("session-create").click()
    panel = page.get_by_test_id("session-panel")
    alerts = panel.get_by_test_id("session-alerts")
    allergy = alerts.locator('[data-testid="session-alert"][data-code="allergy_lidocaine"]')
    expect(allergy).to_contain_text(clinic.allergy)
    expect(allergy).to_contain_text(clinic.severe)
    expect(panel.get_by_test_id("session-start")).to_be_disabled()
    alerts.get_by_test_id("session-alerts-ack").check()
    _shot(doctor, clinic, "14-doctor-told-of-the-allergy")
    panel.get_by_test_id("session-start").click()
    # Each answer writes the session, the appointment and the audit trail: slow on a busy machine.
    expect(panel.get_by_test_id("session-status")).to_have_text(words["session_in_progress"], timeout=15_000)
    with page.expect_response(lambda r: r.url.endswith("/complete"), timeout=30_000) as completed:
        panel.get_by_test_id("session-complete").click()
    assert completed.value.ok, f"{completed.value.status}: {completed.value.text()}"
    expect(panel.get_by_test_id("session-status")).to_have_text(words["session_completed"], timeout=15_000)
    _shot(doctor, clinic, "15-doctor-completes")
    return panel


def _follow_up(
    doctor: Watched, clinic: Clinic, plan: Plan, patient: dict[str, Any], panel: Locator, today: dt.date
) -> None:
    """The follow-up in two clicks, with the same doctor around the treatment's interval."""
    follow_up = panel.get_by_test_id("follow-up")
    follow_up.get_by_test_id("follow-up-open").click()
    times = follow_up.get_by_test_id("follow-up-slots").get_by_role("button")
    expect(times.first).to_be_visible()
    _shot(doctor, clinic, "17-follow-up-times")
    with doctor.page.expect_response(
        lambda r: r.url.endswith(APPOINTMENTS) and r.request.method == "POST"
    ) as answer:
        times.first.click()
    assert answer.value.status == 201, answer.value.text()
    follow = answer.value.json()
    assert (follow["patient_id"], follow["practitioner_id"]) == (patient["id"], plan.doctor["id"])
    distance = _local(follow["starts_at"], clinic).date() - (today + dt.timedelta(days=FOLLOW_UP_DAYS))
    assert abs(distance.days) <= 3
    expect(follow_up.get_by_test_id("follow-up-booked")).to_be_visible()
    _shot(doctor, clinic, "18-follow-up-booked")


def test_a_receptionists_day(
    server: Server, clinic: Clinic, plan: Plan, desk: Desk, open_page: Callable[..., Watched]
) -> None:
    zone = ZONES[clinic.name]
    calendar = desk.page.get_by_test_id("calendar-module")
    expect(calendar.get_by_role("heading", level=1)).to_have_text(clinic.words["calendar"])
    _shot(desk.watched, clinic, "01-calendar")
    patient = _registration(desk, clinic, clinic.patient, ("02-register", "03-registered"))

    # The doctor records the allergy on the chart (the history is clinical: not the desk's).
    doctor = _doctor_signed_in(open_page, server, clinic)
    doctor_failures = api_errors(doctor, lambda r: r.status == 401)
    _allergy_recorded(doctor, clinic, patient)
    _shot(doctor, clinic, "04-doctor-records-the-allergy")

    booked = _booked_from_the_calendar(desk, clinic, plan, patient)
    _confirmed_moved_cancelled(desk, clinic, plan, booked)

    # Booked again for today, in an hour the owner adds to the doctor's day (whatever the
    # weekday and hour); late at night, when the clinic's day has no hour left, for the
    # next free day, and the rest of the day is not walked.
    today = dt.datetime.now(tz=zone).date()
    on_the_day = extra_hours_today(server, plan.doctor["id"], clinic=clinic.name, owner=plan.owner)
    again = _booked_again(desk, clinic, plan, patient, today if on_the_day else plan.days[1][0])
    if not on_the_day:
        pytest.skip(
            f"{clinic.name}: {dt.datetime.now(tz=zone):%H:%M} there, no hour left today to check in;"
            " check-in, the session, its completion and the follow-up are not walked"
        )
    row = _checked_in(desk, clinic, again, today)
    panel = _treated(doctor, clinic, plan, patient, again)

    # The front desk's day list follows: completed, without a reload.
    expect(row.get_by_test_id("day-row-status")).to_have_text(clinic.words["completed"], timeout=15_000)
    assert _ok(desk.api.get(f"{APPOINTMENTS}/{again['id']}"))["status"] == "completed"
    _shot(desk.watched, clinic, "16-desk-sees-completed")

    _follow_up(doctor, clinic, plan, patient, panel, today)
    assert desk.failures == []
    assert doctor_failures == []
    desk.watched.assert_clean()
    doctor.assert_clean()


def _fits_the_phone(page: Page, where: str) -> None:
    """Nothing scrolls sideways, nor sticks out of the screen (an open dialog's panel
    included: it is the full width)."""
    assert_fits(page, where)
    for panel in page.get_by_role("dialog").all():
        box = panel.locator("form").first.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1, (where, box)


def test_registration_and_booking_on_a_phone(clinic: Clinic, plan: Plan, desk: Desk) -> None:
    words = clinic.words
    page = desk.page
    page.set_viewport_size(PHONE)
    page.goto("/patients")
    expect(page.get_by_test_id("patient-list")).to_be_visible(timeout=15_000)
    _fits_the_phone(page, "the patient list")
    _shot(desk.watched, clinic, "20-phone-patients")

    patient = _registration(
        desk, clinic, clinic.phone_patient, ("21-phone-register", "22-phone-registered"), _fits_the_phone
    )

    day = plan.days[0][0]
    page.goto(f"/calendar?date={day.isoformat()}")
    agenda = page.get_by_test_id("day-agenda")
    expect(agenda.get_by_test_id("agenda-date")).to_have_value(day.isoformat(), timeout=15_000)
    _fits_the_phone(page, "the day agenda")
    _shot(desk.watched, clinic, "23-phone-agenda")
    agenda.get_by_role("button", name=words["book"], exact=True).click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_label(words["day"], exact=True)).to_have_value(day.isoformat())
    _patient_pick(dialog, clinic, patient)
    choose(dialog, words["treatment"], plan.service_label)
    dialog.get_by_test_id("booking-slots").get_by_role("button").first.click()
    _fits_the_phone(page, "the booking dialog")
    _shot(desk.watched, clinic, "24-phone-booking")
    booked = _book(page)
    assert _local(booked["starts_at"], clinic).date() == day
    name = f"{patient['given_name']} {patient['family_name']}"
    expect(agenda.get_by_test_id("agenda-row").filter(has_text=name)).to_contain_text(words["booked"])
    _fits_the_phone(page, "the day agenda after booking")
    _shot(desk.watched, clinic, "25-phone-booked")
    assert desk.failures == []
    desk.watched.assert_clean()
