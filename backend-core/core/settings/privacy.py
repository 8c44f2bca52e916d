"""Data-subject requests and record retention."""

from .env import env

# Data-subject requests: days from receipt to the due date, by the clinic's country and
# the request's kind (``compliance.subject_rights.dsr_due_days``); a kind a country does
# not name takes that country's "*", a country not named takes DSR_DUE_DAYS.
# Brazil: a full copy within 15 days (LGPD Art. 19 II); the other rights have no term in
# the law yet (Art. 18 §5 leaves it to regulation). Thailand: 30 days (PDPA s30 para 3).
# Saudi Arabia: 30 days (PDPL Implementing Regulation, on answering a data subject's request).
DSR_DUE_DAYS = env.int("DSR_DUE_DAYS", default=30)
DSR_DUE_DAYS_BY_LAW: dict[str, dict[str, int]] = {
    "BR": {"export": 15},
    "TH": {"*": 30},
    "SA": {"*": 30},
}
# Years a clinical record must be kept after its last entry, by clinic country; erasure
# keeps the identity that record needs until then. Brazil: 20 years (Lei 13.787/2018
# Art. 6; CFM Resolução 1.821/2007). Others default to 10 until set to the local rule,
# e.g. CLINICAL_RECORD_RETENTION_YEARS="BR=20,TH=10,SA=10".
CLINICAL_RECORD_RETENTION_YEARS: dict[str, int] = {
    "BR": 20,
    "TH": 10,
    "SA": 10,
    **{k.upper(): int(v) for k, v in env.dict("CLINICAL_RECORD_RETENTION_YEARS", default={}).items()},
}
DEFAULT_RECORD_RETENTION_YEARS = env.int("DEFAULT_RECORD_RETENTION_YEARS", default=10)

# Joining a patient's profile to the same person at other organizations (README "Patient
# identity"): the one-time codes sent to the phones on file there expire after this many
# minutes and allow this many wrong tries per request.
IDENTITY_LINK_CODE_TTL_MINUTES = env.int("IDENTITY_LINK_CODE_TTL_MINUTES", default=10)
IDENTITY_LINK_MAX_ATTEMPTS = env.int("IDENTITY_LINK_MAX_ATTEMPTS", default=5)
