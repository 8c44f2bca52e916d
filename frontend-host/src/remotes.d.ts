// Modules exposed by the remotes, loaded at run time through module federation.
declare module 'scheduling/CalendarModule' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent
  export default component
}
declare module 'emr/PatientModule' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent
  export default component
}
declare module 'pos/BillingModule' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent
  export default component
}
