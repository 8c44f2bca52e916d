"""Patient search at 1 M patients against 10 k patients, measured in one run.

Creates its own PostgreSQL database (dropped and recreated at start, dropped at the end
unless ``--keep``), migrates it, opens clinic S (10 k patients) and clinic L (1 M
patients) and times the search the patients API does for a seeded set of queries:
``patients.selectors.patient_list(clinic=…, q=…)`` through the API's paginator
(``core.pagination.BoundedCountPagination``, page 1): the count, bounded at 1,000 rows,
then the first page (25 rows). It prints p50, p95 and max for each clinic and the ratio
p95(L) / p95(S): a ratio, not an absolute time (bench/README.md).

    python bench/patient_search.py            # 10 k vs 1 M (a few minutes)
    python bench/patient_search.py --small    # 1 k vs 20 k (smoke test, seconds)

The server is ``DATABASE_URL`` (default ``postgres://postgres@127.0.0.1:5432/postgres``,
a role that may create databases); only 127.0.0.1 is accepted. See bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import secrets
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

BACKEND_DIR = Path(__file__).resolve().parent.parent / "backend-core"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres"
BENCH_DATABASE = "aesthetix_bench"
ALLOWED_HOST = "127.0.0.1"
PAGE_SIZE = 25  # core.pagination.PageNumberPagination.page_size
TRIGRAM_INDEX = "patient_link_search_name_trgm"  # patients/migrations/0006
SEED = 20_240_611


@dataclass(frozen=True)
class Scale:
    """Patients in clinic S and clinic L, and how many search queries are timed."""

    small: int
    large: int
    queries: int


FULL = Scale(small=10_000, large=1_000_000, queries=200)
SMOKE = Scale(small=1_000, large=20_000, queries=60)


# ------------------------------------------------------------------------------ names
# (name, sex) drawn per country; earlier entries are drawn more often (see Country),
# so common names ("Maria", "Somchai", "Mohammed") match many rows, as in real clinics.
# Portuguese names carry their accents, so accent folding decides what matches.

GIVEN_NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "TH": (
        ("Somchai", "male"), ("Siriporn", "female"), ("Somsak", "male"), ("Kanokwan", "female"),
        ("Nattapong", "male"), ("Pimchanok", "female"), ("Thanawat", "male"), ("Nattaya", "female"),
        ("Kittisak", "male"), ("Sasithorn", "female"), ("Prasert", "male"), ("Wanida", "female"),
        ("Anurak", "male"), ("Kannika", "female"), ("Chaiwat", "male"), ("Supaporn", "female"),
        ("Wichai", "male"), ("Rattana", "female"), ("Surachai", "male"), ("Chutima", "female"),
        ("Apichat", "male"), ("Arunee", "female"), ("Teerapat", "male"), ("Jintana", "female"),
        ("Sombat", "male"), ("Duangjai", "female"), ("Kriangsak", "male"), ("Pornthip", "female"),
    ),
    "BR": (
        ("Maria", "female"), ("João", "male"), ("Ana", "female"), ("José", "male"),
        ("Júlia", "female"), ("Antônio", "male"), ("Letícia", "female"), ("Luís", "male"),
        ("Beatriz", "female"), ("Lucas", "male"), ("Luíza", "female"), ("Gabriel", "male"),
        ("Fernanda", "female"), ("Pedro", "male"), ("Camila", "female"), ("Matheus", "male"),
        ("Mariana", "female"), ("Rafael", "male"), ("Conceição", "female"), ("André", "male"),
        ("Aparecida", "female"), ("Sérgio", "male"), ("Lúcia", "female"), ("Márcio", "male"),
        ("Patrícia", "female"), ("Fábio", "male"), ("Vitória", "female"), ("Vinícius", "male"),
        ("Sônia", "female"), ("Caio", "male"), ("Inês", "female"), ("Estêvão", "male"),
    ),
    "SA": (
        ("Mohammed", "male"), ("Fatimah", "female"), ("Abdullah", "male"), ("Nourah", "female"),
        ("Abdulrahman", "male"), ("Sarah", "female"), ("Faisal", "male"), ("Aisha", "female"),
        ("Khalid", "male"), ("Maha", "female"), ("Saud", "male"), ("Reem", "female"),
        ("Turki", "male"), ("Hessa", "female"), ("Fahad", "male"), ("Lamya", "female"),
        ("Sultan", "male"), ("Abeer", "female"), ("Nasser", "male"), ("Munirah", "female"),
        ("Omar", "male"), ("Ghadah", "female"), ("Yousef", "male"), ("Amal", "female"),
    ),
}  # fmt: skip

FAMILY_NAMES: dict[str, tuple[str, ...]] = {
    "TH": (
        "Srisuk", "Wongsawat", "Saetang", "Chaiyaporn", "Rattanakorn", "Sukprasert", "Thongdee",
        "Kaewmanee", "Boonmee", "Jaidee", "Phromphan", "Chantarasiri", "Sirisombat", "Intharasuk",
        "Prasertsuk", "Wattanasin", "Limpanich", "Suwannarat", "Kongkaew", "Charoenkul",
    ),
    "BR": (
        "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima",
        "Gomes", "Ribeiro", "Carvalho", "Araújo", "Gonçalves", "da Silva", "dos Santos", "Magalhães",
        "Conceição", "Simões", "Brandão", "Assunção", "Guimarães", "Damião", "de Araújo",
        "Fernandes Lima", "Sousa Gonçalves",
    ),
    "SA": (
        "Al-Qahtani", "Al-Otaibi", "Al-Ghamdi", "Al-Harbi", "Al-Shehri", "Al-Zahrani", "Al-Dosari",
        "Al-Mutairi", "Al-Anazi", "Al-Shammari", "Al-Subaie", "Al-Rashidi", "Al-Amri", "Al-Malki",
        "Al-Juhani", "Al-Saud",
    ),
}  # fmt: skip


@dataclass(frozen=True)
class Country:
    """Who a generated patient of one country is.

    ``share`` of all patients; ``phone_sql`` draws a valid E.164 mobile number (+66 8x,
    +55 DDD 9xxxx, +966 5x with x an operator's prefix). Names are drawn with index
    ``floor(random() ** skew * len(names))``, so with skew > 1 the first names of a list
    are the common ones: about (1/len) ** (1/skew) of the country's patients get the
    first. Chosen so that "Maria", "Silva" and "Mohammed" each cover roughly a tenth of
    their country, and Thai family names (unique per family by law) stay spread out.
    """

    code: str
    share: float
    phone_sql: str
    language: str
    channel: str
    given_skew: float
    family_skew: float


_DIGITS = "lpad(floor(random() * 1e{n})::bigint::text, {n}, '0')"
COUNTRIES: tuple[Country, ...] = (
    Country("TH", 0.40, "'+668' || " + _DIGITS.format(n=8), "th", "line", 1.3, 1.0),
    Country(
        "BR",
        0.40,
        "'+55' || (ARRAY['11','21','31','41','51','61','71','81'])[1 + floor(random() * 8)::int]"
        " || '9' || " + _DIGITS.format(n=8),
        "pt-br",
        "whatsapp",
        1.6,
        1.6,
    ),
    Country(
        "SA",
        0.20,
        "'+9665' || (ARRAY['0','3','4','5','6','8','9'])[1 + floor(random() * 7)::int] || "
        + _DIGITS.format(n=7),
        "ar",
        "whatsapp",
        1.6,
        1.2,
    ),
)

# Words that no generated name contains: searches that must come back empty.
NO_MATCH = (
    "Kowalski", "Nguyen", "Zhang", "Schmidt", "Okafor", "Tanaka", "Müller", "Ødegaard",
    "Ivanova", "Dubois", "Rossi", "Petrov", "Yamamoto", "Xq", "Zzyzx", "Björk",
)  # fmt: skip


def search_key(text: str) -> str:
    """``patients.services.search_key``, imported once Django is set up."""
    from patients.services import search_key as key

    return key(text)


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# ---------------------------------------------------------------------------- queries

QUERY_MIX: tuple[tuple[str, float], ...] = (
    ("given", 0.25),  # partial given name, as typed: "Somch", "júl", "nourah"
    ("family", 0.18),  # family name, whole or partial, also the part after "Al-"
    ("accented", 0.12),  # Portuguese name typed with its accents: "Conceição", "Gonçal"
    ("unaccented", 0.12),  # the same typed without: "conceicao", "goncal"
    ("two_words", 0.20),  # given prefix + family prefix: "mari silv"
    ("short", 0.05),  # first keystrokes of search-as-you-type: "so", "m"
    ("no_match", 0.08),  # names nobody has
)


def _typed(rng: random.Random, text: str) -> str:
    return text.lower() if rng.random() < 0.5 else text


def _prefix(rng: random.Random, text: str, shortest: int) -> str:
    return text[: rng.randint(min(shortest, len(text)), len(text))]


def make_queries(count: int, seed: int = SEED) -> list[tuple[str, str]]:
    """``count`` ``(kind, q)`` search queries, the same for the same seed, in the
    proportions of ``QUERY_MIX``, shuffled."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
    givens = [name for names in GIVEN_NAMES.values() for name, _sex in names]
    families = [name for names in FAMILY_NAMES.values() for name in names]
    accented = [name for name in givens + families if _strip_accents(name) != name]
    counts = {kind: round(share * count) for kind, share in QUERY_MIX}
    counts["given"] += count - sum(counts.values())
    queries: list[tuple[str, str]] = []
    for kind, n in counts.items():
        for _ in range(n):
            if kind == "given":
                q = _typed(rng, _prefix(rng, rng.choice(givens), 3))
            elif kind == "family":
                name = rng.choice(families)
                if name.startswith("Al-") and rng.random() < 0.5:
                    name = name[3:]
                q = _typed(rng, name if rng.random() < 0.7 else _prefix(rng, name, 4))
            elif kind in ("accented", "unaccented"):
                name = rng.choice(accented)
                first_accent = next(i for i, c in enumerate(name) if not c.isascii())
                q = _prefix(rng, name, max(4, first_accent + 1)) if rng.random() < 0.4 else name
                q = _typed(rng, q if kind == "accented" else _strip_accents(q))
            elif kind == "two_words":
                country = rng.choice(list(GIVEN_NAMES))
                given = rng.choice(GIVEN_NAMES[country])[0]
                family = rng.choice(FAMILY_NAMES[country]).split()[-1]
                q = _typed(rng, f"{_prefix(rng, given, 3)} {_prefix(rng, family, 3)}")
            elif kind == "short":
                q = _typed(rng, rng.choice(givens)[: rng.randint(1, 2)])
            else:
                q = rng.choice(NO_MATCH)
            queries.append((kind, q))
    rng.shuffle(queries)
    return queries


# ---------------------------------------------------------------------------- results


def percentile(samples: Sequence[float], pct: float) -> float:
    """The ``pct``-th percentile of ``samples``, interpolated between closest ranks."""
    if not samples:
        raise ValueError("no samples")
    if len(samples) == 1:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[round(pct) - 1]


@dataclass
class Timings:
    """Per-query milliseconds of one clinic: page, count and both (what one request pays)."""

    label: str
    page: list[float] = field(default_factory=list)
    count: list[float] = field(default_factory=list)
    total: list[float] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)

    def add(self, kind: str, page_ms: float, count_ms: float) -> None:
        self.kinds.append(kind)
        self.page.append(page_ms)
        self.count.append(count_ms)
        self.total.append(page_ms + count_ms)

    @property
    def p50(self) -> float:
        return percentile(self.total, 50)

    @property
    def p95(self) -> float:
        return percentile(self.total, 95)

    def of_kind(self, kind: str) -> list[float]:
        return [t for k, t in zip(self.kinds, self.total, strict=True) if k == kind]


