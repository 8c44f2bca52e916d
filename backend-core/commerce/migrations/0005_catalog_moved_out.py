"""The catalog models (services, products, courses) now belong to ``catalog``: this
drops them from ``commerce``'s migration state and points commerce's foreign keys at
``catalog`` (state only: no table, column or constraint changes), after the other apps
repointed theirs. The content types of the moved models are relabelled ``catalog``, so
permissions and admin log entries keep their rows."""

import django.db.models.deletion
from django.db import migrations, models


MOVED = ("service", "servicematerial", "product", "course", "courseitem")


def _relabel(apps, schema_editor, *, old: str, new: str) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.using(schema_editor.connection.alias).filter(app_label=old, model__in=MOVED).update(
        app_label=new
    )


def content_types_to_catalog(apps, schema_editor):
    _relabel(apps, schema_editor, old="commerce", new="catalog")


def content_types_to_commerce(apps, schema_editor):
    _relabel(apps, schema_editor, old="catalog", new="commerce")


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('compliance', '0009_serviceevent_obj_in_catalog'),
        ('commissions', '0003_catalog_references'),
        ('emr', '0004_catalog_references'),
        ('scheduling', '0003_appointment_service_in_catalog'),
        ('catalog', '0001_initial'),
        ('commerce', '0004_sale_number_given_last'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='coursebalance',
                    name='course',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='catalog.course'),
                ),
                migrations.RemoveField(
                    model_name='courseitem',
                    name='course',
                ),
                migrations.AlterField(
                    model_name='saleline',
                    name='course',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='catalog.course'),
                ),
                migrations.RemoveField(
                    model_name='courseitem',
                    name='clinic',
                ),
                migrations.RemoveField(
                    model_name='courseitem',
                    name='service',
                ),
                migrations.RemoveField(
                    model_name='product',
                    name='clinic',
                ),
                migrations.RemoveField(
                    model_name='servicematerial',
                    name='product',
                ),
                migrations.AlterField(
                    model_name='stocklot',
                    name='product',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='lots', to='catalog.product'),
                ),
                migrations.AlterField(
                    model_name='saleline',
                    name='product',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='catalog.product'),
                ),
                migrations.RemoveField(
                    model_name='service',
                    name='clinic',
                ),
                migrations.AlterField(
                    model_name='saleline',
                    name='service',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='catalog.service'),
                ),
                migrations.AlterField(
                    model_name='courseredemption',
                    name='service',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='catalog.service'),
                ),
                migrations.AlterField(
                    model_name='invoiceitem',
                    name='service',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='catalog.service'),
                ),
                migrations.RemoveField(
                    model_name='servicematerial',
                    name='service',
                ),
                migrations.RemoveField(
                    model_name='servicematerial',
                    name='clinic',
                ),
                migrations.DeleteModel(
                    name='Course',
                ),
                migrations.DeleteModel(
                    name='CourseItem',
                ),
                migrations.DeleteModel(
                    name='Product',
                ),
                migrations.DeleteModel(
                    name='Service',
                ),
                migrations.DeleteModel(
                    name='ServiceMaterial',
                ),
            ],
        ),
        migrations.RunPython(content_types_to_catalog, content_types_to_commerce),
    ]
