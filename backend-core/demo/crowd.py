"""The many patients of a demo clinic, drawn from a seeded ``random.Random``: common
given and family names of each country (romanized as the clinics' other records are),
ages and sexes as an aesthetic clinic sees them (mostly women of 25 to 50), referral
sources, a few tags and e-mail addresses. The national IDs and mobile numbers follow
from each seed (``demo.identity.patient_identity``); draws that would repeat a person
(same name and birth date), an ID or a number are drawn again, so every patient can be
registered.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date, timedelta

from demo.identity import patient_identity
from demo.shapes import PatientSeed, Sex

# fmt: off
GIVEN_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "TH": {
        Sex.FEMALE: ("Siriwan", "Kanokporn", "Nattaya", "Pimchanok", "Supansa", "Chonticha", "Jiraporn",
                     "Wilaiwan", "Sukanya", "Orathai", "Pornpimol", "Warunee", "Ratchanee", "Nipaporn",
                     "Thanyarat", "Kamonwan", "Sasiprapa", "Duangjai", "Arunee", "Phatcharee",
                     "Benjawan", "Monthira", "Panida", "Yupin", "Kulthida", "Napat", "Ploy", "Wanwisa"),
        Sex.MALE: ("Somsak", "Chaiwat", "Thanakorn", "Nattapong", "Kittisak", "Anurak", "Worawit",
                   "Prasert", "Suriya", "Pongsakorn", "Tanawat", "Ekkachai", "Sarawut", "Wichai"),
    },
    "BR": {
        Sex.FEMALE: ("Maria Eduarda", "Ana Beatriz", "Juliana", "Camila", "Amanda", "Letícia", "Gabriela",
                     "Mariana", "Larissa", "Carolina", "Natália", "Daniela", "Tatiane", "Priscila",
                     "Adriana", "Simone", "Sandra", "Márcia", "Luana", "Raquel", "Débora", "Helena",
                     "Yasmin", "Jéssica", "Vitória", "Paula", "Elaine", "Cristiane"),
        Sex.MALE: ("Lucas", "Gabriel", "Rafael", "Felipe", "Gustavo", "Bruno", "Leonardo", "Diego",
                   "André", "Ricardo", "Fábio", "Henrique", "João Pedro", "Matheus"),
    },
    "SA": {
        Sex.FEMALE: ("Nouf", "Sarah", "Haya", "Reem", "Hessa", "Shahad", "Lama", "Mashael", "Asma", "Alanoud",
                     "Bashayer", "Ghada", "Hanan", "Jawaher", "Latifa", "Manal", "Munira", "Nada",
                     "Razan", "Samar", "Wejdan", "Yara", "Areej", "Deema", "Ftoon", "Raghad", "Amjad",
                     "Nourah"),
        Sex.MALE: ("Abdullah", "Mohammed", "Fahad", "Saud", "Nasser", "Khalid", "Bandar", "Majed",
                   "Faisal", "Yazeed", "Saad", "Mishal", "Talal", "Nawaf"),
    },
}
FAMILY_NAMES: dict[str, tuple[str, ...]] = {
    "TH": ("Saetang", "Srisuwan", "Chaiyasit", "Wongsuwan", "Rattanakul", "Thongdee", "Kaewkla",
           "Boonsri", "Sukhum", "Jantarawong", "Phanichkul", "Somboon", "Charoensuk", "Siriwat",
           "Petchrat", "Kongkaew", "Prasertsri", "Suwannarat", "Limpanich", "Tangsakul", "Chantra",
           "Nimmanwong", "Intarakul", "Sae-Lim", "Ruangrit", "Thepsiri", "Pongpanich", "Anantachai",
           "Meechai", "Wattanasin", "Chaichana", "Klinsukon"),
    "BR": ("Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima",
           "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares",
           "Fernandes", "Vieira", "Barbosa", "Rocha", "Dias", "Nascimento", "Andrade", "Moreira",
           "Nunes", "Marques", "Machado", "Mendes", "Freitas", "Cardoso", "Teixeira"),
    "SA": ("Al-Qahtani", "Al-Ghamdi", "Al-Zahrani", "Al-Otaibi", "Al-Harbi", "Al-Shehri", "Al-Dosari",
           "Al-Mutairi", "Al-Shammari", "Al-Anazi", "Al-Subaie", "Al-Yami", "Al-Johani", "Al-Malki",
           "Al-Rashidi", "Al-Harthi", "Al-Omari", "Al-Sulaiman", "Al-Saud", "Al-Fahad", "Al-Tamimi",
           "Al-Dossary", "Al-Juhani", "Al-Hazmi", "Al-Asmari", "Al-Ahmadi", "Al-Khaldi", "Al-Balawi",
           "Al-Qarni", "Al-Shahrani", "Al-Mansour", "Al-Rasheed"),
}
# Where new patients heard of the clinic, with relative weights.
REFERRALS: dict[str, tuple[tuple[str, int], ...]] = {
    "TH": (("Instagram", 20), ("Facebook", 14), ("TikTok", 14), ("LINE official account", 12),
           ("Friend referral", 18), ("Google Maps", 10), ("Walk-in", 6), ("Doctor referral", 4),
           ("Pantip review", 2)),
    "BR": (("Instagram", 30), ("Indicação de amiga", 22), ("Google", 16), ("TikTok", 10),
           ("Indicação médica", 8), ("WhatsApp", 8), ("Passou na frente", 3), ("Doctoralia", 3)),
    "SA": (("Instagram", 20), ("Snapchat", 22), ("TikTok", 12), ("Friend referral", 20),
           ("Google Maps", 12), ("Walk-in", 5), ("X (Twitter)", 5), ("Doctor referral", 4)),
}
TAGS: dict[str, tuple[str, ...]] = {
    "TH": ("VIP", "melasma", "acne scars", "toxin regular", "hair removal", "filler follow-up",
           "sensitive skin"),
    "BR": ("VIP", "melasma", "acne", "toxina recorrente", "depilação a laser", "bioestimulador",
           "pele sensível"),
    "SA": ("VIP", "melasma", "acne scars", "toxin regular", "hair removal", "filler follow-up",
           "sensitive skin"),
}
# fmt: on

WOMEN = 0.86  # the share of women among an aesthetic clinic's patients
TAGGED, WITH_EMAIL, SAUDI_RESIDENTS = 0.2, 0.35, 0.2


def _ascii(text: str) -> str:
    """``"Letícia Sae-Lim"`` -> ``"leticiasae-lim"``, for an e-mail's local part."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c == "-")).lower()


