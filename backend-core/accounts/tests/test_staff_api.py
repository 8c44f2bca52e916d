from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Invite, Membership, User
from accounts.services import invite_create
from audit.models import AuditEvent
from core.roles import Role
from core.tenancy import clinic_context


def test_staff_list_shows_every_member_of_the_clinic(api, world):
    response = api(world.a.user(Role.RECEPTIONIST), world.a.clinic).get("/api/v1/staff", {"page_size": 50})
    assert response.status_code == 200
    assert response.json()["count"] == len(Role)
    roles = {row["role"] for row in response.json()["results"]}
    assert roles == {r.value for r in Role}


def test_colleagues_see_names_and_work_contacts_but_not_each_others_national_id(api, world):
    doctor = world.a.user(Role.DOCTOR)
    User.objects.filter(pk=doctor.pk).update(national_id="1101700203451", national_id_country="TH")
    response = api(world.a.user(Role.RECEPTIONIST), world.a.clinic).get("/api/v1/staff", {"page_size": 50})
    row = next(r for r in response.json()["results"] if r["user"]["id"] == str(doctor.pk))
    assert row["user"]["full_name"] == doctor.full_name and row["user"]["phone"] == doctor.phone
    assert "national_id" not in row["user"] and "national_id_country" not in row["user"]
    assert "1101700203451" not in response.content.decode()


