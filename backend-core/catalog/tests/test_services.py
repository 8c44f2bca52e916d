import pytest

from catalog.models import Product
from catalog.services import product_create
from core.exceptions import ValidationFailed
from core.tenancy import clinic_context


@pytest.mark.parametrize(
    ("value", "kind", "ok"),
    [
        ("1.0123.4567.001-1", Product.Kind.MEDICAL_SUPPLY, "1012345670011"),
        ("80117580578", Product.Kind.MEDICAL_SUPPLY, "80117580578"),
        ("8011758057", Product.Kind.MEDICAL_SUPPLY, None),
        ("ABC12345678", Product.Kind.MEDICAL_SUPPLY, None),
        ("", Product.Kind.MEDICAL_SUPPLY, None),
        ("", Product.Kind.RETAIL, ""),
    ],
)
def test_brazilian_products_carry_a_valid_anvisa_registration(world, value, kind, ok):
    b = world.b
    with clinic_context(b.clinic):
        if ok is None:
            with pytest.raises(ValidationFailed) as error:
                product_create(
                    clinic=b.clinic, actor=b.user(), name="X", kind=kind, registration_number=value
                )
            assert "registration_number" in error.value.errors
        else:
            made = product_create(
                clinic=b.clinic, actor=b.user(), name="X", kind=kind, registration_number=value
            )
            assert made.registration_number == ok and made.currency == "BRL"