@dataclass
class Plan:
    """EXPLAIN (ANALYZE, BUFFERS) of one query the search ran, and whether it reads the
    trigram index."""

    query: str  # "page" or "count"
    text: str

    @property
    def uses_trigram_index(self) -> bool:
        return TRIGRAM_INDEX in self.text


@dataclass
class Report:
    """Everything one run measured; ``ratio`` is the figure the issue asks for."""

    scale: Scale
    seconds: dict[str, float]
    small: Timings
    large: Timings
    small_alone: Timings
    explained_q: str
    plans: list[Plan]
    index_by_kind: dict[str, tuple[str, bool | None, bool]]  # kind: (q, page uses it, count uses it)

    @property
    def ratio(self) -> float:
        return self.large.p95 / self.small.p95

    def table(self) -> list[str]:
        """The timings as text: both clinics, then each kind of query."""
        s, l_ = size_label(self.scale.small), size_label(self.scale.large)
        head = f"{'ms per search (page + count)':<38}{'p50':>8}{'p95':>8}{'max':>8}"
        lines = [f"{head}{'p95 page':>10}{'p95 count':>10}"]
        rows = (
            (f"{s} with {l_} in the same tables", self.small),
            (f"{l_}", self.large),
            (f"{s} before {l_} was loaded", self.small_alone),
        )
        for label, t in rows:
            lines.append(
                f"  {label:<36}{t.p50:8.2f}{t.p95:8.2f}{max(t.total):8.2f}"
                f"{percentile(t.page, 95):10.2f}{percentile(t.count, 95):10.2f}"
            )
        lines += ["", f"{'by kind, p50 / p95 ms':<24}{s:>18}{l_:>18}{'n':>5}"]
        for kind, _share in QUERY_MIX:
            cells = [self.small.of_kind(kind), self.large.of_kind(kind)]
            if cells[0]:
                text = [f"{percentile(c, 50):.2f} / {percentile(c, 95):.2f}" for c in cells]
                lines.append(f"  {kind:<22}{text[0]:>18}{text[1]:>18}{len(cells[0]):>5}")
        return lines

    def summary(self) -> str:
        s, l_ = size_label(self.scale.small), size_label(self.scale.large)
        return (
            f"patient search p95: {s}={self.small.p95:.2f}ms {l_}={self.large.p95:.2f}ms "
            f"ratio={self.ratio:.2f} ({s} before {l_} was loaded: {self.small_alone.p95:.2f}ms)"
        )


