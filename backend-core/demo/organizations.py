"""The demo organizations and their clinics: each clinic's details with its staff,
catalog, patients and calendar seeds."""

from __future__ import annotations

from accounts.services import ClinicData
from demo.calendars import BANGKOK_CALENDAR, RIYADH_CALENDAR, SAO_PAULO_CALENDAR
from demo.catalogs import BANGKOK_CATALOG, RIYADH_CATALOG, SAO_PAULO_CATALOG
from demo.patients import BANGKOK_PATIENTS, RIYADH_PATIENTS, SAO_PAULO_PATIENTS
from demo.people import BANGKOK_STAFF, LUMIERE_OWNER, NOOR_OWNER, RIYADH_STAFF, SAO_PAULO_STAFF
from demo.shapes import ClinicSeed, OrganizationSeed

ORGANIZATIONS = (
    OrganizationSeed(
        name="Lumière Aesthetic Group",
        owner=LUMIERE_OWNER,
        clinics=(
            ClinicSeed(
                ClinicData(
                    name="Lumière Bangkok (Sukhumvit 39)",
                    country="TH",
                    time_zone="Asia/Bangkok",
                    locale="th",
                    currency="THB",
                    # The front desk's mobile, also its LINE account: clinic_create only
                    # accepts mobile numbers (a Bangkok landline, 02-xxx-xxxx, is refused).
                    phone="+66 92 555 3939",
                    address="88 Soi Sukhumvit 39, Khlong Tan Nuea, Watthana, Bangkok 10110, Thailand",
                    city="Bangkok",
                    portal_published=True,
                ),
                BANGKOK_STAFF,
                BANGKOK_CATALOG,
                BANGKOK_PATIENTS,
                BANGKOK_CALENDAR,
            ),
            ClinicSeed(
                ClinicData(
                    name="Lumière São Paulo (Jardins)",
                    country="BR",
                    time_zone="America/Sao_Paulo",
                    locale="pt-BR",
                    currency="BRL",
                    phone="+55 11 97120-1120",  # the front desk's WhatsApp Business number
                    address="Rua Oscar Freire, 1120, conj. 52, Jardim Paulista, São Paulo, SP, "
                    "01426-001, Brasil",
                    city="São Paulo",
                    portal_published=True,
                ),
                SAO_PAULO_STAFF,
                SAO_PAULO_CATALOG,
                SAO_PAULO_PATIENTS,
                SAO_PAULO_CALENDAR,
            ),
        ),
    ),
    OrganizationSeed(
        name="Noor Medical Aesthetics",
        owner=NOOR_OWNER,
        clinics=(
            ClinicSeed(
                ClinicData(
                    name="Noor Aesthetics Al Olaya (Riyadh)",
                    country="SA",
                    time_zone="Asia/Riyadh",
                    locale="ar",
                    currency="SAR",
                    phone="+966 55 720 4400",  # the front desk's WhatsApp number
                    address="7236 Prince Mohammed bin Abdulaziz Rd (Tahlia St), Al Olaya, Riyadh 12214, "
                    "Saudi Arabia",
                    city="Riyadh",
                    portal_published=True,
                ),
                RIYADH_STAFF,
                RIYADH_CATALOG,
                RIYADH_PATIENTS,
                RIYADH_CALENDAR,
            ),
        ),
    ),
)
