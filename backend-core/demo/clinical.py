# ruff: noqa: E501  (clinical wording is data: one sentence per line reads best)
"""Demo clinical records: for the most recent completed appointments of each clinic a
visit with its treatment session, a signed SOAP note (one of them amended), a signed
consent form where the service requires one, a face chart for injectables and, for a
few sessions, before/after photographs; plus a treatment plan for two patients.

Everything goes through ``emr.services`` as the practitioner of each appointment, so
the demo obeys the same rules as the API (consent before a consent-requiring session
starts, notes locked once signed). Photographs are drawn with Pillow (a face-like oval
on a gradient, with a GPS position in the EXIF that processing removes), written to the
object store where the browser would upload them, then confirmed; the processing task
that confirmation queues runs inline (``demo.builders.demo_build``).
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw
from PIL.ExifTags import GPS, IFD

from accounts.models import Clinic, User
from catalog.models import Service
from core.objectstore import object_store
from core.roles import Role
from core.tenancy import clinic_context
from emr import services
from emr.models import ConsentFormSignature, FaceChart, PhotoAngle, PhotoKind, TreatmentSession
from patients.models import ClinicPatient
from scheduling.models import Appointment

VISITS_PER_CLINIC = 8
PHOTO_SESSIONS_PER_CLINIC = 2
INJECTABLES = {Service.Category.NEUROTOXIN, Service.Category.FILLER, Service.Category.BIOSTIMULATOR}

# fmt: off
CONSENT_FORMS: dict[str, tuple[str, str]] = {
    "th": ("หนังสือยินยอมรับการรักษา: {service}", "ข้าพเจ้าได้รับทราบขั้นตอน ความเสี่ยง (รอยช้ำ บวม ติดเชื้อ อาการแพ้) และทางเลือกอื่นของการรักษานี้ และยินยอมรับการรักษา"),
    "pt-br": ("Termo de consentimento: {service}", "Fui informado(a) sobre o procedimento, seus riscos (hematomas, edema, infecção, reação alérgica) e alternativas, e autorizo sua realização."),
    "ar": ("نموذج الموافقة: {service}", "تم إعلامي بالإجراء ومخاطره (كدمات، تورم، عدوى، حساسية) والبدائل، وأوافق على إجرائه."),
}
NOTES: dict[str, tuple[str, str, str, str]] = {
    "th": ("ต้องการลดริ้วรอยและปรับรูปหน้า", "ผิวปกติ ไม่มีการอักเสบ ริ้วรอยระดับปานกลาง", "เหมาะสมกับการรักษาตามแผน", "นัดติดตามผล 2 สัปดาห์"),
    "pt-br": ("Deseja suavizar rugas e harmonizar o rosto.", "Pele íntegra, sem sinais inflamatórios; rugas moderadas.", "Candidata ao procedimento planejado.", "Retorno em 2 semanas."),
    "ar": ("ترغب في تقليل التجاعيد وتحسين ملامح الوجه.", "الجلد سليم دون التهاب، تجاعيد متوسطة.", "مناسبة للإجراء المخطط.", "مراجعة بعد أسبوعين."),
}
AMENDMENT = {"th": "แก้ไขจุดฉีด: เพิ่มบริเวณหางตา", "pt-br": "Correção: incluída a região periorbital.", "ar": "تصحيح: إضافة منطقة حول العين."}
PLAN_GOALS = {"th": ["ลดริ้วรอยหน้าผาก", "ฟื้นฟูผิว"], "pt-br": ["Suavizar rugas da testa", "Melhorar a qualidade da pele"], "ar": ["تقليل تجاعيد الجبهة", "تحسين جودة البشرة"]}
# fmt: on

# Injection points on the frontal face template (x, y normalized): glabella, forehead,
# crow's feet; units per point.
TOXIN_POINTS = ((0.5, 0.30), (0.42, 0.22), (0.58, 0.22), (0.30, 0.36), (0.70, 0.36))
FILLER_POINTS = ((0.38, 0.55), (0.62, 0.55), (0.5, 0.78))


@dataclass(frozen=True)
class ClinicalSummary:
    visits: int
    notes: int
    consent_forms: int
    photos: int
    face_charts: int
    plans: int


def _face_photo(seed: int, *, after: bool) -> bytes:
    """A 480 x 600 JPEG: a skin-toned oval on a gradient, smoother "after", EXIF with the
    camera's GPS position (processing strips it)."""
    rng = random.Random(seed)  # noqa: S311 - demo data
    image = Image.linear_gradient("L").resize((480, 600)).convert("RGB")
    draw = ImageDraw.Draw(image)
    tone = (224 - rng.randrange(40), 180 - rng.randrange(40), 150 - rng.randrange(30))
    draw.ellipse((110, 90, 370, 470), fill=tone)
    for _ in range(0 if after else 12):  # "wrinkles" before treatment
        x, y = rng.randrange(150, 330), rng.randrange(130, 260)
        draw.line((x, y, x + 30, y + rng.randrange(-3, 4)), fill=(150, 110, 90), width=2)
    exif = Image.Exif()
    gps = exif.get_ifd(IFD.GPSInfo)
    gps[GPS.GPSLatitudeRef], gps[GPS.GPSLatitude] = "N", (13.0, 44.0, 9.0)
    gps[GPS.GPSLongitudeRef], gps[GPS.GPSLongitude] = "E", (100.0, 34.0, 2.0)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, exif=exif.tobytes())
    return out.getvalue()


