"""Demo staff: the organizations' owners, each clinic's staff and the visiting doctor
who works in two organizations."""

from __future__ import annotations

from datetime import date

from core.roles import Role
from demo.shapes import Council, LicenceSeed, Person, StaffSeed

# fmt: off

# A Thai dermatologist who also sees patients as a visiting consultant in Riyadh (flying
# in for Thursday and Saturday evening clinics): one account, licences with both
# councils, memberships in two organizations.
VISITING_DOCTOR = Person("Kittipong", "Srisawat", "+66 81 907 2264", "en", "kittipong.s@lumiere.example", (
    LicenceSeed(Council.TMC, "38417"),
    LicenceSeed(Council.SCFHS, "1503248", valid_until=date(2028, 3, 31)),
))

LUMIERE_OWNER = Person("Pimchanok", "Wongsakul", "+66 81 642 7315", "th", "pimchanok.w@lumiere.example")
NOOR_OWNER = Person("Reem", "Al-Otaibi", "+966 50 318 7742", "ar", "reem.alotaibi@noor.example")

BANGKOK_STAFF = (
    StaffSeed(Role.ADMIN, Person("Thanawat", "Chaiyaporn", "+66 89 215 4408", "th",
                                 "thanawat.c@lumiere.example")),
    StaffSeed(Role.DOCTOR, Person("Siriporn", "Thongchai", "+66 86 330 9127", "th",
                                  "siriporn.t@lumiere.example", (LicenceSeed(Council.TMC, "41562"),))),
    StaffSeed(Role.DOCTOR, VISITING_DOCTOR),
    StaffSeed(Role.NURSE, Person("Kanokwan", "Saetang", "+66 62 418 5590", "th", "",
                                 (LicenceSeed(Council.TNMC, "5811204873", valid_until=date(2028, 6, 30)),))),
    StaffSeed(Role.THERAPIST, Person("Supaporn", "Kaewmanee", "+66 95 771 0436", "th")),
    StaffSeed(Role.RECEPTIONIST, Person("Chanida", "Boonmee", "+66 63 552 8817", "th")),
    StaffSeed(Role.CASHIER, Person("Wanida", "Phromma", "+66 97 184 6023", "th")),
    StaffSeed(Role.ACCOUNTANT, Person("Somchai", "Rattanaporn", "+66 84 629 3351", "th",
                                      "somchai.r@lumiere.example")),
    StaffSeed(Role.ASSISTANT, Person("Arthit", "Sukprasert", "+66 91 046 7782", "th")),
)

SAO_PAULO_STAFF = (
    # The local managing partner (sócia-diretora) co-owns the São Paulo branch.
    StaffSeed(Role.OWNER, Person("Mariana", "Albuquerque Costa", "+55 11 98214-6630", "pt-br",
                                 "mariana.costa@lumiere.example")),
    StaffSeed(Role.ADMIN, Person("Rafael", "Teixeira Moura", "+55 11 97351-0284", "pt-br",
                                 "rafael.moura@lumiere.example")),
    StaffSeed(Role.DOCTOR, Person("Camila", "Ferreira Nunes", "+55 11 99627-4418", "pt-br",
                                  "dra.camila@lumiere.example", (LicenceSeed(Council.CRM, "178432", "SP"),))),
    StaffSeed(Role.NURSE, Person("Juliana", "Souza Lima", "+55 11 98840-1375", "pt-br", "",
                                 (LicenceSeed(Council.COREN, "512345", "SP"),))),
    StaffSeed(Role.THERAPIST, Person("Beatriz", "Oliveira Santos", "+55 11 96583-2209", "pt-br")),
    StaffSeed(Role.RECEPTIONIST, Person("Larissa", "Mendes Araújo", "+55 11 94712-8856", "pt-br")),
    StaffSeed(Role.CASHIER, Person("Thiago", "Ribeiro Alves", "+55 11 95036-7741", "pt-br")),
    StaffSeed(Role.ACCOUNTANT, Person("Eduardo", "Carvalho Prado", "+55 11 99158-3062", "pt-br",
                                      "eduardo.prado@lumiere.example")),
    StaffSeed(Role.ASSISTANT, Person("Gabriela", "Rocha Vieira", "+55 11 97769-5120", "pt-br")),
)

RIYADH_STAFF = (
    StaffSeed(Role.ADMIN, Person("Faisal", "Al-Harbi", "+966 55 204 6619", "ar",
                                 "faisal.alharbi@noor.example")),
    StaffSeed(Role.DOCTOR, Person("Nora", "Al-Shehri", "+966 53 771 0458", "ar", "dr.nora@noor.example",
                                  (LicenceSeed(Council.SCFHS, "1109657", valid_until=date(2027, 9, 30)),))),
    StaffSeed(Role.DOCTOR, VISITING_DOCTOR),
    StaffSeed(Role.NURSE, Person("Hind", "Al-Dosari", "+966 54 680 2293", "ar", "",
                                 (LicenceSeed(Council.SCFHS, "1607715", valid_until=date(2028, 1, 31)),))),
    StaffSeed(Role.THERAPIST, Person("Lama", "Al-Ghamdi", "+966 56 413 9075", "ar")),
    StaffSeed(Role.RECEPTIONIST, Person("Sara", "Al-Mutairi", "+966 59 052 3381", "ar")),
    StaffSeed(Role.CASHIER, Person("Khalid", "Al-Zahrani", "+966 58 926 1147", "ar")),
    StaffSeed(Role.ACCOUNTANT, Person("Omar", "Al-Shammari", "+966 50 745 8830", "ar",
                                      "omar.alshammari@noor.example")),
    StaffSeed(Role.ASSISTANT, Person("Amal", "Al-Anazi", "+966 55 839 2406", "ar")),
)

# fmt: on
