// Regenerates src/schema.d.ts from the backend's OpenAPI schema (drf-spectacular);
// with --check, fails instead when the committed file is out of date.
// The backend's Python is the repository's virtualenv, or $AESTHETIX_PYTHON.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'

const here = dirname(fileURLToPath(import.meta.url))
const repo = resolve(here, '../../..')
// Relative to where npm was started (npm runs this script from the workspace folder).
const python = resolve(process.env.INIT_CWD ?? process.cwd(), process.env.AESTHETIX_PYTHON ?? join(repo, '.venv/bin/python'))
const work = mkdtempSync(join(tmpdir(), 'aesthetix-schema-'))
try {
  const schemaFile = join(work, 'openapi.json')
  execFileSync(python, ['manage.py', 'spectacular', '--format', 'openapi-json', '--file', schemaFile], {
    cwd: join(repo, 'backend-core'),
    // The schema does not depend on the profile; keep the generator off any real database.
    env: { ...process.env, AESTHETIX_VAR_DIR: join(work, 'var'), DATABASE_URL: '', REDIS_URL: '', S3_BUCKET: '' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'))
  // The client adds X-Clinic-Id to every request from the session, so callers never
  // pass it: drop it from the operations' parameters.
  for (const item of Object.values(schema.paths)) {
    for (const operation of Object.values(item)) {
      if (Array.isArray(operation.parameters)) {
        operation.parameters = operation.parameters.filter((p) => !(p.in === 'header' && p.name === 'X-Clinic-Id'))
      }
    }
  }
  const ast = await openapiTS(schema)
  const header = '// Generated from the backend OpenAPI schema by `npm run api:types`. Do not edit.\n\n'
  const target = join(here, '../src/schema.d.ts')
  const generated = header + astToString(ast)
  if (!process.argv.includes('--check')) {
    writeFileSync(target, generated)
  } else if (readFileSync(target, 'utf8') !== generated) {
    console.error('src/schema.d.ts is out of date with the backend API: run `npm run api:types` and commit it.')
    process.exitCode = 1
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