def test_staff_list_is_paginated_and_filterable(api, world):
    client = api(world.a.user(), world.a.clinic)
    page = client.get("/api/v1/staff", {"page_size": 2}).json()
    assert page["count"] == len(Role) and len(page["results"]) == 2 and page["next"]
    doctors = client.get("/api/v1/staff", {"role": "doctor"}).json()
    assert [row["role"] for row in doctors["results"]] == ["doctor"]
    bad = client.get("/api/v1/staff", {"role": "pilot"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "role"


def test_staff_search_finds_each_word_in_the_names_or_the_phone_digits(api, world):
    therapist = world.a.members[Role.THERAPIST]
    User.objects.filter(pk=therapist.user_id).update(
        given_name="Nok", family_name="Chaiyaporn", phone="+66894445566"
    )
    client = api(world.a.user(), world.a.clinic)

    def found(term: str) -> list[str]:
        return [row["id"] for row in client.get("/api/v1/staff", {"search": term}).json()["results"]]

    assert found("nok chai") == [str(therapist.pk)]
    assert found("Chaiyaporn 445") == [str(therapist.pk)]
    assert found("Nok Somchai") == []
    assert len(found("  ")) == len(Role)


def test_another_clinics_owner_gets_404_patching_a_membership_and_nothing_changes(api, world):
    therapist = world.a.members[Role.THERAPIST]
    outsider = api(world.b.user(Role.OWNER), world.b.clinic)

    response = outsider.patch(
        f"/api/v1/staff/{therapist.pk}", {"role": "doctor", "is_active": False}, format="json"
    )

    assert response.status_code == 404 and response.json()["code"] == "not_found"
    therapist.refresh_from_db()
    assert (therapist.role, therapist.is_active) == (Role.THERAPIST, True)


def test_admin_can_deactivate_and_reactivate_staff_but_not_another_manager(api, world):
    admin = api(world.a.user(Role.ADMIN), world.a.clinic)
    cashier = world.a.members[Role.CASHIER]
    off = admin.patch(f"/api/v1/staff/{cashier.pk}", {"is_active": False}, format="json")
    assert off.status_code == 200 and off.json()["is_active"] is False
    on = admin.patch(f"/api/v1/staff/{cashier.pk}", {"is_active": True}, format="json")
    assert on.status_code == 200 and on.json()["is_active"] is True
    owner = world.a.members[Role.OWNER]
    refused = admin.patch(f"/api/v1/staff/{owner.pk}", {"is_active": False}, format="json")
    assert refused.status_code == 403
    owner.refresh_from_db()
    assert owner.is_active


def test_receptionist_cannot_change_roles(api, world):
    target = world.a.members[Role.THERAPIST]
    response = api(world.a.user(Role.RECEPTIONIST), world.a.clinic).patch(
        f"/api/v1/staff/{target.pk}", {"role": "doctor"}, format="json"
    )
    assert response.status_code == 403
    target.refresh_from_db()
    assert target.role == Role.THERAPIST


def test_admin_cannot_grant_owner_and_the_last_owner_stays(api, world):
    therapist = world.a.members[Role.THERAPIST]
    admin = api(world.a.user(Role.ADMIN), world.a.clinic)
    assert admin.patch(f"/api/v1/staff/{therapist.pk}", {"role": "owner"}, format="json").status_code == 403
    owner = api(world.a.user(Role.OWNER), world.a.clinic)
    response = owner.patch(
        f"/api/v1/staff/{world.a.members[Role.OWNER].pk}", {"is_active": False}, format="json"
    )
    assert response.status_code == 409 and response.json()["code"] == "last_owner"
    ok = owner.patch(f"/api/v1/staff/{therapist.pk}", {"role": "nurse"}, format="json")
    assert ok.status_code == 200 and ok.json()["role"] == "nurse"


def test_bad_role_is_400_naming_the_field(api, world):
    therapist = world.a.members[Role.THERAPIST]
    response = api(world.a.user(), world.a.clinic).patch(
        f"/api/v1/staff/{therapist.pk}", {"role": "x"}, format="json"
    )
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "role"


def test_missing_clinic_header_is_400_naming_it(api, world):
    response = api(world.a.user()).get("/api/v1/staff")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "X-Clinic-Id"


def test_invalid_clinic_header_is_400(api, world):
    client = api(world.a.user())
    response = client.get("/api/v1/staff", HTTP_X_CLINIC_ID="not-a-uuid")
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "X-Clinic-Id"


def test_unauthenticated_is_401_problem(client, world):
    response = client.get("/api/v1/staff", HTTP_X_CLINIC_ID=str(world.a.clinic.pk))
    assert response.status_code == 401 and response.json()["code"] == "not_authenticated"


# ------------------------------------------------------------------------- invites


def test_invite_then_accept_creates_the_membership(api, client, world):
    created = api(world.a.user(), world.a.clinic).post(
        "/api/v1/invites", {"phone": "+66 89 111 2222", "role": "therapist"}, format="json"
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == "pending" and body["phone"] == "+66891112222"
    token = body["accept_url"].split("token=")[1]
    accepted = client.post(
        "/api/v1/invites/accept",
        {"token": token, "password": "Orchid-River-19", "given_name": "Nok", "family_name": "Chaiyaporn"},
        format="json",
    )
    assert accepted.status_code == 201, accepted.content
    user = User.objects.get(phone="+66891112222")
    assert Membership.objects.get(user=user, clinic=world.a.clinic).role == Role.THERAPIST
    again = client.post(
        "/api/v1/invites/accept",
        {"token": token, "password": "Orchid-River-19", "given_name": "Nok"},
        format="json",
    )
    assert again.status_code == 410 and again.json()["code"] == "invite_accepted"


def test_expired_invite_cannot_be_accepted(client, world):
    with clinic_context(world.a.clinic):
        invite, token = invite_create(
            clinic=world.a.clinic,
            actor=world.a.user(),
            actor_role=Role.OWNER,
            phone="+66891113333",
            role="nurse",
        )
        Invite.objects.filter(pk=invite.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.post(
        "/api/v1/invites/accept",
        {"token": token, "password": "Orchid-River-19", "given_name": "Fah"},
        format="json",
    )
    assert response.status_code == 410 and response.json()["code"] == "invite_expired"
    assert not User.objects.filter(phone="+66891113333").exists()


def test_invite_expires_after_72_hours(world):
    with clinic_context(world.a.clinic):
        invite, _token = invite_create(
            clinic=world.a.clinic,
            actor=world.a.user(),
            actor_role=Role.OWNER,
            phone="+66891114444",
            role="nurse",
        )
    assert timedelta(hours=71, minutes=59) < invite.expires_at - timezone.now() <= timedelta(hours=72)


def test_existing_account_must_sign_in_to_accept(api, client, world):
    other = world.b.user(Role.CASHIER)
    with clinic_context(world.a.clinic):
        _invite, token = invite_create(
            clinic=world.a.clinic,
            actor=world.a.user(),
            actor_role=Role.OWNER,
            phone=other.phone,
            role="cashier",
        )
    anonymous = client.post("/api/v1/invites/accept", {"token": token}, format="json")
    assert anonymous.status_code == 401 and anonymous.json()["code"] == "sign_in_to_accept"
    wrong_user = api(world.b.user(Role.ACCOUNTANT)).post(
        "/api/v1/invites/accept", {"token": token}, format="json"
    )
    assert wrong_user.status_code == 403
    accepted = api(other).post("/api/v1/invites/accept", {"token": token}, format="json")
    assert accepted.status_code == 201
    assert Membership.objects.filter(user=other, clinic=world.a.clinic, role="cashier").exists()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"phone": "abc", "role": "nurse"}, "phone"),
        ({"phone": "+66891115555", "role": "wizard"}, "role"),
        ({"role": "nurse"}, "phone"),
    ],
)
def test_invite_bad_input_is_400_naming_the_field(api, world, payload, field):
    response = api(world.a.user(), world.a.clinic).post("/api/v1/invites", payload, format="json")
    assert response.status_code == 400
    assert field in [e["field"] for e in response.json()["errors"]]
    with clinic_context(world.a.clinic):
        assert Invite.objects.count() == 1  # only the world's


