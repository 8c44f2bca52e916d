"""Signals the accounts context offers to the contexts above it (which it cannot import).

* ``clinic_currency_in_use(sender=Clinic, clinic)``: sent before a clinic's currency
  changes. A receiver returns ``True`` when the clinic has recorded money in its currency
  (commerce: a sale or an invoice); ``accounts.services.clinic_update`` then refuses the
  change.
"""

from django.dispatch import Signal

clinic_currency_in_use = Signal()
