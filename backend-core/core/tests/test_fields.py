"""``core.fields``: what the serializer mixins leave in the API schema."""

import inspect

from drf_spectacular.plumbing import get_doc

from commerce.serializers import SaleSerializer
from patients.serializers import PatientSerializer


def test_a_serializer_with_fields_built_once_is_described_by_its_own_docstring_or_none():
    """The schema takes a serializer's description from the first docstring along its
    classes: the mixin must not lend it one."""
    assert SaleSerializer.__doc__ is None
    assert get_doc(SaleSerializer) == ""
    assert get_doc(PatientSerializer) == inspect.cleandoc(PatientSerializer.__doc__ or "")
