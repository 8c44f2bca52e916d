"""factory_boy factories of the patients context (rows only: no audit events)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import factory

from accounts.tests.factories import ClinicFactory, OrganizationFactory
from patients.models import ClinicPatient, Consent, ConsentPurpose, ConsentText, PatientProfile
from patients.services import search_key


class PatientProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PatientProfile

    organization = factory.SubFactory(OrganizationFactory)
    given_name = "Ploy"
    family_name = "Srisuk"
    search_name = factory.LazyAttribute(lambda p: search_key(f"{p.given_name} {p.family_name}"))
    birth_date = date(1990, 4, 12)
    phone = "+66815550101"
    email = "ploy.srisuk@example.com"
    address = "12 Sukhumvit 39, Bangkok 10110"


class ClinicPatientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClinicPatient

    clinic = factory.SubFactory(ClinicFactory)
    profile = factory.SubFactory(
        PatientProfileFactory, organization=factory.SelfAttribute("..clinic.organization")
    )
    search_name = factory.SelfAttribute("profile.search_name")
    chart_number = "HN000001"


class ConsentTextFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsentText

    clinic = factory.SubFactory(ClinicFactory)
    purpose = ConsentPurpose.MARKETING_MESSAGES
    locale = "en"
    version = 1
    title = "Promotions"
    body = "We may send you offers by SMS. You can stop them at any time."


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    patient = factory.SubFactory(ClinicPatientFactory)
    clinic = factory.SelfAttribute("patient.clinic")
    purpose = ConsentPurpose.MARKETING_MESSAGES
    decision = Consent.Decision.GRANTED
    text = factory.SubFactory(ConsentTextFactory, clinic=factory.SelfAttribute("..clinic"))
    decided_at = factory.LazyFunction(lambda: datetime.now(tz=UTC))
    channel = Consent.Channel.IN_PERSON
