"""The role → permission matrix (the one place that says who may do what) and the DRF
permission class that applies it to the clinic-scoped API.

A view names the permission each action needs in ``required_permissions``; an action
that is not listed is refused (fail closed).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from core.exceptions import PermissionDeniedError, TwoFactorRequired
from core.roles import ALL_ROLES, CLINICAL_RECORD_ROLES, CLINICAL_ROLES, MANAGERS, TWO_FACTOR_ROLES, Role

PERMISSIONS: Mapping[str, frozenset[Role]] = {
    # Clinic settings and branches of the organization.
    "clinic.view": ALL_ROLES,
    "clinic.manage": MANAGERS,
    # Opening a branch commits the organization (a new site, its currency and staff): the
    # owners' decision, not a branch admin's.
    "clinic.open": frozenset({Role.OWNER}),
    # Staff directory: everyone sees who works here (booking needs practitioners).
    "staff.view": ALL_ROLES,
    "staff.manage": MANAGERS,
    "invite.manage": MANAGERS,
    # Professional licences of the clinic's practitioners: owners and admins check them
    # (the clinic answers for who treats its patients); whether clinical acts need one is
    # the clinic setting ``licence_check``, an owner's decision.
    "licence.manage": MANAGERS,
    # Patients: everyone reads (personal data masked by role, core/masking.py); the front
    # desk and clinicians register and edit them and record consent decisions.
    "patient.view": ALL_ROLES,
    "patient.manage": MANAGERS | {Role.DOCTOR, Role.NURSE, Role.RECEPTIONIST},
    "consent.record": MANAGERS | {Role.DOCTOR, Role.NURSE, Role.RECEPTIONIST},
    "consent_text.manage": MANAGERS,
    # Calendar: everyone sees it; the front desk and clinicians book and move
    # appointments; managers set rooms and working hours.
    "calendar.view": ALL_ROLES,
    "calendar.book": MANAGERS | {Role.DOCTOR, Role.NURSE, Role.THERAPIST, Role.RECEPTIONIST},
    "calendar.manage": MANAGERS,
    # Cancelling a booked or confirmed appointment is front-desk work ("calendar.book");
    # once the patient has checked in the visit is under way (a visit is open, a
    # session may follow), so calling it off is a manager's decision.
    "calendar.cancel_after_arrival": MANAGERS,
    # Treatment catalog: everyone reads it (booking, POS); managers price it.
    "catalog.view": ALL_ROLES,
    "catalog.manage": MANAGERS,
    # Stock: everyone sees levels; clinicians record what they used on a patient;
    # managers receive, count and transfer. "stock.transfer" is needed in both clinics of a
    # transfer: where the lot is, and where the stock is sent. "stock.recall" is lot traceability, which
    # patient received which lot in which session or sale: the one rule for every route
    # that returns it (the recall list, and the patient and reference of each stock
    # movement, which are blanked for other roles); clinicians and managers only.
    "stock.view": ALL_ROLES,
    "stock.consume": MANAGERS | CLINICAL_ROLES,
    "stock.manage": MANAGERS,
    "stock.transfer": MANAGERS,
    "stock.recall": MANAGERS | {Role.DOCTOR, Role.NURSE},
    # POS: the cashier sells and takes payments; refunds and voids need a manager;
    # the front desk and accountant read sales and invoices.
    "sale.view": MANAGERS | {Role.CASHIER, Role.ACCOUNTANT, Role.RECEPTIONIST},
    "sale.create": MANAGERS | {Role.CASHIER},
    "sale.refund": MANAGERS,
    "invoice.view": MANAGERS | {Role.CASHIER, Role.ACCOUNTANT, Role.RECEPTIONIST},
    "payment.record": MANAGERS | {Role.CASHIER},
    # An appointment's deposit is taken at the desk when the treatment is booked.
    "deposit.take": MANAGERS | {Role.CASHIER, Role.RECEPTIONIST},
    # Course balances: everyone sees them (booking, chart, POS); whoever treats or
    # sells takes a session.
    "course_balance.view": ALL_ROLES,
    "course_balance.redeem": MANAGERS | CLINICAL_ROLES | {Role.CASHIER},
    # Giving a session back (taken by mistake, the same day): a manager's decision.
    "course_balance.undo": MANAGERS,
    # Ledger: the accountant and managers.
    "ledger.view": MANAGERS | {Role.ACCOUNTANT},
    # Commissions: owners/admins write the rules; the accountant reads rules and every
    # statement; a practitioner reads only their own statement (filtered in the view);
    # the POS learns whether a sale's commissions are computed.
    "commission_rule.view": MANAGERS | {Role.ACCOUNTANT},
    # Reports: managers and the accountant read the clinic's figures (and, where they hold
    # this role, the organization's); a practitioner reads only their own.
    "report.view": MANAGERS | {Role.ACCOUNTANT},
    "report.view_own": MANAGERS | CLINICAL_ROLES | {Role.ACCOUNTANT},
    "commission_rule.manage": MANAGERS,
    "commission.view_all": MANAGERS | {Role.ACCOUNTANT},
    "commission.view_own": MANAGERS | CLINICAL_ROLES | {Role.ACCOUNTANT},
    "commission.settle": MANAGERS,
    "commission.status": MANAGERS | {Role.CASHIER, Role.RECEPTIONIST, Role.ACCOUNTANT},
    # Clinical records (emr). Visits are schedule-level facts (who, when, which service,
    # which state): everyone sees them, the front desk opens walk-ins. Clinical content
    # (SOAP notes, treatment sessions and the products used, plans, photographs, face
    # charts) is health data, processed only as far as care needs it (LGPD Art. 11 and
    # Art. 6 III; PDPA s26), and the record is confidential to the professionals who
    # treat the patient (CFM Resolution 1.638/2002 art. 1; Code of Medical Ethics art.
    # 85): doctors, nurses and therapists only (core.roles.CLINICAL_RECORD_ROLES).
    # Consent forms are signed at the front desk too, so the receptionist records the
    # signature and sees whether a form is signed; managers publish the templates.
    "visit.view": ALL_ROLES,
    "visit.manage": MANAGERS | CLINICAL_RECORD_ROLES | {Role.RECEPTIONIST},
    # "clinical.view" is the one rule for clinical content wherever it is returned: the
    # emr routes, and the clinical part of a data-subject export (withheld from a
    # manager without a clinical role; compliance.subject_rights.dsr_result_for_role).
    "clinical.view": CLINICAL_RECORD_ROLES,
    "clinical.write": CLINICAL_RECORD_ROLES,
    "consent_form.view": MANAGERS | CLINICAL_RECORD_ROLES | {Role.RECEPTIONIST},
    "consent_form.sign": CLINICAL_RECORD_ROLES | {Role.RECEPTIONIST},
    "consent_form.manage": MANAGERS | {Role.DOCTOR},
    # Messages log: what the clinic sent patients, and sending a failed one again, is
    # front-desk work as much as a manager's.
    "notification.view": MANAGERS | {Role.RECEPTIONIST},
    "notification.retry": MANAGERS | {Role.RECEPTIONIST},
    # Audit trail: who did what to which record (LGPD Art. 37, PDPA s39); the accountant
    # reviews it as part of the clinic's controls. Values of contact and ID fields are
    # masked in every event (audit.masking).
    "audit.view": MANAGERS | {Role.ACCOUNTANT},
    "dsr.manage": MANAGERS,
    # The compliance desk (consent coverage, the retention queue and its decisions): the
    # controller's oversight of its processing (LGPD Art. 37 and 50; PDPA s37, s39), owners
    # and admins. The desk's other parts keep their own rules (dsr.manage, licence.manage,
    # stock.recall for the ANVISA lot report, audit.view).
    "compliance.view": MANAGERS,
}


def role_has_permission(role: str, permission: str) -> bool:
    """True when ``role`` holds ``permission``; unknown permissions are held by nobody."""
    return role in roles_with_permission(permission)


def roles_with_permission(permission: str) -> frozenset[Role]:
    """The roles that hold ``permission``; none for an unknown permission."""
    return PERMISSIONS.get(permission, frozenset())


def role_permissions(role: str) -> list[str]:
    """The names of the permissions ``role`` holds, sorted (``[]`` for an unknown role):
    what ``/users/me`` tells the front end, so screens ask ``can('stock.manage')`` instead
    of copying role lists."""
    return sorted(name for name, roles in PERMISSIONS.items() if role in roles)


def request_is_two_factor_verified(request: Request) -> bool:
    """JWT requests carry the ``otp`` claim set at login; session requests use django-otp."""
    auth = request.auth
    if auth is not None and hasattr(auth, "get"):
        return bool(auth.get("otp", False))
    user = request.user
    return bool(getattr(user, "is_verified", lambda: False)())


def member_two_factor_check(*, role: str, otp_verified: bool) -> None:
    """Raise ``TwoFactorRequired`` when ``role`` must pass the second factor
    (``TWO_FACTOR_ROLES``) and the session did not. The REST permission class and the
    WebSocket consumer both apply it."""
    if role in TWO_FACTOR_ROLES and not otp_verified:
        raise TwoFactorRequired()


class ClinicRolePermission(BasePermission):
    """Grants an action when the caller's role in the request's clinic holds the
    permission the view maps that action to. Roles in ``TWO_FACTOR_ROLES`` must also have
    passed the second factor in this session."""

    def has_permission(self, request: Request, view: Any) -> bool:
        membership = getattr(request, "membership", None)
        if membership is None:
            return False
        member_two_factor_check(role=membership.role, otp_verified=request_is_two_factor_verified(request))
        permission = view.required_permissions.get(view.action or "")
        if permission is None or not role_has_permission(membership.role, permission):
            raise PermissionDeniedError()
        return True
