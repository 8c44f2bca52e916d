from commerce.pricing_fixtures import FIXTURE_PATH, pricing_fixtures


def test_committed_pricing_fixture_is_current():
    """The POS's Vitest suite checks its TypeScript pricing against this file; regenerate
    it with ``manage.py pricing_fixtures`` when ``commerce.pricing`` or the cases change."""
    assert FIXTURE_PATH.read_text(encoding="utf-8") == pricing_fixtures(), (
        "stale pricing fixture: run manage.py pricing_fixtures"
    )
