"""Helpers every app's services use."""

from __future__ import annotations

from django.db.models import Model

from core.exceptions import FieldErrors


def model_save(
    instance: Model, *, update_fields: list[str] | None = None, errors: FieldErrors | None = None
) -> None:
    """Validate (``full_clean``) and save; with ``update_fields`` only those columns are
    validated-and-written, so concurrent writers of other columns are not overwritten.
    ``errors`` the caller found before are raised together with the model's own, as one
    ``ValidationFailed`` naming every bad field."""
    errors = errors or FieldErrors()
    known_bad = list(errors.errors)  # not validated again: one answer per bad field
    with errors.collect():
        if update_fields is None:
            instance.full_clean(exclude=known_bad or None)
        else:
            exclude = [f.name for f in instance._meta.concrete_fields if f.name not in update_fields]
            instance.full_clean(exclude=[*exclude, *known_bad], validate_unique=True)
    errors.raise_if_any()
    if update_fields is None:
        instance.save()
        return
    instance.save(
        update_fields=[*update_fields, *(["updated_at"] if hasattr(instance, "updated_at") else [])]
    )
