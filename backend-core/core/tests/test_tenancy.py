import asyncio

import pytest
from django.db.models import Subquery

from accounts.models import Invite
from core.api import ClinicScopedViewSet
from core.tenancy import TenantContextMissing, clinic_context, get_current_clinic


def test_query_without_clinic_context_raises(world):
    with pytest.raises(TenantContextMissing):
        list(Invite.objects.all())
    with pytest.raises(TenantContextMissing):
        Invite.objects.count()
    with pytest.raises(TenantContextMissing):
        Invite.objects.filter(role="nurse").exists()
    with pytest.raises(TenantContextMissing):
        Invite.objects.update(email="x@example.com")
    with pytest.raises(TenantContextMissing):
        Invite.objects.all().delete()


def test_query_without_context_cannot_hide_in_a_subquery(world):
    inner = Invite.objects.values("clinic_id")
    with pytest.raises(TenantContextMissing):
        list(Invite.unscoped.filter(clinic_id__in=Subquery(inner)))


def test_clinic_context_scopes_to_that_clinic_only(world):
    with clinic_context(world.a.clinic):
        assert list(Invite.objects.values_list("pk", flat=True)) == [world.a.invite.pk]
    with clinic_context(world.b.clinic):
        assert not Invite.objects.filter(pk=world.a.invite.pk).exists()
    assert get_current_clinic() is None


def test_unscoped_manager_reads_across_clinics_explicitly(world):
    assert Invite.unscoped.filter(pk__in=[world.a.invite.pk, world.b.invite.pk]).count() == 2


def test_context_is_isolated_between_concurrent_async_tasks(world):
    async def read(clinic, delay):
        with clinic_context(clinic):
            await asyncio.sleep(delay)
            return get_current_clinic()

    async def both():
        return await asyncio.gather(read(world.a.clinic, 0.02), read(world.b.clinic, 0.0))

    first, second = asyncio.run(both())
    assert (first, second) == (world.a.clinic, world.b.clinic)


def test_a_view_cannot_override_the_scoping():
    with pytest.raises(TypeError, match="get_queryset"):

        class Leaky(ClinicScopedViewSet):
            def get_queryset(self):
                return Invite.unscoped.all()


def test_n_plus_one_queries_fail_the_request(world, api, settings):
    """django-zeal is on for every request in the suite: a list that loads a relation per
    row (no select_related) answers 500 instead of passing silently."""
    from unittest import mock

    from accounts.models import Membership

    assert "zeal.middleware.zeal_middleware" in settings.MIDDLEWARE
    client = api(world.a.user(), world.a.clinic)
    client.raise_request_exception = False
    unjoined = lambda clinic: Membership.objects.filter(clinic=clinic).order_by("pk")  # noqa: E731
    with mock.patch("accounts.selectors.staff_list", unjoined):
        assert client.get("/api/v1/staff").status_code == 500
    assert client.get("/api/v1/staff").status_code == 200
