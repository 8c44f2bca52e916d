"""Row locks take only the rows they mean to take.

On PostgreSQL ``SELECT … FOR UPDATE`` over a join locks the joined rows too, so
``select_for_update().select_related("clinic")`` locks the clinic's row. Every insert
that references the clinic then waits on it (the foreign-key check takes ``FOR KEY
SHARE``), and a transaction holding the clinic-keyed audit-chain lock while its check
waits deadlocks with the one holding the row: a session completed while the same chart
was being opened failed that way. A lock that joins related rows names ``of=("self",)``,
and a lock on a row that nearly every insert references (a clinic, an organization, a
user) is ``no_key=True`` (``FOR NO KEY UPDATE``: it serializes the lockers without
blocking those foreign-key checks).
"""

import ast
from collections.abc import Callable
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[2]


def _chain(call: ast.Call) -> list[ast.Call]:
    calls = []
    node: ast.expr = call
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        calls.append(node)
        node = node.func.value
    return calls


#: Models whose rows nearly every insert references (the audit trail's among them).
REFERENCED = {"Clinic", "Organization", "User"}


def _locks(call: ast.Call) -> ast.Call | None:
    return next(
        (c for c in _chain(call) if isinstance(c.func, ast.Attribute) and c.func.attr == "select_for_update"),
        None,
    )


def _blocks_references(call: ast.Call) -> bool:
    lock, chain = _locks(call), _chain(call)
    root = chain[-1].func.value if chain and isinstance(chain[-1].func, ast.Attribute) else None
    model = root.value if isinstance(root, ast.Attribute) else None
    return (
        lock is not None
        and isinstance(model, ast.Name)
        and model.id in REFERENCED
        and not any(k.arg == "no_key" for k in lock.keywords)
    )


def _locks_joined_rows(call: ast.Call) -> bool:
    lock = _locks(call)
    names = {c.func.attr for c in _chain(call) if isinstance(c.func, ast.Attribute)}
    return lock is not None and "select_related" in names and not any(k.arg == "of" for k in lock.keywords)


def _offending(rule: Callable[[ast.Call], bool]) -> list[str]:
    return sorted(
        f"{path.relative_to(BACKEND)}:{node.lineno}"
        for path in BACKEND.rglob("*.py")
        if ".venv" not in path.parts and "tests" not in path.parts
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and rule(node)
    )


def test_no_row_lock_over_a_join_takes_the_related_rows():
    offending = _offending(_locks_joined_rows)
    assert offending == [], 'use select_for_update(of=("self",)) with select_related: ' + ", ".join(offending)


def test_a_lock_on_a_clinic_organization_or_user_lets_references_in():
    offending = _offending(_blocks_references)
    assert offending == [], "use select_for_update(no_key=True): " + ", ".join(offending)


def _call(source: str) -> ast.Call:
    statement = ast.parse(source).body[0]
    assert isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)
    return statement.value


def test_the_rules_see_what_they_look_for():
    assert _locks_joined_rows(_call('Session.objects.select_for_update().select_related("clinic").get()'))
    own_row = 'Session.objects.select_for_update(of=("self",)).select_related("clinic").get()'
    assert not _locks_joined_rows(_call(own_row))
    assert _blocks_references(_call("Clinic.objects.select_for_update().filter(pk=1).first()"))
    assert not _blocks_references(_call("Clinic.objects.select_for_update(no_key=True).get(pk=1)"))
    assert not _blocks_references(_call("Invoice.objects.select_for_update().get(pk=1)"))
