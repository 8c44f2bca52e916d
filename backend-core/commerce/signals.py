"""Integration signals of the sales flow (other bounded contexts listen; commerce never
imports them).

* ``sale_completed`` — kwargs ``sale`` (``commerce.models.Sale``). Sent by
  ``sale_checkout`` INSIDE its transaction, after the sale, its lines, credits, invoice,
  payments, stock movements, course balances and journal entries exist. A receiver that
  starts slow work must enqueue it with ``core.tasks.enqueue_on_commit`` so a rolled-back
  checkout enqueues nothing; a receiver that raises rolls the checkout back.
* ``sale_reversed`` — kwargs ``sale`` and ``refund`` (``commerce.models.Refund``, or
  ``None`` when the whole sale was voided). Sent by ``sale_refund`` / ``sale_void``
  inside their transaction, after the reversing entries are written.
"""

from django.dispatch import Signal

sale_completed = Signal()
sale_reversed = Signal()
