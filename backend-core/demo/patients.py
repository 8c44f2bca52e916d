"""Demo patients of each clinic; their national IDs and mobile numbers are generated
(``demo.identity.patient_identity``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from demo.shapes import PatientSeed, Sex

# fmt: off

# Columns: given name, family name, sex, birth date, country (issues the ID and the
# phone), referral source, tags, e-mail. IDs and phones are generated: patient_identity().


F, M = Sex.FEMALE, Sex.MALE

# Registered in Riyadh and, as a medical tourist, in Bangkok: the same Saudi ID at two
# organizations, each with its own profile of her (README "Patient identity").
NOURA = PatientSeed("Noura", "Al-Qahtani", F, date(1992, 2, 10), "SA", "Snapchat", ("VIP",),
                    "noura.q@example.com")

BANGKOK_PATIENTS = (
    PatientSeed("Nattaporn", "Kongsiri", F, date(1990, 3, 14), "TH", "Instagram", ("melasma",),
                "nattaporn.k@example.com"),
    PatientSeed("Pornthip", "Sukjai", F, date(1985, 11, 2), "TH", "Friend referral", ("toxin regular",)),
    PatientSeed("Apinya", "Charoenwong", F, date(1993, 7, 21), "TH", "LINE official account"),
    PatientSeed("Waraporn", "Saelim", F, date(1979, 1, 30), "TH", "Walk-in", ("VIP",)),
    PatientSeed("Thitima", "Srisuk", F, date(1996, 5, 9), "TH", "TikTok", ("acne scars",),
                "thitima.s@example.com"),
    PatientSeed("Kanya", "Phanthong", F, date(1988, 9, 17), "TH", "Google Maps"),
    PatientSeed("Jirayu", "Boonyarat", M, date(1991, 12, 5), "TH", "Instagram", ("hair removal",)),
    PatientSeed("Teerapat", "Wongwaiwit", M, date(1987, 4, 23), "TH", "Friend referral"),
    PatientSeed("Sasithorn", "Intharasuk", F, date(1982, 6, 11), "TH", "Facebook", ("filler follow-up",)),
    PatientSeed("Rattana", "Meesuk", F, date(1969, 10, 28), "TH", "Doctor referral", ("VIP",)),
    PatientSeed("Chutima", "Thammasak", F, date(1998, 2, 19), "TH", "TikTok"),
    PatientSeed("Pakorn", "Limthong", M, date(1994, 8, 7), "TH", "Google Maps"),
    replace(NOURA, referral_source="Noor Aesthetics, Riyadh", tags=("medical tourist",)),
)

SAO_PAULO_PATIENTS = (
    PatientSeed("Ana Carolina", "Pereira", F, date(1989, 5, 12), "BR", "Instagram", ("bioestimulador",),
                "anacarolina.p@example.com"),
    PatientSeed("Fernanda", "Lima Barbosa", F, date(1984, 8, 30), "BR", "Indicação de amiga", ("VIP",)),
    PatientSeed("Patrícia", "Moreira", F, date(1976, 2, 14), "BR", "Google"),
    PatientSeed("Luciana", "Cardoso", F, date(1981, 11, 23), "BR", "Indicação médica", ("melasma",)),
    PatientSeed("Bruna", "Almeida Rocha", F, date(1995, 3, 3), "BR", "TikTok", (), "bruna.rocha@example.com"),
    PatientSeed("Renata", "Gomes", F, date(1979, 7, 19), "BR", "Instagram", ("toxina recorrente",)),
    PatientSeed("Vanessa", "Martins", F, date(1990, 10, 8), "BR", "Google"),
    PatientSeed("Isabela", "Castro", F, date(1998, 6, 25), "BR", "Instagram", ("depilação a laser",)),
    PatientSeed("Marcelo", "Azevedo", M, date(1983, 9, 1), "BR", "Indicação de amiga"),
    PatientSeed("Rodrigo", "Pinto", M, date(1975, 12, 17), "BR", "Google", ("VIP",)),
    PatientSeed("Aline", "Freitas", F, date(1992, 1, 28), "BR", "Instagram", ("acne",)),
    PatientSeed("Cláudia", "Ramos", F, date(1968, 4, 6), "BR", "Indicação médica"),
)

RIYADH_PATIENTS = (
    NOURA,
    PatientSeed("Lulwah", "Al-Rashid", F, date(1988, 6, 3), "SA", "Instagram", (), "lulwah.r@example.com"),
    PatientSeed("Maha", "Al-Subaie", F, date(1985, 10, 21), "SA", "Friend referral", ("melasma",)),
    PatientSeed("Abeer", "Al-Yami", F, date(1979, 3, 15), "SA", "Google Maps", ("VIP",)),
    PatientSeed("Dalal", "Al-Johani", F, date(1995, 12, 1), "SA", "Snapchat"),
    PatientSeed("Wafa", "Al-Malki", F, date(1983, 8, 27), "SA", "Walk-in", ("filler follow-up",)),
    PatientSeed("Ghadah", "Al-Enezi", F, date(1990, 4, 18), "SA", "Instagram", ("hair removal",)),
    PatientSeed("Sultan", "Al-Harthi", M, date(1986, 11, 9), "SA", "Google Maps"),
    PatientSeed("Turki", "Al-Mutlaq", M, date(1993, 5, 30), "SA", "Friend referral", ("acne scars",)),
    PatientSeed("Rahaf", "Al-Omari", F, date(1999, 9, 14), "SA", "TikTok"),
    PatientSeed("Joud", "Al-Sulaiman", F, date(1997, 1, 22), "SA", "Snapchat", (), "joud.s@example.com"),
    # A Lebanese resident of Riyadh: her ID is an Iqama (starts with 2).
    PatientSeed("Layla", "Haddad", F, date(1987, 7, 7), "SA", "Google Maps", resident=True),
)

# fmt: on
