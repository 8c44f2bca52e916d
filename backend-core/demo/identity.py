"""Generated identities of demo patients: national IDs with correct check digits and
mobile numbers in each country's ranges, the same on every run."""

from __future__ import annotations

import random
from datetime import date

from stdnum import luhn
from stdnum.th import pin

from demo.shapes import PatientSeed


def _patient_rng(seed: PatientSeed) -> random.Random:
    """A generator seeded by who the patient is, so each person gets the same ID and
    number on every run and in every clinic that registers them. Not for secrets."""
    key = f"aesthetix-demo:{seed.country}:{seed.given_name} {seed.family_name}:{seed.birth_date}"
    return random.Random(key)  # noqa: S311


def _digits(rng: random.Random, count: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(count))


def thai_pin(rng: random.Random, birth_date: date) -> str:
    """A Thai personal identification number: 13 digits, the last the check digit of
    ``stdnum.th.pin``. Digit 1 is the registration category (1: registered at birth,
    from 1984 on; 3: already in a house register then), digits 2 to 5 the registering
    office, here a Bangkok district (10xx)."""
    category = "1" if birth_date.year >= 1984 else "3"
    body = f"{category}10{rng.randint(1, 50):02d}{_digits(rng, 7)}"
    return body + pin.calc_check_digit(body)


def cpf_check_digits(base: str) -> str:
    """The two mod-11 check digits of a 9-digit CPF base (the Receita Federal rule that
    ``stdnum.br.cpf.validate`` checks; python-stdnum 2.2 keeps its calculator private)."""
    first = (11 - sum((10 - i) * int(d) for i, d in enumerate(base))) % 11 % 10
    second = (11 - sum((11 - i) * int(d) for i, d in enumerate(f"{base}{first}"))) % 11 % 10
    return f"{first}{second}"


def brazil_cpf(rng: random.Random) -> str:
    """A CPF: 11 digits; the 9th is the issuing fiscal region, 8 for São Paulo."""
    base = f"{_digits(rng, 8)}8"
    return base + cpf_check_digits(base)


def saudi_id(rng: random.Random, *, resident: bool) -> str:
    """A Saudi national ID (citizen, starts with 1) or Iqama (resident, starts with 2):
    10 digits, the last a Luhn check digit."""
    body = f"{'2' if resident else '1'}{_digits(rng, 8)}"
    return body + luhn.calc_check_digit(body)


# Mobile ranges: Thai 06x/08x/09x, São Paulo (11) 9xxxx-xxxx, Saudi 05x.
_MOBILE_PREFIXES = {
    "TH": ("+66 81", "+66 82", "+66 86", "+66 89", "+66 62", "+66 63", "+66 64", "+66 91", "+66 95"),
    "BR": ("+55 11 95", "+55 11 96", "+55 11 97", "+55 11 98", "+55 11 99"),
    "SA": ("+966 50", "+966 53", "+966 54", "+966 55", "+966 56", "+966 58", "+966 59"),
}
_LANGUAGES = {"TH": "th", "BR": "pt-br", "SA": "ar"}


def patient_identity(seed: PatientSeed) -> tuple[str, str]:
    """``(national_id, mobile)`` of a demo patient, the same on every run."""
    rng = _patient_rng(seed)
    if seed.country == "TH":
        national_id = thai_pin(rng, seed.birth_date)
    elif seed.country == "BR":
        national_id = brazil_cpf(rng)
    else:
        national_id = saudi_id(rng, resident=seed.resident)
    phone = f"{rng.choice(_MOBILE_PREFIXES[seed.country])} {_digits(rng, 3)} {_digits(rng, 4)}"
    return national_id, phone
