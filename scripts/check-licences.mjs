// Fails (exit 1) when an npm package that ships in the front-end bundles is under a licence
// AGPL-3.0-or-later cannot be combined with (proprietary, SSPL, Commons Clause,
// non-commercial, unknown, ...). What ships is the workspaces' production dependencies, as
// npm resolves them from the lock (`npm query .prod`); dev tools (vite, eslint, vitest, ...)
// build and test the product on our machines and are not conveyed with it.
// Run from a directory with node_modules installed (default: the repository root):
//   node scripts/check-licences.mjs [project-dir]
// The checker matches an allowed licence as a substring of the package's licence field.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const project = resolve(process.argv[2] ?? root)

// Licences (SPDX ids) whose terms allow combining the code into an AGPL-3.0-or-later work.
const ALLOWED = [
  '0BSD',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'ISC',
  'MIT',
  'GPL-3.0-only', // AGPL-3.0 section 13 permits combining with GPL-3.0 work
]

// Packages whose metadata names no usable licence, with the licence we read and chose.
// Keyed name@version: an upgrade must be read again. The checksum is the SHA-256 of the
// licence file as shipped, so a changed licence text fails the check.
const CLARIFICATIONS = {
  // FullCalendar Premium ("SEE LICENSE IN LICENSE.md"): LICENSE.md offers a commercial
  // licence, CC BY-NC-ND 4.0, or GPLv3 "intended for open-source projects"; we take GPLv3
  // (the calendar sets schedulerLicenseKey 'GPL-My-Project-Is-Open-Source').
  ...Object.fromEntries(
    ['premium-common', 'resource', 'resource-daygrid', 'resource-timegrid', 'resource-timeline', 'scrollgrid', 'timeline'].map((name) => [
      `@fullcalendar/${name}@6.1.21`,
      {
        licenses: 'GPL-3.0-only',
        checksum: '68d92d7b923ae0139689c453590a1148a7ff066377a6381734e23b6b6e2224ad',
      },
    ]),
  ),
}

const production = JSON.parse(execFileSync('npm', ['query', '.prod'], { cwd: project, encoding: 'utf8' }))
const packages = [...new Set(production.filter((p) => !p.private).map((p) => `${p.name}@${p.version}`))]
if (packages.length === 0) {
  console.error(`No production npm packages found in ${project}: is node_modules installed?`)
  process.exit(1)
}

const scratch = mkdtempSync(join(tmpdir(), 'licences-'))
const clarifications = join(scratch, 'clarifications.json')
writeFileSync(clarifications, JSON.stringify(CLARIFICATIONS))
let status = 0
try {
  execFileSync(
    join(root, 'node_modules', '.bin', 'license-checker-rseidelsohn'),
    [
      '--start', project,
      '--excludePrivatePackages',
      '--includePackages', packages.join(';'),
      '--clarificationsFile', clarifications,
      '--onlyAllow', ALLOWED.join(';'),
      '--summary',
    ],
    { stdio: 'inherit' },
  )
} catch {
  status = 1 // the checker has said which package and licence
} finally {
  rmSync(scratch, { recursive: true })
}
process.exit(status)