def test_the_invite_link_shows_clinic_role_and_masked_number_before_anything_is_written(client, world):
    other = world.b.user(Role.CASHIER)
    with clinic_context(world.a.clinic):
        _invite, fresh = invite_create(
            clinic=world.a.clinic,
            actor=world.a.user(),
            actor_role=Role.OWNER,
            phone="+66891116666",
            role="nurse",
        )
        _invite, known = invite_create(
            clinic=world.a.clinic,
            actor=world.a.user(),
            actor_role=Role.OWNER,
            phone=other.phone,
            role="cashier",
        )

    preview = client.get("/api/v1/invites/accept", {"token": fresh})

    assert preview.status_code == 200, preview.content
    body = preview.json()
    assert (body["clinic_name"], body["role"], body["account_exists"]) == (
        world.a.clinic.name,
        "nurse",
        False,
    )
    assert body["phone_masked"] == "089-XXX-6666"
    assert client.get("/api/v1/invites/accept", {"token": known}).json()["account_exists"] is True
    assert not User.objects.filter(phone="+66891116666").exists()


def test_a_used_or_unknown_invite_link_says_so(client, world):
    with clinic_context(world.a.clinic):
        invite, token = invite_create(
            clinic=world.a.clinic,
            actor=world.a.user(),
            actor_role=Role.OWNER,
            phone="+66891117777",
            role="nurse",
        )
        Invite.objects.filter(pk=invite.pk).update(revoked_at=timezone.now())

    revoked = client.get("/api/v1/invites/accept", {"token": token})
    unknown = client.get("/api/v1/invites/accept", {"token": "nope"})
    missing = client.get("/api/v1/invites/accept")

    assert revoked.status_code == 410 and revoked.json()["code"] == "invite_revoked"
    assert unknown.status_code == 400 and unknown.json()["errors"][0]["field"] == "token"
    assert missing.status_code == 400 and missing.json()["errors"][0]["field"] == "token"


def test_unknown_invite_token_is_400(client, db):
    response = client.post("/api/v1/invites/accept", {"token": "nope"}, format="json")
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "token"


def test_revoked_invite_cannot_be_revoked_twice(api, world):
    client = api(world.a.user(), world.a.clinic)
    url = f"/api/v1/invites/{world.a.invite.pk}/revoke"
    assert client.post(url).json()["status"] == "revoked"
    assert client.post(url).status_code == 409


# -------------------------------------------------------------------------- clinics


def test_clinics_me_and_update(api, world):
    client = api(world.a.user(), world.a.clinic)
    assert client.get("/api/v1/clinics/me").json()["id"] == str(world.a.clinic.pk)
    updated = client.patch(
        "/api/v1/clinics/me", {"name": "Lumière Thonglor", "phone": "02 123 4567"}, format="json"
    )
    assert updated.status_code == 200, updated.content
    assert updated.json()["name"] == "Lumière Thonglor" and updated.json()["phone"] == "+6621234567"
    bad = client.patch("/api/v1/clinics/me", {"time_zone": "Asia/Nowhere"}, format="json")
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "time_zone"
    receptionist = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    assert receptionist.patch("/api/v1/clinics/me", {"name": "x"}, format="json").status_code == 403


