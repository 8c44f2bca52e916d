"""``manage.py pricing_fixtures``: (re)write the POS's pricing fixture (see
``commerce.pricing_fixtures``)."""

from typing import Any

from django.core.management.base import BaseCommand

from commerce.pricing_fixtures import FIXTURE_PATH, pricing_fixtures


class Command(BaseCommand):
    help = "Write the carts priced by commerce.pricing that the POS's TypeScript mirror is tested against."

    def handle(self, *args: Any, **options: Any) -> None:
        FIXTURE_PATH.parent.mkdir(parents=True, exist_ok=True)
        FIXTURE_PATH.write_text(pricing_fixtures(), encoding="utf-8")
        self.stdout.write(f"wrote {FIXTURE_PATH.relative_to(FIXTURE_PATH.parents[3])}")
