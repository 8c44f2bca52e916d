import { federation } from '@module-federation/vite'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { APPS, define, runtimeTrim, outDir, publicPath, remoteShared, shareStrategy } from '../federation.config'

export default defineConfig(({ command }) => ({
  base: publicPath('scheduling', command),
  define,
  plugins: [
    vue(),
    federation({
      name: 'scheduling',
      filename: 'remoteEntry.js',
      exposes: { './CalendarModule': './src/CalendarModule.vue' },
      shared: remoteShared(command),
      shareStrategy,
      dts: false,
      ...runtimeTrim(command),
      disableRemote: true,
    }),
  ],
  server: { port: APPS.scheduling.port, origin: `http://localhost:${APPS.scheduling.port}` },
  build: { outDir: outDir('scheduling'), emptyOutDir: true, target: 'es2022' },
}))