def test_a_clinic_publishes_itself_in_the_patient_portal(api, world):
    owner = api(world.a.user(), world.a.clinic)
    assert owner.get("/api/v1/clinics/me").json()["portal_published"] is False
    published = owner.patch(
        "/api/v1/clinics/me", {"portal_published": True, "city": "Bangkok"}, format="json"
    )
    assert published.status_code == 200, published.content
    assert (published.json()["portal_published"], published.json()["city"]) == (True, "Bangkok")
    bad = owner.patch("/api/v1/clinics/me", {"portal_published": "maybe"}, format="json")
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "portal_published"
    # Another clinic's setting is not this one's to change.
    other = api(world.b.user(), world.b.clinic)
    other.patch("/api/v1/clinics/me", {"portal_published": False}, format="json")
    world.a.clinic.refresh_from_db()
    assert world.a.clinic.portal_published is True


def test_owner_opens_a_branch_and_becomes_its_owner(api, world):
    client = api(world.a.user(), world.a.clinic)
    response = client.post(
        "/api/v1/clinics",
        {
            "name": "Lumière Chiang Mai",
            "country": "TH",
            "time_zone": "Asia/Bangkok",
            "locale": "th",
            "currency": "THB",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    branch = response.json()
    assert branch["organization"]["id"] == str(world.a.clinic.organization_id)
    assert Membership.objects.get(user=world.a.user(), clinic_id=branch["id"]).role == Role.OWNER
    listed = {c["id"] for c in client.get("/api/v1/clinics").json()["results"]}
    assert listed == {str(world.a.clinic.pk), branch["id"]}


# ------------------------------------------------------- how the clinic presents them


def test_manager_edits_a_practitioners_specialty_bio_and_calendar_colour_audited(api, world):
    doctor = world.a.members[Role.DOCTOR]
    owner = api(world.a.user(), world.a.clinic)
    body = {"specialty": " Dermatology ", "bio": "Lasers and peels.", "calendar_colour": "#1D4ED8"}
    response = owner.patch(f"/api/v1/staff/{doctor.pk}", body, format="json")
    assert response.status_code == 200, response.content
    shown = response.json()
    assert (shown["specialty"], shown["bio"], shown["calendar_colour"]) == (
        "Dermatology",
        "Lasers and peels.",
        "#1d4ed8",
    )
    assert (shown["role"], shown["is_active"]) == ("doctor", True)
    listed = api(world.a.user(Role.RECEPTIONIST), world.a.clinic).get("/api/v1/staff", {"role": "doctor"})
    assert listed.json()["results"][0]["calendar_colour"] == "#1d4ed8"
    event = AuditEvent.unscoped.get(action="membership.updated", object_id=str(doctor.pk))
    assert event.changes == {
        "bio": ["", "Lasers and peels."],
        "calendar_colour": ["", "#1d4ed8"],
        "specialty": ["", "Dermatology"],
    }
    cleared = owner.patch(f"/api/v1/staff/{doctor.pk}", {"calendar_colour": ""}, format="json")
    assert cleared.json()["calendar_colour"] == "" and cleared.json()["specialty"] == "Dermatology"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"calendar_colour": "blue"}, "calendar_colour"),
        ({"calendar_colour": "#12345"}, "calendar_colour"),
        ({"specialty": "x" * 121}, "specialty"),
        ({"bio": "x" * 1001}, "bio"),
    ],
)
def test_a_bad_profile_field_is_400_naming_it_and_changes_nothing(api, world, body, field):
    doctor = world.a.members[Role.DOCTOR]
    response = api(world.a.user(), world.a.clinic).patch(f"/api/v1/staff/{doctor.pk}", body, format="json")
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == [field]
    doctor.refresh_from_db()
    assert (doctor.specialty, doctor.bio, doctor.calendar_colour) == ("", "", "")


def test_another_clinics_owner_cannot_edit_a_practitioners_profile(api, world):
    doctor = world.a.members[Role.DOCTOR]
    outsider = api(world.b.user(Role.OWNER), world.b.clinic)
    response = outsider.patch(f"/api/v1/staff/{doctor.pk}", {"specialty": "Theirs"}, format="json")
    assert response.status_code == 404
    doctor.refresh_from_db()
    assert doctor.specialty == ""
