from typing import Any

import pytest
from django.utils import translation

from compliance.subject_rights import patient_export_document
from portal.documents import export_html
from portal.export_labels import _CODED_FIELDS, EXPORT_LABELS, export_value_label

pytestmark = pytest.mark.django_db


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value).union(*(_keys(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_keys(v) for v in value))
    return set()


def test_every_field_of_a_full_copy_has_a_label(world):
    # The world's patient has a record of every kind: visits, sessions, photos, face
    # charts, notes, plans, a signed form, consents, a sale, an invoice, a course.
    document = patient_export_document(patient=world.a.patient)
    assert _keys(document) - set(EXPORT_LABELS) == set()


@pytest.mark.parametrize(
    ("language", "words", "direction"),
    [
        ("pt-br", ["Data de nascimento", "Número do prontuário", "Sessões de tratamento"], "ltr"),
        ("ar", ["تاريخ الميلاد", "رقم الملف", "جلسات العلاج"], "rtl"),
        ("th", ["วันเกิด", "เลขที่เวชระเบียน"], "ltr"),
    ],
)
def test_the_copy_names_its_fields_in_the_page_language(world, language, words, direction):
    html = export_html(document=patient_export_document(patient=world.a.patient), language=language)
    assert f'dir="{direction}"' in html
    for word in words:
        assert word in html
    assert "Birth date" not in html and "Chart number" not in html


def test_a_field_without_a_label_reads_as_its_words(world):
    html = export_html(document={"person": {"shoe_size": "38"}}, language="en")
    assert "Shoe size" in html and "38" in html


def _coded(value: Any, *, key: str = "", section: str = "") -> set[tuple[str, str, str]]:
    """(section, field, value) of every text value, as ``portal.documents`` walks them."""
    if isinstance(value, dict):
        return set().union(*(_coded(v, key=k, section=section) for k, v in value.items()))
    if isinstance(value, list):
        return set().union(*(_coded(v, key=key, section=key) for v in value))
    return {(section, key, value)} if isinstance(value, str) else set()


def test_every_coded_field_of_a_full_copy_reads_as_its_name_in_the_page_language(world):
    document = patient_export_document(patient=world.a.patient)
    chart = document["clinics"][0]
    found = _coded(document["person"], section="person") | _coded(chart["consents"], key="consents")
    for part in ("clinical", "commerce"):
        found |= _coded(chart[part])
    with translation.override("pt-br"):
        named = [
            (section, key, value, export_value_label(section=section, key=key, value=value))
            for section, key, value in found
            if (section, key) in _CODED_FIELDS
        ]
    # Every coded field is in the world's full copy, and each of its codes has a name.
    assert set(_CODED_FIELDS) - {(section, key) for section, key, _, _ in named} == set()
    assert [row for row in named if row[3] is None] == []
    html = export_html(document=document, language="pt-br")
    assert "Concedido" in html or "Concedida" in html  # a consent's decision, in Portuguese
    for *_, label in named:
        assert f"<bdi>{label}</bdi>" in html
    # No code is left as stored (the names of this language differ from the codes).
    assert [value for *_, value, label in named if value != label and f"<bdi>{value}</bdi>" in html] == []


def test_a_code_its_field_does_not_know_reads_as_stored():
    assert export_value_label(section="consents", key="decision", value="maybe") is None
    assert export_value_label(section="person", key="given_name", value="Ana") is None
    assert export_value_label(section="person", key="preferred_language", value="xx-yy") is None


def test_a_language_reads_as_its_name_in_the_page_language():
    with translation.override("pt-br"):
        assert export_value_label(section="person", key="preferred_language", value="th") == "Tailandês"
        assert export_value_label(section="text", key="locale", value="pt-BR") == "Português Brasileiro"