def size_label(n: int) -> str:
    return f"{n // 1_000_000}M" if n % 1_000_000 == 0 else f"{n // 1_000}k"


# ---------------------------------------------------------------------------- database


def bench_database_url(server_url: str, name: str = BENCH_DATABASE) -> str:
    """``server_url`` pointing at database ``name``; refuses any host but 127.0.0.1."""
    parts = urlsplit(server_url)
    if parts.scheme not in ("postgres", "postgresql") or parts.hostname != ALLOWED_HOST:
        raise SystemExit(f"DATABASE_URL must be postgres://…@{ALLOWED_HOST}…, not {parts.hostname!r}")
    return urlunsplit(parts._replace(path=f"/{name}"))


def recreate_database(server_url: str, name: str = BENCH_DATABASE, *, drop_only: bool = False) -> None:
    """Drop the bench database ``name`` (forcing off its connections) and create it anew
    (only drop with ``drop_only``). Shared by every benchmark here."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(server_url, autocommit=True) as conn:
        name = sql.Identifier(name)
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        if not drop_only:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(name))


def _setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DATABASE_CONN_MAX_AGE"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "core.settings")
    if str(BACKEND_DIR) not in sys.path:
        sys.path.insert(0, str(BACKEND_DIR))
    import django

    django.setup()


@contextmanager
def timer(into: dict[str, float], key: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    into[key] = time.perf_counter() - start


def _create_clinics() -> tuple[Any, Any]:
    from accounts.services import ClinicData, clinic_create, organization_signup
    from core.roles import Role

    _org, small, owner = organization_signup(
        organization_name="Bench Aesthetics",
        clinic=ClinicData(
            name="Bench Small", country="TH", time_zone="Asia/Bangkok", locale="th", currency="THB"
        ),
        owner={
            "phone": "+66812345678",
            "password": secrets.token_urlsafe(16),
            "given_name": "Bench",
            "family_name": "Owner",
        },
    )
    large = clinic_create(
        organization=_org,
        actor=owner,
        actor_role=Role.OWNER,
        data=ClinicData(
            name="Bench Large", country="BR", time_zone="America/Sao_Paulo", locale="pt-BR", currency="BRL"
        ),
    )
    return small, large


def _name_arrays() -> dict[str, Any]:
    """Parameters of the load statements: the names, their search keys (``search_key()``
    itself, so ``search_name`` matches what services store) and where each country's
    block starts in the flat arrays."""
    params: dict[str, Any] = {
        "given": [], "given_key": [], "given_sex": [], "given_lo": [], "given_n": [], "given_skew": [],
        "family": [], "family_key": [], "family_lo": [], "family_n": [], "family_skew": [],
        "lang": [], "channel": [], "cuts": [0.0],
    }  # fmt: skip
    cumulative = 0.0
    for country in COUNTRIES:
        params["given_lo"].append(len(params["given"]) + 1)
        params["given_n"].append(len(GIVEN_NAMES[country.code]))
        params["given_skew"].append(country.given_skew)
        for name, sex in GIVEN_NAMES[country.code]:
            params["given"].append(name)
            params["given_key"].append(search_key(name))
            params["given_sex"].append(sex)
        params["family_lo"].append(len(params["family"]) + 1)
        params["family_n"].append(len(FAMILY_NAMES[country.code]))
        params["family_skew"].append(country.family_skew)
        for name in FAMILY_NAMES[country.code]:
            params["family"].append(name)
            params["family_key"].append(search_key(name))
        params["lang"].append(country.language)
        params["channel"].append(country.channel)
        cumulative += country.share
        params["cuts"].append(cumulative)
    params["cuts"] = params["cuts"][:-1]  # width_bucket: bucket c for cuts[c] <= r < cuts[c+1]
    return params


# One row per patient: country by share (width_bucket), given and family name skewed
# towards the first entries of the country's list (Country.given_skew, family_skew).
# OFFSET 0 keeps each random() evaluated once per row.
_PICK_SQL = """
CREATE TEMP TABLE bench_pick ON COMMIT DROP AS
SELECT i, gen_random_uuid() AS profile_id, c,
       (%(given_lo)s::int[])[c]
           + floor(power(random(), (%(given_skew)s::float8[])[c]) * (%(given_n)s::int[])[c])::int AS g,
       (%(family_lo)s::int[])[c]
           + floor(power(random(), (%(family_skew)s::float8[])[c]) * (%(family_n)s::int[])[c])::int AS f,
       now() - make_interval(secs => (%(n)s - i) * 250000000.0 / %(n)s) AS created_at
