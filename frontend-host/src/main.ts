import { bus, SESSION_EXPIRED } from '@aesthetix/api-client'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { i18n, initialLocale, localeApply } from './i18n'
import { routerCreate } from './router'
import { useAuthStore } from './stores/auth'
import './style.css'

const app = createApp(App)
const pinia = createPinia()
const router = routerCreate()
app.use(pinia).use(i18n).use(router)

// Any app on the page may find the session over (a failed token refresh): back to the
// login page, which says why, and then back to where the user was.
bus.on(SESSION_EXPIRED, () => {
  useAuthStore(pinia).sessionExpired()
  const here = router.currentRoute.value
  if (here.name !== 'login') void router.push({ name: 'login', query: { redirect: here.fullPath } })
})

// The saved language's texts first, so the first paint is already in it; English if they
// cannot be fetched.
localeApply(initialLocale())
  .catch((error: unknown) => {
    console.warn('The saved language could not be loaded', error)
    return localeApply('en')
  })
  .catch((error: unknown) => console.warn('English could not be loaded', error))
  .finally(() => app.mount('#app'))
