"""Writes of the clinical record: visits, treatment sessions, notes, plans, consent
forms, photographs and face charts, one module per area; the public functions are
re-exported here (``from emr.services import photo_process``). Each function is one
transaction; clinical writes are audited (``audit.services.audit_event_record``)."""

from emr.services.charts import chart_viewed, face_chart_save
from emr.services.consents import (
    SIGNATURE_PNG_MAX_BYTES,
    consent_form_sign,
    consent_template_publish,
    consent_text_digest,
)
from emr.services.deposits import deposits_release_sweep
from emr.services.intake import medical_intake_record, session_alerts_check
from emr.services.notes import (
    NOTE_FIELDS,
    PlanFields,
    SoapFields,
    note_amend,
    note_create,
    note_sign,
    note_update,
    plan_create,
    plan_update,
)
from emr.services.photos import (
    photo_object_prefix,
    photo_process,
    photo_upload_confirm,
    photo_upload_issue,
    photos_requeue_stale,
    photos_view,
)
from emr.services.sessions import (
    STOCK_REFERENCE,
    session_create,
    session_finish,
    session_products_record,
    session_start,
)
from emr.services.visits import VISIT_REFERENCE, visit_complete, visit_open

__all__ = [
    "NOTE_FIELDS",
    "SIGNATURE_PNG_MAX_BYTES",
    "STOCK_REFERENCE",
    "VISIT_REFERENCE",
    "PlanFields",
    "SoapFields",
    "chart_viewed",
    "consent_form_sign",
    "consent_template_publish",
    "consent_text_digest",
    "deposits_release_sweep",
    "face_chart_save",
    "medical_intake_record",
    "note_amend",
    "note_create",
    "note_sign",
    "note_update",
    "photo_object_prefix",
    "photo_process",
    "photo_upload_confirm",
    "photo_upload_issue",
    "photos_requeue_stale",
    "photos_view",
    "plan_create",
    "plan_update",
    "session_alerts_check",
    "session_create",
    "session_finish",
    "session_products_record",
    "session_start",
    "visit_complete",
    "visit_open",
]
