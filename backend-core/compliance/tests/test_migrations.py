from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_history_models_have_their_migrations():
    """The history models copy the fields of tracked models in other apps: a field
    added there needs a compliance migration too (``makemigrations`` writes both), or
    the history trigger would write to a column that does not exist."""
    out = StringIO()
    call_command("makemigrations", "compliance", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