FROM (SELECT i, width_bucket(random(), %(cuts)s::float8[]) AS c
      FROM generate_series(1, %(n)s) AS i OFFSET 0) AS s
"""

_PROFILE_SQL = """
INSERT INTO patients_patientprofile (
    id, created_at, updated_at, organization_id, given_name, family_name, search_name, birth_date, sex,
    phone, phone_alt, email, address, national_id, national_id_hash, national_id_country,
    preferred_language, preferred_channel)
SELECT p.profile_id, p.created_at, p.created_at, %(organization)s,
       (%(given)s::text[])[g], (%(family)s::text[])[f],
       (%(given_key)s::text[])[g] || ' ' || (%(family_key)s::text[])[f],
       date '1950-01-01' + floor(random() * 20000)::int,
       (%(given_sex)s::text[])[g],
       CASE c {phones} END, '',
       CASE WHEN random() < 0.5 THEN replace((%(given_key)s::text[])[g], ' ', '') || '.'
            || replace((%(family_key)s::text[])[f], ' ', '') || i || '@example.com' ELSE '' END,
       CASE WHEN random() < 0.6 THEN (1 + floor(random() * 2000))::int || ' Bench Road, District '
            || (1 + floor(random() * 50))::int ELSE '' END,
       '', '', '', (%(lang)s::text[])[c], (%(channel)s::text[])[c]
