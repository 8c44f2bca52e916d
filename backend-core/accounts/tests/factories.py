"""factory_boy factories of the accounts context, and a token helper for API tests."""

from __future__ import annotations

import factory
from django.contrib.auth.hashers import make_password

from accounts.models import Clinic, Invite, Membership, Organization, RefreshTokenFamily, User
from accounts.services import TokenPair
from accounts.services.authentication import token_pair_issue
from core.roles import Role

PASSWORD = "Correct-Horse-42"


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organization {n}")
    slug = factory.Sequence(lambda n: f"organization-{n}")


class ClinicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Clinic

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Clinic {n}")
    slug = factory.Sequence(lambda n: f"clinic-{n}")
    country = "TH"
    time_zone = "Asia/Bangkok"
    locale = "th"
    currency = "THB"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    # Thai mobile numbers +66 81 xxx xxxx are valid for libphonenumber.
    phone = factory.Sequence(lambda n: f"+6681{n % 10_000_000:07d}")
    given_name = factory.Sequence(lambda n: f"Staff{n}")
    family_name = "Tester"
    password = factory.LazyFunction(lambda: make_password(PASSWORD))


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    clinic = factory.SubFactory(ClinicFactory)
    role = Role.RECEPTIONIST


class InviteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invite

    clinic = factory.SubFactory(ClinicFactory)
    phone = factory.Sequence(lambda n: f"+6689{n % 10_000_000:07d}")
    role = Role.THERAPIST
    token_hash = factory.Sequence(lambda n: f"{n:064x}")
    expires_at = factory.Faker("future_datetime", tzinfo=__import__("datetime").UTC)
    invited_by = factory.SubFactory(UserFactory)


def tokens_for(user: User, *, otp: bool = True) -> TokenPair:
    """A fresh session for ``user`` as if they signed in (with the second factor)."""
    return token_pair_issue(user=user, family=RefreshTokenFamily.objects.create(user=user), otp_verified=otp)
