import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { APPS, hostDefine, outDir, publicPath } from '../federation.config'

const backend = process.env.AESTHETIX_BACKEND_URL ?? 'http://127.0.0.1:8000'

// No federation build plugin: the host starts the federation runtime itself after sign-in
// (src/federation.ts), so the login page is plain chunks.
export default defineConfig(({ command }) => ({
  base: command === 'build' ? publicPath('host', command) : '/',
  define: hostDefine(command),
  plugins: [vue()],
  // The dev server proxies the API and the WebSocket so the refresh cookie (SameSite
  // Strict, path /api/v1/auth/) stays first-party.
  server: {
    port: APPS.host.port,
    proxy: {
      '/api': backend,
      '/ws': { target: backend.replace(/^http/, 'ws'), ws: true },
    },
  },
  build: {
    outDir: outDir('host'),
    emptyOutDir: true,
    target: 'es2022',
    // Vue, Vue Router, Pinia and vue-i18n in one chunk: the login page needs all four.
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/ }] },
      },
    },
  },
}))