FROM bench_pick AS p
"""

# Chart numbers as services._next_chart_number formats them: HN000001 … HN1000000.
_LINK_SQL = """
INSERT INTO patients_clinicpatient (
    id, created_at, updated_at, clinic_id, profile_id, search_name, chart_number, tags, notes,
    referral_source, first_visit_on)
SELECT gen_random_uuid(), b.created_at, b.created_at, %(clinic)s, b.profile_id, p.search_name,
       'HN' || CASE WHEN b.i < 1000000 THEN lpad(b.i::text, 6, '0') ELSE b.i::text END,
       '[]'::jsonb, '', '', b.created_at::date
FROM bench_pick AS b JOIN patients_patientprofile AS p ON p.id = b.profile_id
"""


def _load(clinic: Any, n: int) -> None:
    from django.db import connection, transaction

    params = {**_name_arrays(), "n": n, "clinic": clinic.pk, "organization": clinic.organization_id}
    phones = " ".join(f"WHEN {i} THEN {country.phone_sql}" for i, country in enumerate(COUNTRIES, 1))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit = off")
        # Bulk load without the row-history triggers (compliance): this measures search,
        # and a million history rows would only slow the load down.
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("SELECT setseed(%s)", [(SEED + n) % 1000 / 1000])  # same names every run
        cursor.execute(_PICK_SQL, params)
        cursor.execute(_PROFILE_SQL.format(phones=phones), params)
        cursor.execute(_LINK_SQL, params)


def _index_definition() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [TRIGRAM_INDEX])
        row = cursor.fetchone()
    if row is None:
        raise SystemExit(f"index {TRIGRAM_INDEX} is missing: did patients migration 0006 run?")
    return str(row[0])


def _execute(*statements: str) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _check_sample(size: int = 2000) -> None:
    """Generated rows look like the ones services write: search_name is search_key() of
    the name, phones are valid E.164 mobile numbers, chart numbers are unique per clinic."""
    from accounts.validators import normalize_phone
    from patients.models import PatientProfile

    rows = PatientProfile.objects.order_by("?").values_list(
        "given_name", "family_name", "search_name", "phone"
    )
    for given, family, stored, phone in rows[:size]:
        expected = search_key(f"{given} {family}")
        if stored != expected:
            raise SystemExit(f"search_name {stored!r} differs from search_key() {expected!r}")
        if normalize_phone(phone) != phone:
            raise SystemExit(f"phone {phone!r} is not E.164")


# ---------------------------------------------------------------------------- measuring


def _search(clinic: Any, q: str) -> tuple[float, float, int]:
    """What GET /api/v1/patients?q= costs the database, through the paginator the
    patients API uses (``core.pagination.BoundedCountPagination`` on page 1): the count,
    at most ``count_bound`` + 1 rows, then the first page. Milliseconds of the page and
    of the count, and the count (``count_bound`` + 1 means "more than the bound")."""
    from core.pagination import BoundedCountPagination, BoundedCountPaginator
    from core.tenancy import clinic_context
    from patients.selectors import patient_list

    with clinic_context(clinic):
        paginator = BoundedCountPaginator(
            patient_list(clinic=clinic, q=q), PAGE_SIZE, count_limit=BoundedCountPagination.count_bound
        )
        start = time.perf_counter()
        found = paginator.count
        middle = time.perf_counter()
        list(paginator.page(1))
        end = time.perf_counter()
    return (end - middle) * 1000, (middle - start) * 1000, found


def _measure(
    runs: Sequence[tuple[Timings, Any]],
    queries: Sequence[tuple[str, str]],
    progress: Callable[[str], None],
) -> None:
    """Time every query at every clinic, interleaved (the order alternates per query) so
    drift in the machine's load hits all clinics alike. A few untimed queries warm up."""
    for _kind, q in queries[:10]:
        for _timings, clinic in runs:
            _search(clinic, q)
    for number, (kind, q) in enumerate(queries, 1):
        order = runs if number % 2 else list(reversed(runs))
        for timings, clinic in order:
            page_ms, count_ms, found = _search(clinic, q)
            if kind == "no_match" and found:
                raise SystemExit(f"no_match query {q!r} found {found} patients")
            timings.add(kind, page_ms, count_ms)
        if number % 50 == 0:
            progress(f"  {number}/{len(queries)} queries")


