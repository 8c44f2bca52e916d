import { createRouter, createWebHistory } from 'vue-router'
import type { Router } from 'vue-router'
import { useAuthStore } from './stores/auth'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (the login page). */
    public?: boolean
    /** A public page a signed-in user may open too (accepting an invite). */
    signedInToo?: boolean
    /** Only for who holds this permission in the clinic (`core.permissions`). */
    permission?: string
  }
}

export function routerCreate(): Router {
  const router = createRouter({
    history: createWebHistory('/'),
    routes: [
      { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
      {
        path: '/forgot-password',
        name: 'forgot-password',
        component: () => import('./pages/ForgotPasswordPage.vue'),
        meta: { public: true },
      },
      { path: '/signup', name: 'signup', component: () => import('./pages/SignupPage.vue'), meta: { public: true } },
      {
        path: '/accept-invite',
        name: 'accept-invite',
        component: () => import('./pages/AcceptInvitePage.vue'),
        meta: { public: true, signedInToo: true },
      },
      { path: '/enrol', name: 'enrol', component: () => import('./pages/EnrolTwoFactorPage.vue') },
      {
        path: '/',
        component: () => import('./components/AppLayout.vue'),
        children: [
          { path: '', redirect: { name: 'calendar' } },
          // The remotes load only when their route opens.
          { path: 'calendar', name: 'calendar', component: () => import('./pages/RemotePage.vue'), props: { remote: 'scheduling' } },
          { path: 'patients', name: 'patients', component: () => import('./pages/RemotePage.vue'), props: { remote: 'emr' } },
          { path: 'billing', name: 'billing', component: () => import('./pages/RemotePage.vue'), props: { remote: 'pos' } },
          {
            path: 'dashboard',
            name: 'dashboard',
            component: () => import('./pages/dashboard/DashboardPage.vue'),
            meta: { permission: 'report.view_own' },
          },
          {
            path: 'reports',
            name: 'reports',
            component: () => import('./pages/reports/ReportsPage.vue'),
            meta: { permission: 'report.view' },
          },
          {
            path: 'compliance',
            name: 'compliance',
            component: () => import('./pages/compliance/CompliancePage.vue'),
            meta: { permission: 'dsr.manage' },
          },
          {
            path: 'settings/clinic',
            name: 'settings-clinic',
            component: () => import('./pages/settings/ClinicProfilePage.vue'),
            meta: { permission: 'clinic.manage' },
          },
          {
            path: 'settings/payments',
            name: 'settings-payments',
            component: () => import('./pages/settings/PaymentSettingsPage.vue'),
            meta: { permission: 'clinic.manage' },
          },
          {
            path: 'settings/tax',
            name: 'settings-tax',
            component: () => import('./pages/settings/TaxSettingsPage.vue'),
            meta: { permission: 'clinic.manage' },
          },
          {
            path: 'settings/products',
            name: 'settings-products',
            component: () => import('./pages/settings/ProductsPage.vue'),
            meta: { permission: 'catalog.manage' },
          },
          {
            path: 'settings/courses',
            name: 'settings-courses',
            component: () => import('./pages/settings/CoursesPage.vue'),
            meta: { permission: 'catalog.manage' },
          },
          {
            path: 'settings/staff',
            name: 'settings-staff',
            component: () => import('./pages/settings/StaffPage.vue'),
            meta: { permission: 'staff.manage' },
          },
          {
            path: 'settings/invites',
            name: 'settings-invites',
            component: () => import('./pages/settings/InvitesPage.vue'),
            meta: { permission: 'invite.manage' },
          },
          {
            path: 'settings/devices',
            name: 'settings-devices',
            component: () => import('./pages/settings/DevicesPage.vue'),
            meta: { permission: 'calendar.manage' },
          },
          {
            path: 'settings/treatments',
            name: 'settings-treatments',
            component: () => import('./pages/settings/TreatmentsPage.vue'),
            meta: { permission: 'catalog.manage' },
          },
          {
            path: 'settings/consent-templates',
            name: 'settings-consent-templates',
            component: () => import('./pages/settings/ConsentTemplatesPage.vue'),
            meta: { permission: 'consent_form.manage' },
          },
          {
            path: 'settings/rooms',
            name: 'settings-rooms',
            component: () => import('./pages/settings/RoomsPage.vue'),
            meta: { permission: 'calendar.manage' },
          },
          {
            path: 'settings/licences',
            name: 'settings-licences',
            component: () => import('./pages/settings/LicencesPage.vue'),
            meta: { permission: 'licence.manage' },
          },
          {
            path: 'settings/hours',
            name: 'settings-hours',
            component: () => import('./pages/settings/WorkingHoursPage.vue'),
            meta: { permission: 'calendar.manage' },
          },
          {
            path: 'settings/messages',
            name: 'settings-messages',
            component: () => import('./pages/settings/MessageTemplatesPage.vue'),
            meta: { permission: 'clinic.manage' },
          },
          {
            path: 'settings/message-log',
            name: 'settings-message-log',
            component: () => import('./pages/settings/MessageLogPage.vue'),
            meta: { permission: 'notification.view' },
          },
          {
            path: 'settings/audit',
            name: 'settings-audit',
            component: () => import('./pages/settings/AuditPage.vue'),
            meta: { permission: 'audit.view' },
          },
          {
            path: 'settings/commissions',
            name: 'settings-commissions',
            component: () => import('./pages/settings/CommissionRulesPage.vue'),
            meta: { permission: 'commission_rule.manage' },
          },
          { path: 'account/profile', name: 'account-profile', component: () => import('./pages/account/ProfilePage.vue') },
          { path: 'account/licences', name: 'account-licences', component: () => import('./pages/account/MyLicencesPage.vue') },
          { path: 'account/password', name: 'account-password', component: () => import('./pages/account/PasswordPage.vue') },
          { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue') },
        ],
      },
    ],
  })

  let restored: Promise<unknown> | null = null
  router.beforeEach(async (to) => {
    const auth = useAuthStore()
    // The first navigation after a reload asks the refresh cookie for a session.
    restored ??= auth.restore().catch(() => false)
    await restored
    if (to.meta.public) return auth.signedIn && !auth.needsEnrolment && !to.meta.signedInToo ? { name: 'calendar' } : true
    if (!auth.signedIn) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
    if (auth.needsEnrolment) return to.name === 'enrol' ? true : { name: 'enrol' }
    if (to.name === 'enrol') return { name: 'calendar' }
    if (to.meta.permission && !auth.can(to.meta.permission)) return { name: 'calendar' }
    return true
  })
  return router
}
