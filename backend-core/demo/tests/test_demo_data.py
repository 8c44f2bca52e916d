import io
from decimal import Decimal

import phonenumbers
import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory
from stdnum import luhn
from stdnum.br import cpf
from stdnum.th import pin

from accounts.models import Clinic, Membership, Organization, ProfessionalLicence, User
from commerce.models import Service
from core.roles import Role
from demo.builders import DEMO_PASSWORD, NOURA, patient_identity
from patients.models import ClinicPatient, PatientProfile

pytestmark = pytest.mark.django_db

INJECTABLES = {Service.Category.NEUROTOXIN, Service.Category.FILLER, Service.Category.BIOSTIMULATOR}
# Typical list prices per toxin unit in each city.
TOXIN_UNIT_PRICE = {"THB": (Decimal(250), Decimal(450)), "BRL": (Decimal(30), Decimal(50)),
                    "SAR": (Decimal(40), Decimal(70))}  # fmt: skip


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The demo creates 28 accounts; PBKDF2's production work factor is not under test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def run_demo_data() -> str:
    out = io.StringIO()
    call_command("demo_data", stdout=out)
    return out.getvalue()


@pytest.fixture
def output() -> str:
    return run_demo_data()


def national_id_is_valid(country: str, number: str) -> bool:
    if country == "TH":
        return pin.is_valid(number)
    if country == "BR":
        return cpf.is_valid(number)
    if country == "SA":
        return len(number) == 10 and number[0] in "12" and luhn.is_valid(number)
    return False


def test_builds_two_organizations_with_three_localized_clinics(output):
    clinics = {
        (c.country, c.time_zone, c.locale, c.currency): c.organization.name
        for c in Clinic.objects.select_related("organization")
    }

    assert Organization.objects.count() == 2
    assert clinics == {
        ("TH", "Asia/Bangkok", "th", "THB"): "Lumière Aesthetic Group",
        ("BR", "America/Sao_Paulo", "pt-BR", "BRL"): "Lumière Aesthetic Group",
        ("SA", "Asia/Riyadh", "ar", "SAR"): "Noor Medical Aesthetics",
    }
    assert all(c.phone.startswith("+") and c.address for c in Clinic.objects.all())


def test_every_role_is_staffed_at_every_clinic(output):
    for clinic in Clinic.objects.all():
        roles = set(Membership.objects.filter(clinic=clinic, is_active=True).values_list("role", flat=True))
        assert roles == set(Role), clinic.name


def test_staff_phones_are_local_mobiles(output):
    prefix = {"TH": "+66", "BR": "+5511", "SA": "+9665"}
    visiting = 0
    for membership in Membership.objects.select_related("clinic", "user"):
        phone = phonenumbers.parse(membership.user.phone)
        assert phonenumbers.number_type(phone) == phonenumbers.PhoneNumberType.MOBILE, membership
        if not membership.user.phone.startswith(prefix[membership.clinic.country]):
            visiting += 1
    # Only the founder (Thai, owner in São Paulo) and the visiting Thai doctor in Riyadh.
    assert visiting == 2


def test_one_doctor_works_at_clinics_of_two_organizations(output):
    doctors_across = [
        user
        for user in User.objects.filter(memberships__role=Role.DOCTOR).distinct()
        if len({m.clinic.organization_id for m in user.memberships.select_related("clinic")}) == 2
    ]

    assert len(doctors_across) == 1
    councils = set(doctors_across[0].licences.values_list("council", flat=True))
    assert councils == {ProfessionalLicence.Council.TMC, ProfessionalLicence.Council.SCFHS}


def test_every_doctor_holds_a_licence_of_the_clinic_country(output):
    council_of = {"TH": "TMC", "BR": "CRM", "SA": "SCFHS"}
    for membership in Membership.objects.filter(role=Role.DOCTOR).select_related("clinic", "user"):
        councils = set(membership.user.licences.values_list("council", flat=True))
        assert council_of[membership.clinic.country] in councils, membership
    assert ProfessionalLicence.objects.filter(council="CRM", region="SP").exists()


