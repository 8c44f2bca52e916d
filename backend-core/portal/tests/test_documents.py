from typing import Any

import pytest

from compliance.subject_rights import patient_export_document
from portal.documents import export_html
from portal.export_labels import EXPORT_LABELS

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
