"""Integration events of scheduling, for other contexts to subscribe to without
scheduling knowing them (the EMR opens a visit when a patient arrives; billing will
follow completion).

``appointment_status_changed`` is sent after the change commits, with keyword
arguments ``appointment_id`` (UUID), ``clinic_id`` (UUID), ``status`` (the new
``Appointment.Status`` value) and ``actor_id`` (UUID or ``None``). Receivers run in the
request's clinic context; they must not assume they can veto the change.
"""

from django.dispatch import Signal

appointment_status_changed = Signal()
