// Gzipped sizes of the built front end (run `npm run build` first):
//  - the host's entry: the JavaScript and CSS its index.html loads before anything else
//    (the module script and its modulepreloads);
//  - each remote's remoteEntry.js, and all of that remote's JavaScript (an upper bound of
//    what opening its route costs; nothing of it loads before).
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

const index = readFileSync(join(dist, 'host', 'index.html'), 'utf8')
const initial = [...index.matchAll(/(?:src|href)="\/static\/host\/([^"]+\.(?:js|css))"/g)].map((m) => m[1])
const hostJs = initial.filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gz(join(dist, 'host', f)), 0)
const hostCss = initial.filter((f) => f.endsWith('.css')).reduce((sum, f) => sum + gz(join(dist, 'host', f)), 0)
console.log(`host entry (index.html's ${initial.length} files): JS ${kb(hostJs)} gzipped, CSS ${kb(hostCss)} gzipped`)

for (const remote of ['scheduling', 'emr', 'pos']) {
  const assets = readdirSync(join(dist, remote, 'assets')).filter((f) => f.endsWith('.js'))
  const all = assets.reduce((sum, f) => sum + gz(join(dist, remote, 'assets', f)), 0)
  console.log(`${remote}: remoteEntry.js ${kb(gz(join(dist, remote, 'remoteEntry.js')))} gzipped; all its JS ${kb(all)} gzipped`)
}