def _signature_png(name: str) -> str:
    """A drawn-looking signature as base64 PNG."""
    image = Image.new("LA", (360, 90), (255, 0))
    draw = ImageDraw.Draw(image)
    rng = random.Random(name)  # noqa: S311 - demo data
    points = [(20 + i * 16, 50 + rng.randrange(-20, 20)) for i in range(20)]
    draw.line(points, fill=(20, 255), width=3)
    out = io.BytesIO()
    image.save(out, "PNG")
    return base64.b64encode(out.getvalue()).decode()


def _photos_add(clinic: Clinic, actor: User, session: TreatmentSession, seed: int) -> int:
    store = object_store()
    count = 0
    for kind in (PhotoKind.BEFORE, PhotoKind.AFTER):
        data = _face_photo(seed, after=kind == PhotoKind.AFTER)
        upload, _post = services.photo_upload_issue(
            clinic=clinic,
            actor=actor,
            session=session,
            kind=kind,
            angle=PhotoAngle.FRONT,
            content_type="image/jpeg",
            size=len(data),
        )
        store.write(upload.object_key, data, "image/jpeg")  # where the browser would post it
        # Confirming queues the processing task, which the demo build runs inline.
        services.photo_upload_confirm(clinic=clinic, actor=actor, key=upload.object_key)
        count += 1
    return count


def _chart(service: Service) -> dict[str, list[dict[str, object]]]:
    if service.category == Service.Category.NEUROTOXIN:
        return {
            "points": [
                {"x": x, "y": y, "units": "4", "unit": "U", "depth": "intramuscular", "technique": "bolus"}
                for x, y in TOXIN_POINTS
            ]
        }
    return {
        "points": [
            {"x": x, "y": y, "units": "0.3", "unit": "ml", "depth": "supraperiosteal", "technique": "cannula"}
            for x, y in FILLER_POINTS
        ]
    }


def clinical_records_build(
    clinic: Clinic, owner: User, staff: list[tuple[Role, User]], patients: list[ClinicPatient]
) -> ClinicalSummary:
    """Visits, sessions, notes, consent forms, photos, face charts and plans of ``clinic``
    (see the module docstring). Runs once per clinic, when the clinic is built."""
    language = clinic.locale.lower() if clinic.locale.lower() in NOTES else "th"
    subjective, objective, assessment, plan_text = NOTES[language]
    clinical_roles = {user.pk for role, user in staff if role in (Role.DOCTOR, Role.NURSE, Role.THERAPIST)}
    doctor = next(user for role, user in staff if role == Role.DOCTOR)
    visits = notes = forms = photos = charts = 0
    with clinic_context(clinic):
        templates = {}
        for service in Service.objects.filter(requires_consent=True).order_by("name"):
            title, body = CONSENT_FORMS[language]
            templates[service.pk] = services.consent_template_publish(
                clinic=clinic,
                actor=owner,
                service=service,
                locale=language,
                title=title.format(service=service.name),
                body=body,
            )
        appointments = list(
            Appointment.objects.filter(
                status=Appointment.Status.COMPLETED, practitioner_id__in=clinical_roles
            )
            .select_related("service", "patient__profile", "practitioner")
            .order_by("-starts_at")[:VISITS_PER_CLINIC]
        )
        for index, appointment in enumerate(appointments):
            author = appointment.practitioner
            visit = services.visit_open(clinic=clinic, actor=author, appointment=appointment)
            session = services.session_create(
                visit=visit, actor=author, service=appointment.service, practitioner_ids=[author.pk]
            )
            template = templates.get(appointment.service_id)
            if template is not None:
                name = str(appointment.patient.profile)
                drawn = index % 2 == 0
                services.consent_form_sign(
                    clinic=clinic,
                    actor=author,
                    patient=appointment.patient,
                    template=template,
                    method=ConsentFormSignature.Method.DRAWN if drawn else ConsentFormSignature.Method.TYPED,
                    signature_png=_signature_png(name) if drawn else "",
                    typed_name="" if drawn else name,
                )
                forms += 1
            session = services.session_start(session=session, actor=author)
            if photos < PHOTO_SESSIONS_PER_CLINIC * 2:
                photos += _photos_add(clinic, author, session, seed=index)
            if appointment.service.category in INJECTABLES:
                services.face_chart_save(
                    session=session,
                    actor=author,
                    annotations=_chart(appointment.service),
                    template=FaceChart.Template.FRONT,
                )
                charts += 1
            note = services.note_create(
                visit=visit,
                session=session,
                actor=author,
                subjective=subjective,
                objective=objective,
                assessment=assessment,
                plan=plan_text,
            )
            note = services.note_sign(note=note, actor=author)
            notes += 1
            if index == 0:
                amendment = services.note_amend(
                    note=note,
                    actor=author,
                    reason=AMENDMENT[language],
                    plan=f"{plan_text} {AMENDMENT[language]}",
                )
                services.note_sign(note=amendment, actor=author)
                notes += 1
            services.session_finish(
                session=session, actor=author, to_status=TreatmentSession.Status.COMPLETED
            )
            services.visit_complete(visit=visit, actor=author)
            visits += 1
        injectables = list(Service.objects.filter(category__in=INJECTABLES).order_by("name")[:1])
        plans = 0
        for patient in patients[:2] if injectables else []:
            start = clinic.today() + dt.timedelta(weeks=2)
            services.plan_create(
                clinic=clinic,
                actor=doctor,
                patient=patient,
                title=injectables[0].name,
                goals=PLAN_GOALS[language],
                items=[(injectables[0], start + dt.timedelta(weeks=12 * n)) for n in range(3)],
            )
            plans += 1
    return ClinicalSummary(visits, notes, forms, photos, charts, plans)
