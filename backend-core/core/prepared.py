"""ORM queries compiled to SQL once per process, then run with new values.

Turning a queryset into SQL (resolving lookups and joins, listing the columns of every
``select_related`` model, picking the converters of each column) costs far more CPU than
PostgreSQL takes to answer a lookup by key: for the session check that every request
makes, about three times as much (issue 18, ``bench/api_floor.py``). A ``PreparedQuery``
builds its queryset once per database alias with stand-in values for its parameters,
keeps the SQL, where each stand-in went among the SQL's parameters and how a row becomes
a model instance (or a tuple, for ``values_list``), and from then on only runs that SQL
with the real values. Rows come back exactly as the queryset would give them: the same
columns, converters (time zones, encrypted fields, JSON) and related objects.

The queryset must have the same shape whatever the values (no branch on them), must not
depend on the clinic context (it is built outside any: a clinic-scoped manager raises
``TenantContextMissing``, so the clinic is a parameter like the others), and its
parameters are UUIDs, so that a
stand-in cannot be mistaken for another value among the compiled parameters; building
one that breaks either rule raises ``ImproperlyConfigured`` at the first call.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet
from django.db.models.query import (  # type: ignore[attr-defined]  # not in the stubs
    ModelIterable,
    ValuesListIterable,
    get_related_populators,
)

from core.tenancy import reset_current_clinic, set_current_clinic


@dataclass(frozen=True)
class _Slot:
    """Where a parameter goes among the SQL's parameters, and in which form (the
    ``UUID`` itself, or its 32 hex digits on a database without a UUID type)."""

    index: int
    name: str
    hex: bool


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple[Any, ...]
    slots: tuple[_Slot, ...]
    converters: tuple[tuple[int, tuple[Callable[..., Any], ...], Any], ...]
    make: Callable[[list[Any]], Any]

    def bind(self, values: dict[str, uuid.UUID]) -> list[Any]:
        params = list(self.params)
        for slot in self.slots:
            value = values[slot.name]
            params[slot.index] = value.hex if slot.hex else value
        return params


class PreparedQuery:
    """``build(**values)`` returns the queryset; ``rows(**values)`` runs it.

    ``build`` is called once per database alias (per process), with a random UUID for
    each of ``params`` (the names of its keyword arguments). Thread-safe."""

    def __init__(self, build: Callable[..., QuerySet[Any]], *, params: Sequence[str]) -> None:
        self._build = build
        self._names = tuple(params)
        self._compiled: dict[str, _Compiled] = {}
        self._lock = threading.Lock()

    def rows(self, *, using: str = DEFAULT_DB_ALIAS, **values: uuid.UUID) -> list[Any]:
        """The queryset's results for ``values`` (one ``UUID`` per name of ``params``):
        model instances, or tuples for a ``values_list`` queryset."""
        if values.keys() != set(self._names):
            raise TypeError(f"expected values for {sorted(self._names)}, got {sorted(values)}")
        compiled = self._compiled.get(using)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.get(using) or self._compile(using)
                self._compiled[using] = compiled
        connection = connections[using]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, compiled.bind(values))
            rows = cursor.fetchall()
        results = []
        for fetched in rows:
            row = list(fetched)
            for position, converters, expression in compiled.converters:
                value = row[position]
                for converter in converters:
                    value = converter(value, expression, connection)
                row[position] = value
            results.append(compiled.make(row))
        return results

    def first(self, *, using: str = DEFAULT_DB_ALIAS, **values: uuid.UUID) -> Any:
        """The first result, or ``None``: slice the queryset (``[:1]``) when only one
        row is wanted."""
        rows = self.rows(using=using, **values)
        return rows[0] if rows else None

    def _compile(self, using: str) -> _Compiled:
        stand_ins = {name: uuid.uuid4() for name in self._names}
        # Built and compiled outside any clinic: a clinic-scoped manager's filter would
        # otherwise be kept with the first caller's clinic in it, for every later caller.
        # It fails closed instead (TenantContextMissing); pass the clinic as a parameter.
        token = set_current_clinic(None)
        try:
            queryset = self._build(**stand_ins).using(using)
            compiler = queryset.query.get_compiler(using=using)
            sql, params = compiler.as_sql()
        finally:
            reset_current_clinic(token)
        slots = tuple(_slots(params, stand_ins))
        missing = set(stand_ins) - {slot.name for slot in slots}
        if missing:
            raise ImproperlyConfigured(f"{sorted(missing)} did not reach the compiled SQL's parameters")
        fields = [selected[0] for selected in compiler.select[: compiler.col_count]]
        if compiler.has_composite_fields(fields):
            raise ImproperlyConfigured("composite fields are not supported")
        converters = tuple(
            (position, tuple(found), expression)
            for position, (found, expression) in compiler.get_converters(fields).items()
        )
        return _Compiled(
            sql=sql,
            params=tuple(params),
            slots=slots,
            converters=converters,
            make=_maker(queryset, compiler, using),
        )


def _slots(params: Iterable[Any], stand_ins: dict[str, uuid.UUID]) -> Iterable[_Slot]:
    """Where each stand-in went: as itself (a ``UUID``), or as 32 hex digits (a database
    without a UUID type); any other text of it means the queryset transformed the value."""
    names: dict[object, tuple[str, bool]] = {}
    for name, value in stand_ins.items():
        names[value] = (name, False)
        names[value.hex] = (name, True)
        names[str(value)] = (name, True)
    for index, param in enumerate(params):
        found = names.get(param) if isinstance(param, uuid.UUID | str) else None
        if found is None:
            continue
        name, textual = found
        if textual and param != stand_ins[name].hex:
            raise ImproperlyConfigured(f"{name} reached the SQL as text other than 32 hex digits")
        yield _Slot(index=index, name=name, hex=textual)


def _maker(queryset: QuerySet[Any], compiler: Any, using: str) -> Callable[[list[Any]], Any]:
    """How a converted row becomes what the queryset yields (``ModelIterable`` and
    ``ValuesListIterable``, without the parts those querysets cannot have here)."""
    if queryset._iterable_class is ValuesListIterable:
        return tuple
    if queryset._iterable_class is not ModelIterable or queryset._known_related_objects:  # type: ignore[attr-defined]
        raise ImproperlyConfigured("only model and values_list querysets can be prepared")
    klass_info, select = compiler.klass_info, compiler.select
    model = klass_info["model"]
    start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
    init_list = [selected[0].target.attname for selected in select[start:end]]
    populators = get_related_populators(klass_info, select, using)
    annotations = tuple(compiler.annotation_col_map.items())

    def make(row: list[Any]) -> Any:
        instance = model.from_db(using, init_list, row[start:end])
        for populator in populators:
            populator.populate(row, instance)
        for name, position in annotations:
            setattr(instance, name, row[position])
        return instance

    return make