def _captured_sql(clinic: Any, q: str) -> tuple[str, str | None]:
    """The SQL of the count and page queries the search for ``q`` runs, in that order;
    the page is ``None`` when nothing matched (the paginator then reads no page). The
    query that then loads the page's profiles by primary key is left out."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        _search(clinic, q)
    statements = [query["sql"] for query in captured.captured_queries]
    count, *page = [sql for sql in statements if "patients_clinicpatient" in sql]
    return count, page[0] if page else None


def _explain(sql: str, *, analyze: bool) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {'(ANALYZE, BUFFERS) ' if analyze else ''}{sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def _plans(clinic: Any, queries: Sequence[tuple[str, str]]) -> tuple[str, list[Plan], dict[str, Any]]:
    """EXPLAIN (ANALYZE, BUFFERS) of a representative query (the first partial given name
    of 4+ letters), and for the first query of each kind whether the page and the count
    plans read the trigram index (plain EXPLAIN; page ``None``: no page query ran)."""
    q = next(q for kind, q in queries if kind == "given" and len(q) >= 4)
    count, page = _captured_sql(clinic, q)
    if page is None:
        raise SystemExit(f"given name {q!r} matched nobody")
    plans = [Plan("page", _explain(page, analyze=True)), Plan("count", _explain(count, analyze=True))]
    by_kind: dict[str, tuple[str, bool | None, bool]] = {}
    for kind, kind_q in queries:
        if kind not in by_kind:
            count, page = _captured_sql(clinic, kind_q)
            page_uses = None if page is None else TRIGRAM_INDEX in _explain(page, analyze=False)
            by_kind[kind] = (kind_q, page_uses, TRIGRAM_INDEX in _explain(count, analyze=False))
    return q, plans, by_kind


# ---------------------------------------------------------------------------- run


def run(
    scale: Scale = FULL,
    *,
    server_url: str = DEFAULT_DATABASE_URL,
    keep: bool = False,
    out: Callable[[str], None] = print,
) -> Report:
    """Create the bench database, load both clinics, measure, print as it goes, drop
    the database (unless ``keep``) and return the figures. Django is set up inside,
    pointed at the bench database, so call this once per process."""
    url = bench_database_url(server_url)
    started = time.perf_counter()
    out(
        f"patient search benchmark: {size_label(scale.small)} vs {size_label(scale.large)} patients, "
        f"{scale.queries} queries (seed {SEED})"
    )
    recreate_database(server_url)
    try:
        report = _run(scale, url, out)
    finally:
        from django.db import connections

        connections.close_all()
        if keep:
            out(f"kept database {BENCH_DATABASE}")
        else:
            recreate_database(server_url, drop_only=True)
    out(f"total {time.perf_counter() - started:.1f} s")
    out(report.summary())
    return report


def _vacuum_analyze() -> None:
    _execute("VACUUM (ANALYZE) patients_patientprofile", "VACUUM (ANALYZE) patients_clinicpatient")


def _run(scale: Scale, url: str, out: Callable[[str], None]) -> Report:
    _setup_django(url)
    from django.core.management import call_command

    seconds: dict[str, float] = {}
    with timer(seconds, "migrate"):
        call_command("migrate", verbosity=0)
    out(f"PostgreSQL {_server_version()}, database {BENCH_DATABASE}, migrated in {seconds['migrate']:.1f} s")
    small, large = _create_clinics()
    queries = make_queries(scale.queries)
    s, l_ = size_label(scale.small), size_label(scale.large)

    # S first, with the trigram index in place (as services would insert), and measured
    # alone: what the same clinic costs before the big one shares its tables.
    with timer(seconds, "small"):
        _load(small, scale.small)
        _vacuum_analyze()
    out(f"load S {scale.small:>9,} patients: {seconds['small']:6.1f} s (index kept up to date)")
    small_alone = Timings(f"{s} alone")
    _measure([(small_alone, small)], queries, lambda _line: None)

    # L in bulk: drop the trigram index and build it again afterwards (its definition
    # read back from the catalog, so it is the one migration 0006 made).
    definition = _index_definition()
    with timer(seconds, "large_rows"):
        _execute(f"DROP INDEX {TRIGRAM_INDEX}")
        _load(large, scale.large)
    with timer(seconds, "large_index"):
        _execute("SET maintenance_work_mem = '256MB'", definition, "RESET maintenance_work_mem")
    with timer(seconds, "large_vacuum"):
        _vacuum_analyze()
    seconds["large"] = seconds["large_rows"] + seconds["large_index"] + seconds["large_vacuum"]
    out(
        f"load L {scale.large:>9,} patients: {seconds['large']:6.1f} s (rows {seconds['large_rows']:.1f} s, "
        f"index build {seconds['large_index']:.1f} s, vacuum analyze {seconds['large_vacuum']:.1f} s)"
    )
    _check_sample()
    out("checked: sampled search_name equal search_key(name), phones are E.164")

    out(f"measuring {len(queries)} queries at S and L (bounded count, then first page of {PAGE_SIZE})")
    s_timings, l_timings = Timings(s), Timings(l_)
    _measure([(s_timings, small), (l_timings, large)], queries, out)
    q, plans, by_kind = _plans(large, queries)
    report = Report(scale, seconds, s_timings, l_timings, small_alone, q, plans, by_kind)

    out("")
    for line in report.table():
        out(line)
    out("")
    for plan in plans:
        out(f"EXPLAIN (ANALYZE, BUFFERS), {plan.query} query at {l_}, q={q!r}:")
        out(re.sub(r"^", "  ", plan.text, flags=re.MULTILINE))
    out(f"trigram index at {l_}, by kind of query (page / count):")
    for kind, (kind_q, page_uses, count_uses) in by_kind.items():
        verdict = " / ".join(
            "no query" if uses is None else "used" if uses else "NOT used" for uses in (page_uses, count_uses)
        )
        out(f"  {kind:<11} {kind_q!r:<16} {verdict}")
    out(
        f"trigram index used for q={q!r} at {l_}: page {'yes' if plans[0].uses_trigram_index else 'no'}, "
        f"count {'yes' if plans[1].uses_trigram_index else 'no'}"
    )
    return report


def _server_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return str(cursor.fetchone()[0])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", action="store_true", help="1 k vs 20 k patients: a smoke test")
    parser.add_argument("--keep", action="store_true", help=f"keep the {BENCH_DATABASE} database")
    args = parser.parse_args(argv)
    run(
        SMOKE if args.small else FULL,
        server_url=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        keep=args.keep,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
