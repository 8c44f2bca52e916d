"""Helpers every app's services use."""

from __future__ import annotations

from django.db.models import Model


def model_save(instance: Model, *, update_fields: list[str] | None = None) -> None:
    """Validate (``full_clean``) and save; with ``update_fields`` only those columns are
    validated-and-written, so concurrent writers of other columns are not overwritten."""
    if update_fields is None:
        instance.full_clean()
        instance.save()
        return
    exclude = [f.name for f in instance._meta.concrete_fields if f.name not in update_fields]
    instance.full_clean(exclude=exclude, validate_unique=True)
    instance.save(
        update_fields=[*update_fields, *(["updated_at"] if hasattr(instance, "updated_at") else [])]
    )
