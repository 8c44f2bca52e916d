"""Field encryption and the blind index (core/crypto.py)."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import FieldError, ImproperlyConfigured

from accounts.models import User
from core import checks
from core.crypto import DecryptionError, blind_index, check_keys, decrypt, encrypt

THAI_ID = "1101700230708"


def test_blind_index_is_deterministic_hex_sha256():
    first = blind_index(THAI_ID, purpose="national_id:TH")

    assert first == blind_index(THAI_ID, purpose="national_id:TH")
    assert len(first) == 64 and int(first, 16) >= 0
    assert THAI_ID not in first


def test_blind_index_depends_on_the_key(settings):
    before = blind_index(THAI_ID, purpose="national_id:TH")
    settings.BLIND_INDEX_KEY = "another-blind-index-key-of-at-least-32-characters"

    assert blind_index(THAI_ID, purpose="national_id:TH") != before


def test_blind_index_separates_purposes():
    indexes = {
        blind_index(THAI_ID, purpose="national_id:TH"),
        blind_index(THAI_ID, purpose="national_id:BR"),
        blind_index(THAI_ID, purpose="passport:TH"),
    }

    assert len(indexes) == 3


def test_blind_index_purpose_and_value_cannot_be_shifted_into_each_other():
    assert blind_index("TH1", purpose="national_id:") != blind_index("1", purpose="national_id:TH")


@pytest.mark.parametrize("purpose", ["", "national_id\x00TH"])
def test_blind_index_refuses_an_empty_or_nul_purpose(purpose):
    with pytest.raises(ValueError, match="purpose"):
        blind_index(THAI_ID, purpose=purpose)


def test_encryption_is_randomized_and_round_trips():
    first, second = encrypt(THAI_ID), encrypt(THAI_ID)

    assert first != second
    assert THAI_ID not in first
    assert decrypt(first) == decrypt(second) == THAI_ID


def test_the_newest_key_encrypts_and_every_key_decrypts(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    written_with_old = encrypt(THAI_ID)
    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    written_with_new = encrypt(THAI_ID)

    assert decrypt(written_with_old) == decrypt(written_with_new) == THAI_ID
    assert Fernet(new.encode()).decrypt(written_with_new.encode()).decode() == THAI_ID


def test_a_value_no_key_opens_raises_instead_of_passing_through(settings):
    token = encrypt(THAI_ID)
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]

    with pytest.raises(DecryptionError):
        decrypt(token)
    with pytest.raises(DecryptionError):
        decrypt(THAI_ID)


def test_a_malformed_key_is_a_configuration_error_named_by_position(settings):
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), "not-a-fernet-key"]

    with pytest.raises(ImproperlyConfigured, match="entry 2"):
        check_keys()
    assert [m.id for m in checks.crypto_keys_usable()] == ["core.E001"]


def test_a_short_blind_index_key_fails_the_system_check(settings):
    settings.BLIND_INDEX_KEY = "too-short"

    assert [m.id for m in checks.crypto_keys_usable()] == ["core.E001"]


def test_encrypted_column_refuses_comparison_lookups(db):
    # A randomized token never equals the encryption of the operand: such a filter would
    # silently match nothing, so it fails loudly instead. Look up by the blind index.
    with pytest.raises(FieldError, match="Unsupported lookup"):
        User.objects.filter(national_id=THAI_ID).exists()
    with pytest.raises(FieldError):
        User.objects.filter(national_id__startswith="1").exists()
    assert not User.objects.filter(national_id__isnull=True).exists()
