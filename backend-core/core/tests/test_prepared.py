"""Queries compiled once and run with new values: the same results as their querysets."""

import uuid

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Count, Q

from accounts.models import Membership, MembershipPreferences
from accounts.tests.factories import MembershipFactory
from core.prepared import PreparedQuery
from core.tenancy import TenantContextMissing, clinic_context
from scheduling.models import Room


def _membership_with_everything(*, user_id, clinic_id):
    return Membership.objects.select_related("user", "clinic__organization").filter(
        user_id=user_id, clinic_id=clinic_id
    )


def _fields(instance):
    return {field.attname: getattr(instance, field.attname) for field in instance._meta.concrete_fields}


@pytest.fixture
def memberships(db):
    first = MembershipFactory(user__national_id="1234567890123", clinic__time_zone="America/Sao_Paulo")
    second = MembershipFactory(user__national_id="", clinic__name="Another")
    MembershipPreferences.objects.create(membership=first, values={"calendar_view": "week"})
    return first, second


def test_rows_are_the_querysets_own_with_related_objects_loaded(memberships, django_assert_num_queries):
    prepared = PreparedQuery(_membership_with_everything, params=("user_id", "clinic_id"))
    for membership in memberships:
        expected = list(
            _membership_with_everything(user_id=membership.user_id, clinic_id=membership.clinic_id)
        )
        with django_assert_num_queries(1):
            (got,) = prepared.rows(user_id=membership.user_id, clinic_id=membership.clinic_id)
            user, clinic, organization = got.user, got.clinic, got.clinic.organization
        assert _fields(got) == _fields(expected[0])
        assert _fields(user) == _fields(expected[0].user)
        assert _fields(clinic) == _fields(expected[0].clinic)
        assert _fields(organization) == _fields(expected[0].clinic.organization)
    # The encrypted field came back decrypted, time stamps aware: the converters ran.
    first = prepared.first(user_id=memberships[0].user_id, clinic_id=memberships[0].clinic_id)
    assert first.user.national_id == "1234567890123"
    assert first.created_at.tzinfo is not None


def test_no_row_is_an_empty_list_and_first_is_none(memberships):
    prepared = PreparedQuery(_membership_with_everything, params=("user_id", "clinic_id"))
    other_clinic = memberships[1].clinic_id
    assert prepared.rows(user_id=memberships[0].user_id, clinic_id=other_clinic) == []
    assert prepared.first(user_id=memberships[0].user_id, clinic_id=other_clinic) is None


def test_a_values_list_with_an_annotation_a_join_and_json_gives_the_querysets_tuples(memberships):
    def build(*, user_id):
        return (
            Membership.objects.filter(Q(user_id=user_id) | Q(clinic__name="Another"))
            .annotate(saved=Count("preferences"))
            .order_by("clinic__name")
            .values_list("pk", "clinic__name", "saved", "preferences__values")
        )

    prepared = PreparedQuery(build, params=("user_id",))
    for membership in memberships:
        assert prepared.rows(user_id=membership.user_id) == list(build(user_id=membership.user_id))
    assert prepared.rows(user_id=memberships[0].user_id)[-1][-1] == {"calendar_view": "week"}


def test_the_queryset_is_built_once_per_database(memberships):
    built = []

    def build(*, user_id):
        built.append(user_id)
        return Membership.objects.filter(user_id=user_id).values_list("pk")

    prepared = PreparedQuery(build, params=("user_id",))
    for membership in memberships:
        assert prepared.rows(user_id=membership.user_id) == [(membership.pk,)]
    assert len(built) == 1
    assert built[0] not in {membership.user_id for membership in memberships}


def test_a_value_that_does_not_reach_the_sql_as_itself_is_refused(db):
    unused = PreparedQuery(
        lambda *, user_id, clinic_id: Membership.objects.filter(user_id=user_id),
        params=("user_id", "clinic_id"),
    )
    with pytest.raises(ImproperlyConfigured, match="clinic_id"):
        unused.rows(user_id=uuid.uuid4(), clinic_id=uuid.uuid4())
    as_text = PreparedQuery(
        lambda *, user_id: Membership.objects.filter(role=str(user_id)), params=("user_id",)
    )
    with pytest.raises(ImproperlyConfigured, match="user_id"):
        as_text.rows(user_id=uuid.uuid4())


def test_values_must_be_exactly_the_declared_parameters(db):
    prepared = PreparedQuery(
        lambda *, user_id: Membership.objects.filter(user_id=user_id), params=("user_id",)
    )
    with pytest.raises(TypeError):
        prepared.rows(user=uuid.uuid4())
    with pytest.raises(TypeError):
        prepared.rows(user_id=uuid.uuid4(), clinic_id=uuid.uuid4())


def test_a_query_through_a_clinic_scoped_manager_is_refused_rather_than_kept_for_one_clinic(memberships):
    """Compiled inside the first caller's clinic, the scoped manager's filter would name
    that clinic for every later caller: the build runs outside any clinic and fails."""
    first, second = memberships
    scoped = PreparedQuery(lambda *, room_id: Room.objects.filter(pk=room_id), params=("room_id",))
    with clinic_context(first.clinic), pytest.raises(TenantContextMissing):
        scoped.rows(room_id=uuid.uuid4())
    explicit = PreparedQuery(
        lambda *, room_id, clinic_id: Room.unscoped.filter(pk=room_id, clinic_id=clinic_id),
        params=("room_id", "clinic_id"),
    )
    room = Room.unscoped.create(clinic=second.clinic, name="Laser 1")
    with clinic_context(first.clinic):
        assert explicit.rows(room_id=room.pk, clinic_id=first.clinic_id) == []
        assert explicit.rows(room_id=room.pk, clinic_id=second.clinic_id) == [room]