def _birth_date(rng: random.Random, today: date) -> date:
    """Ages 20 to 65, most between 28 and 48 (a triangular draw peaking at 36)."""
    age_days = int(rng.triangular(20, 65, 36) * 365.25)
    return today - timedelta(days=age_days)


def patients_generate(
    country: str, count: int, *, key: str, taken: set[str], today: date
) -> list[PatientSeed]:
    """``count`` patients of ``country`` (``TH``, ``BR`` or ``SA``), the same for the same
    ``key`` and ``today``. ``taken`` holds the national IDs and mobile numbers already in
    use (the clinic's named patients): none is repeated, and the new ones are added."""
    rng = random.Random(f"aesthetix-demo-crowd:{key}")  # noqa: S311 - demo data
    sources, weights = zip(*REFERRALS[country], strict=True)
    people: set[tuple[str, str, date]] = set()
    seeds: list[PatientSeed] = []
    while len(seeds) < count:
        sex = Sex.FEMALE if rng.random() < WOMEN else Sex.MALE
        given = rng.choice(GIVEN_NAMES[country][sex])
        family = rng.choice(FAMILY_NAMES[country])
        born = _birth_date(rng, today)
        tags = (rng.choice(TAGS[country]),) if rng.random() < TAGGED else ()
        email = (
            f"{_ascii(given)}.{_ascii(family)[:1]}{born:%y}@example.com" if rng.random() < WITH_EMAIL else ""
        )
        seed = PatientSeed(
            given,
            family,
            sex,
            born,
            country,
            rng.choices(sources, weights=weights)[0],
            tags,
            email.replace("-", ""),
            resident=country == "SA" and rng.random() < SAUDI_RESIDENTS,
        )
        national_id, phone = patient_identity(seed)
        if (given, family, born) in people or national_id in taken or phone in taken:
            continue
        people.add((given, family, born))
        taken.update((national_id, phone))
        seeds.append(seed)
    return seeds
