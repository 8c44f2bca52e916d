"""The catalog models, moved here from ``commerce`` in the migration state only: their
tables (``Meta.db_table``), constraints, indexes and rows stay where ``commerce``
created them. ``commerce.0005_catalog_moved_out`` drops them from ``commerce``'s state."""

import django.core.validators
import django.db.models.deletion
import uuid
from decimal import Decimal
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('commerce', '0004_sale_number_given_last'),
        ('accounts', '0003_session_lifetime_and_password_reset'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Course',
                    fields=[
                        ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('name', models.CharField(max_length=200)),
                        ('description', models.TextField(blank=True)),
                        ('price', models.DecimalField(decimal_places=2, max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0'))])),
                        ('currency', models.CharField(max_length=3)),
                        ('validity_days', models.PositiveIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(3650)])),
                        ('is_active', models.BooleanField(default=True)),
                        ('clinic', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='accounts.clinic')),
                    ],
                    options={
                        'db_table': 'commerce_course',
                    },
                ),
                migrations.CreateModel(
                    name='Product',
                    fields=[
                        ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('name', models.CharField(max_length=200)),
                        ('kind', models.CharField(choices=[('retail', 'Retail product'), ('medical_supply', 'Medical supply')], max_length=20)),
                        ('unit', models.CharField(choices=[('piece', 'piece'), ('syringe', 'syringe'), ('vial', 'vial'), ('unit', 'toxin unit'), ('ml', 'ml'), ('box', 'box')], default='piece', max_length=10)),
                        ('sku', models.CharField(blank=True, max_length=64)),
                        ('registration_number', models.CharField(blank=True, max_length=50)),
                        ('manufacturer', models.CharField(blank=True, max_length=200)),
                        ('price', models.DecimalField(decimal_places=2, default=Decimal('0'), max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0'))])),
                        ('currency', models.CharField(max_length=3)),
                        ('low_stock_threshold', models.DecimalField(decimal_places=3, default=Decimal('0'), max_digits=12)),
                        ('is_active', models.BooleanField(default=True)),
                        ('clinic', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='accounts.clinic')),
                    ],
                    options={
                        'db_table': 'commerce_product',
                    },
                ),
                migrations.CreateModel(
                    name='Service',
                    fields=[
                        ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('name', models.CharField(max_length=200)),
                        ('category', models.CharField(choices=[('consultation', 'Consultation'), ('neurotoxin', 'Botulinum toxin'), ('filler', 'Dermal filler'), ('biostimulator', 'Biostimulator'), ('laser', 'Laser'), ('energy', 'Radiofrequency / ultrasound'), ('peel', 'Chemical peel'), ('skin', 'Skin treatment')], max_length=20)),
                        ('description', models.TextField(blank=True)),
                        ('unit', models.CharField(choices=[('session', 'per session'), ('unit', 'per toxin unit'), ('ml', 'per ml'), ('area', 'per area')], default='session', max_length=10)),
                        ('price', models.DecimalField(decimal_places=2, max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0'))])),
                        ('currency', models.CharField(max_length=3)),
                        ('duration_minutes', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(5), django.core.validators.MaxValueValidator(720)])),
                        ('buffer_minutes', models.PositiveSmallIntegerField(default=0, validators=[django.core.validators.MaxValueValidator(240)])),
                        ('requires_consent', models.BooleanField(default=False)),
                        ('is_active', models.BooleanField(default=True)),
                        ('clinic', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='accounts.clinic')),
                    ],
                    options={
                        'db_table': 'commerce_service',
                    },
                ),
                migrations.CreateModel(
                    name='CourseItem',
                    fields=[
                        ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('sessions', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(100)])),
                        ('clinic', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='accounts.clinic')),
                        ('course', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='items', to='catalog.course')),
                        ('service', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='catalog.service')),
                    ],
                    options={
                        'db_table': 'commerce_courseitem',
                    },
                ),
                migrations.CreateModel(
                    name='ServiceMaterial',
                    fields=[
                        ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('quantity', models.DecimalField(decimal_places=3, max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0.001'))])),
                        ('clinic', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='accounts.clinic')),
                        ('product', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='catalog.product')),
                        ('service', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='materials', to='catalog.service')),
                    ],
                    options={
                        'db_table': 'commerce_servicematerial',
                    },
                ),
                migrations.AddConstraint(
                    model_name='course',
                    constraint=models.UniqueConstraint(fields=('clinic', 'name'), name='course_unique_name_per_clinic'),
                ),
                migrations.AddConstraint(
                    model_name='course',
                    constraint=models.CheckConstraint(condition=models.Q(('price__gte', 0)), name='course_price_not_negative'),
                ),
                migrations.AddIndex(
                    model_name='product',
                    index=models.Index(fields=['clinic', 'kind', 'name'], name='commerce_pr_clinic__ffbf55_idx'),
                ),
                migrations.AddConstraint(
                    model_name='product',
                    constraint=models.UniqueConstraint(fields=('clinic', 'name'), name='product_unique_name_per_clinic'),
                ),
                migrations.AddConstraint(
                    model_name='product',
                    constraint=models.UniqueConstraint(condition=models.Q(('sku', ''), _negated=True), fields=('clinic', 'sku'), name='product_unique_sku_per_clinic'),
                ),
                migrations.AddConstraint(
                    model_name='product',
                    constraint=models.CheckConstraint(condition=models.Q(('price__gte', 0)), name='product_price_not_negative'),
                ),
                migrations.AddIndex(
                    model_name='service',
                    index=models.Index(fields=['clinic', 'category', 'name'], name='commerce_se_clinic__b62bcd_idx'),
                ),
                migrations.AddConstraint(
                    model_name='service',
                    constraint=models.UniqueConstraint(fields=('clinic', 'name'), name='service_unique_name_per_clinic'),
                ),
                migrations.AddConstraint(
                    model_name='service',
                    constraint=models.CheckConstraint(condition=models.Q(('price__gte', 0)), name='service_price_not_negative'),
                ),
                migrations.AddConstraint(
                    model_name='courseitem',
                    constraint=models.UniqueConstraint(fields=('course', 'service'), name='course_item_unique_service'),
                ),
                migrations.AddConstraint(
                    model_name='courseitem',
                    constraint=models.CheckConstraint(condition=models.Q(('sessions__gte', 1)), name='course_item_sessions_positive'),
                ),
                migrations.AddConstraint(
                    model_name='servicematerial',
                    constraint=models.UniqueConstraint(fields=('service', 'product'), name='service_material_unique'),
                ),
                migrations.AddConstraint(
                    model_name='servicematerial',
                    constraint=models.CheckConstraint(condition=models.Q(('quantity__gt', 0)), name='service_material_positive'),
                ),
            ],
        ),
    ]
