"""``/api/v1/notifications/message-templates``: managers word their clinic's messages."""

from core.roles import Role
from notifications.models import MessageTemplate

URL = "/api/v1/notifications/message-templates"


def body(**overrides):
    return {
        "key": "payment.receipt",
        "channel": "sms",
        "language": "pt-br",
        "body": "{clinic_name}: recebemos {amount} ({payments}).",
        **overrides,
    }


def test_a_manager_lists_words_previews_and_resets(world, api):
    owner = api(world.b.user(Role.OWNER), world.b.clinic)
    saved = owner.post(URL, body(), format="json")
    assert saved.status_code == 200, saved.content
    listed = owner.get(URL).json()
    wanted = ("payment.receipt", "sms", "pt-br")
    entry = next(e for e in listed if (e["key"], e["channel"], e["language"]) == wanted)
    assert entry["custom"]["id"] == saved.json()["id"] and "amount" in entry["placeholders"]
    assert entry["standard"]["body"].startswith("{clinic_name}: recebemos {amount}")
    preview = owner.post(f"{URL}/preview", body(body="Saldo {balance_due}"), format="json")
    assert preview.status_code == 200 and preview.json()["body"] == "Saldo R$\xa01.000,00"
    # The amount's no-break space (CLDR's pattern) is outside GSM-7: the SMS goes as UCS-2.
    assert preview.json()["sms"] == {"encoding": "ucs2", "units": 17, "segments": 1}
    assert owner.delete(f"{URL}/{saved.json()['id']}").status_code == 204
    assert not MessageTemplate.unscoped.filter(pk=saved.json()["id"]).exists()


def test_bad_wording_is_a_400_naming_the_field(world, api):
    owner = api(world.a.user(Role.OWNER), world.a.clinic)
    before = MessageTemplate.unscoped.count()
    response = owner.post(URL, body(body="{clinic_name} {nope}", language="th"), format="json")
    assert response.status_code == 400
    assert "body" in str(response.json()) and "{nope}" in str(response.json())
    assert owner.post(URL, body(channel="fax"), format="json").status_code == 400
    assert owner.post(f"{URL}/preview", body(key="invite.sent"), format="json").status_code == 400
    assert MessageTemplate.unscoped.count() == before


def test_another_clinics_wording_is_a_404_and_stays(world, api):
    theirs = MessageTemplate.unscoped.get(clinic=world.a.clinic)
    intruder = api(world.b.user(Role.OWNER), world.b.clinic)
    assert intruder.delete(f"{URL}/{theirs.pk}").status_code == 404
    listed = intruder.get(URL).json()
    assert str(theirs.pk) not in str(listed)
    assert MessageTemplate.unscoped.filter(pk=theirs.pk).exists()


def test_staff_who_do_not_manage_the_clinic_are_refused(world, api):
    receptionist = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    assert receptionist.get(URL).status_code == 403
    assert receptionist.post(URL, body(), format="json").status_code == 403