def test_each_clinic_sells_a_local_currency_catalog_with_consented_injectables(output):
    for clinic in Clinic.objects.all():
        services = list(Service.unscoped.filter(clinic=clinic))
        toxins = [s for s in services if s.category == Service.Category.NEUROTOXIN]
        low, high = TOXIN_UNIT_PRICE[clinic.currency]

        assert 10 <= len(services) <= 14
        assert {s.currency for s in services} == {clinic.currency}
        assert {s.category for s in services} == set(Service.Category)
        assert all(s.requires_consent for s in services if s.category in INJECTABLES)
        assert toxins
        assert all(s.unit == Service.Unit.TOXIN_UNIT and low <= s.price <= high for s in toxins)
        assert all(s.unit == Service.Unit.ML for s in services if s.category == Service.Category.FILLER)


def test_patients_carry_valid_national_ids_and_local_details(output):
    for clinic in Clinic.objects.all():
        assert 10 <= ClinicPatient.unscoped.filter(clinic=clinic).count() <= 15
    for profile in PatientProfile.objects.all():
        assert national_id_is_valid(profile.national_id_country, profile.national_id), profile
        phone = phonenumbers.parse(profile.phone)
        assert phonenumbers.number_type(phone) == phonenumbers.PhoneNumberType.MOBILE, profile.phone
        assert phonenumbers.region_code_for_number(phone) == profile.national_id_country
        assert profile.sex in (PatientProfile.Sex.FEMALE, PatientProfile.Sex.MALE)


def test_one_patient_profile_is_linked_to_two_clinics(output):
    shared = [p for p in PatientProfile.objects.all() if p.clinic_links(manager="unscoped").count() == 2]

    assert [(p.given_name, p.national_id_country) for p in shared] == [("Noura", "SA")]
    assert ClinicPatient.unscoped.count() == PatientProfile.objects.count() + 1


def test_generated_identities_are_the_same_on_every_run():
    # Pinned: a change here changes the demo data every existing install has loaded.
    assert patient_identity(NOURA) == ("1319791271", "+966 56 047 5256")


def test_logins_list_owner_doctor_receptionist_and_cashier_of_every_clinic(output):
    lines = output.splitlines()
    roles = (Role.OWNER, Role.DOCTOR, Role.RECEPTIONIST, Role.CASHIER)
    for membership in Membership.objects.filter(role__in=roles).select_related("clinic", "user"):
        clinic, role, phone = membership.clinic.name, f" {membership.role} ", membership.user.phone
        assert any(clinic in line and role in line and phone in line for line in lines), membership
    assert DEMO_PASSWORD in output
    assert "authenticator" in output


def test_running_twice_changes_nothing(output):
    def counts():
        return (
            Organization.objects.count(),
            Clinic.objects.count(),
            User.objects.count(),
            Membership.objects.count(),
            ProfessionalLicence.objects.count(),
            Service.unscoped.count(),
            PatientProfile.objects.count(),
            ClinicPatient.unscoped.count(),
        )

    first = counts()
    second_output = run_demo_data()

    assert counts() == first
    assert "already present" in second_output
    assert second_output.splitlines()[-10:] == output.splitlines()[-10:]


def test_a_printed_login_signs_in(output):
    line = next(line for line in output.splitlines() if "Bangkok" in line and " receptionist " in line)
    phone = next(token for token in line.split() if token.startswith("+"))

    user = authenticate(request=RequestFactory().post("/"), phone=phone, password=DEMO_PASSWORD)

    assert user is not None
    assert user.memberships.get().role == Role.RECEPTIONIST


def test_consents_are_in_believable_states(output):
    from core.tenancy import clinic_context
    from patients.models import ConsentPurpose
    from patients.selectors import consent_current_map, patients_consenting_to

    marketing = ConsentPurpose.MARKETING_MESSAGES
    decisions = []
    for clinic in Clinic.objects.all():
        with clinic_context(clinic):
            patients = list(ClinicPatient.objects.select_related("profile"))
            states = {p: consent_current_map(patient=p) for p in patients}
            audience = set(patients_consenting_to(purpose=marketing))
        assert all(s[ConsentPurpose.TREATMENT].decision == "granted" for s in states.values())
        granted = {p for p, s in states.items() if s[marketing] and s[marketing].decision == "granted"}
        assert audience == granted
        assert 0 < len(audience) < len(patients)
        decisions += [s[marketing].decision for s in states.values() if s[marketing]]
    assert "withdrawn" in decisions
