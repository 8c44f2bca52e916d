"""Finer statistics on ``ClinicPatient.search_name`` (PostgreSQL only), so the planner
knows how many names a search word matches.

A name search sorts a clinic's matches newest first and reads one page: PostgreSQL
either walks the clinic's patients newest first until the page is full (cheap for a
common word) or collects every match through the trigram index and sorts them (cheap
for a rare one). It picks by the estimated number of matches, which for ``LIKE
'%word%'`` comes from the column's most common values and histogram. With the default
100 of each, a word in 0.8 % of the names ("estevao") was estimated at 0.01 %, so a page
at a clinic of 1 M patients collected and sorted 7 800 matches (94 ms) instead of walking
about 3 000 rows (1.5 ms); with 1 000 of each the estimate was within 2 % of the truth
(bench/patient_search.py). ANALYZE then samples 300 000 rows instead of 30 000.
"""

from django.db import migrations

TABLE = "patients_clinicpatient"
TARGET = 1000


def _set_target(schema_editor, target: int) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN search_name SET STATISTICS {target}")
        schema_editor.execute(f"ANALYZE {TABLE} (search_name)")


def finer_statistics(apps, schema_editor):
    _set_target(schema_editor, TARGET)


def default_statistics(apps, schema_editor):
    _set_target(schema_editor, -1)  # -1: back to default_statistics_target


class Migration(migrations.Migration):
    dependencies = [("patients", "0011_consent_recorded_by_the_patient")]

    operations = [migrations.RunPython(finer_statistics, default_statistics)]
