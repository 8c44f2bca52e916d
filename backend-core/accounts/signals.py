"""Signals the accounts context offers to the contexts above it (which it cannot import).

* ``password_changed(sender=User, user, how)``: a user's password was changed
  (``how="changed"``, by the user signed in) or reset with a code sent to their phone
  (``how="reset"``), and all their sessions were ended. ``compliance`` records it in the
  audit trail of each clinic the user works at.
* ``clinic_currency_in_use(sender=Clinic, clinic)``: sent before a clinic's currency
  changes. A receiver returns ``True`` when the clinic has recorded money in its currency
  (commerce: a sale or an invoice); ``accounts.services.clinic_update`` then refuses the
  change.
"""

from django.dispatch import Signal

password_changed = Signal()
clinic_currency_in_use = Signal()
