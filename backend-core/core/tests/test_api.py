import uuid

import pytest

from accounts.models import Invite
from core.api import clinic_row_or_400
from core.exceptions import ValidationFailed
from core.tenancy import TenantContextMissing, clinic_context


def test_a_row_of_the_clinic_comes_with_the_clinic_in_one_query(world, django_assert_num_queries):
    with clinic_context(world.a.clinic):
        for _ in range(2):  # compiled once, run each time
            with django_assert_num_queries(1):
                invite = clinic_row_or_400(Invite, world.a.invite.pk, "invite")
                assert invite.clinic is world.a.clinic
        assert invite.pk == world.a.invite.pk and invite.phone == world.a.invite.phone


@pytest.mark.parametrize("which", ["another clinic's", "unknown"])
def test_another_clinics_row_or_an_unknown_id_is_a_400_naming_the_field(world, which):
    pk = world.b.invite.pk if which == "another clinic's" else uuid.uuid4()
    with clinic_context(world.a.clinic), pytest.raises(ValidationFailed) as refused:
        clinic_row_or_400(Invite, pk, "invite")
    assert list(refused.value.errors) == ["invite"]


def test_an_id_as_text_is_looked_up_the_same_way(world):
    with clinic_context(world.a.clinic):
        assert clinic_row_or_400(Invite, str(world.a.invite.pk), "invite").pk == world.a.invite.pk
        with pytest.raises(ValidationFailed):
            clinic_row_or_400(Invite, str(world.b.invite.pk), "invite")


def test_no_id_is_no_row_and_no_clinic_is_refused(world):
    assert clinic_row_or_400(Invite, None, "invite") is None
    with pytest.raises(TenantContextMissing):
        clinic_row_or_400(Invite, world.a.invite.pk, "invite")
