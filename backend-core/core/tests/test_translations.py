"""Every message a user can see is translated into every language the product speaks.

A new ``_("...")`` in the code fails here until its translations are written: run
``python manage.py makemessages -l pt_BR -l th -l ar --no-location`` in backend-core,
translate the new ``msgstr`` entries of ``locale/*/LC_MESSAGES/django.po`` (and remove
any ``#, fuzzy`` flag once checked), then ``python manage.py compilemessages``.
"""

from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po
from django.conf import settings

BACKEND = Path(settings.BASE_DIR)
LOCALES = ("pt_BR", "th", "ar")
HOW_TO_FIX = (
    "run `python manage.py makemessages -l pt_BR -l th -l ar --no-location` in backend-core, "
    "translate the empty or fuzzy msgstr entries in locale/{locale}/LC_MESSAGES/django.po, "
    "then `python manage.py compilemessages`"
)
# The gettext functions of django.utils.translation, as makemessages reads them.
KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "gettext_lazy": None,
    "gettext_noop": None,
    "pgettext_lazy": ((1, "c"), 2),
    "ngettext_lazy": (1, 2),
    "npgettext_lazy": ((1, "c"), 2, 3),
}


def _po(locale: str):
    with (BACKEND / "locale" / locale / "LC_MESSAGES" / "django.po").open("rb") as handle:
        return read_po(handle, locale=locale)


def _in_code() -> set[tuple[str | None, str]]:
    found = set()
    method_map = [("**/tests/**", "ignore"), ("**/migrations/**", "ignore"), ("**.py", "python")]
    for _file, _line, message, _comments, context in extract_from_dir(
        BACKEND, method_map=method_map, keywords=KEYWORDS
    ):
        found.add((context, message[0] if isinstance(message, tuple) else message))
    return found


@pytest.fixture(scope="module")
def messages_in_code():
    return _in_code()


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_of_the_code_is_in_the_catalogue(locale, messages_in_code):
    catalogue = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in _po(locale) if m.id}
    missing = sorted(message for _context, message in messages_in_code - catalogue)
    assert not missing, f"{len(missing)} messages are not in the {locale} catalogue, e.g. {missing[:5]}: " + (
        HOW_TO_FIX.format(locale=locale)
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated_and_none_is_fuzzy(locale):
    catalogue = _po(locale)
    untranslated = [
        m.id
        for m in catalogue
        if m.id and (m.fuzzy or not (all(m.string) if isinstance(m.string, tuple) else m.string))
    ]
    assert not untranslated, (
        f"{len(untranslated)} messages are untranslated or fuzzy in {locale}, e.g. {untranslated[:5]}: "
        + HOW_TO_FIX.format(locale=locale)
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_the_compiled_catalogue_is_up_to_date(locale):
    folder = BACKEND / "locale" / locale / "LC_MESSAGES"
    compiled, source = folder / "django.mo", folder / "django.po"
    assert compiled.exists() and compiled.stat().st_mtime >= source.stat().st_mtime, (
        f"{compiled.relative_to(BACKEND)} is missing or older than its .po: run "
        "`python manage.py compilemessages` in backend-core (bin/run and bin/test do it)"
    )
