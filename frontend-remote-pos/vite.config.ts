import { federation } from '@module-federation/vite'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { APPS, define, runtimeTrim, outDir, publicPath, remoteShared, shareStrategy } from '../federation.config'

export default defineConfig(({ command }) => ({
  base: publicPath('pos', command),
  define,
  plugins: [
    vue(),
    federation({
      name: 'pos',
      filename: 'remoteEntry.js',
      exposes: { './BillingModule': './src/BillingModule.vue' },
      shared: remoteShared(command),
      shareStrategy,
      dts: false,
      ...runtimeTrim(command),
      disableRemote: true,
    }),
  ],
  server: { port: APPS.pos.port, origin: `http://localhost:${APPS.pos.port}` },
  build: { outDir: outDir('pos'), emptyOutDir: true, target: 'es2022' },
}))
