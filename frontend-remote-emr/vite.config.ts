import { federation } from '@module-federation/vite'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { APPS, define, runtimeTrim, outDir, publicPath, remoteShared, shareStrategy } from '../federation.config'

export default defineConfig(({ command }) => ({
  base: publicPath('emr', command),
  define,
  plugins: [
    vue(),
    federation({
      name: 'emr',
      filename: 'remoteEntry.js',
      exposes: { './PatientModule': './src/PatientModule.vue' },
      shared: remoteShared(command),
      shareStrategy,
      dts: false,
      ...runtimeTrim(command),
      disableRemote: true,
    }),
  ],
  server: { port: APPS.emr.port, origin: `http://localhost:${APPS.emr.port}` },
  build: { outDir: outDir('emr'), emptyOutDir: true, target: 'es2022' },
}))
