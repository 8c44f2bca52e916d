import { federation } from '@module-federation/vite'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { APPS, define, runtimeTrim, outDir, publicPath, remote, shared, shareStrategy } from '../federation.config'

const backend = process.env.AESTHETIX_BACKEND_URL ?? 'http://127.0.0.1:8000'

export default defineConfig(({ command }) => ({
  base: command === 'build' ? publicPath('host', command) : '/',
  define,
  plugins: [
    vue(),
    federation({
      name: 'host',
      remotes: {
        scheduling: remote('scheduling', command),
        emr: remote('emr', command),
        pos: remote('pos', command),
      },
      shared,
      shareStrategy,
      dts: false,
      ...runtimeTrim(command),
    }),
  ],
  // The dev server proxies the API and the WebSocket so the refresh cookie (SameSite
  // Strict, path /api/v1/auth/) stays first-party.
  server: {
    port: APPS.host.port,
    proxy: {
      '/api': backend,
      '/ws': { target: backend.replace(/^http/, 'ws'), ws: true },
    },
  },
  build: { outDir: outDir('host'), emptyOutDir: true, target: 'es2022' },
}))
