"""Signals the accounts context offers to the contexts above it (which it cannot import).

* ``clinic_currency_in_use(sender=Clinic, clinic)``: sent before a clinic's currency
  changes. A receiver returns ``True`` when the clinic has recorded money in its currency
  (commerce: a sale or an invoice); ``accounts.services.clinic_update`` then refuses the
  change.
* ``clinic_opened(sender=Clinic, clinic, actor)``: sent inside the transaction that opens
  a clinic (a sign-up's first clinic or a new branch), once its first member exists. A
  receiver sets up what a clinic starts with (patients: the default consent wording); an
  error rolls the opening back.
"""

from django.dispatch import Signal

clinic_currency_in_use = Signal()
clinic_opened = Signal()
