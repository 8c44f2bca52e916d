"""Signals of the accounts context, for contexts above it (integration only).

* ``password_changed(sender=User, user, how, request)``: a user's password was changed
  (``how="changed"``, by the user signed in) or reset with a code sent to their phone
  (``how="reset"``), and all their sessions were ended. ``compliance`` records it in the
  audit trail of each clinic the user works at.
"""

from django.dispatch import Signal

password_changed = Signal()
