// Regenerates the expected NDJSON (*.feature.ndjson) next to every testdata/**/*.feature with the
// reference parser, @cucumber/gherkin (MIT), exactly as its test-cli.mjs prints it: incrementing ids
// restarting at "0" per file, source + gherkinDocument + pickles, or parseError envelopes.
//
//   mkdir -p /tmp/gk && cd /tmp/gk && npm init -y \
//     && npm i @cucumber/gherkin@42.0.1 @cucumber/messages @cucumber/compatibility-kit@30.0.0
//   cd tests/Bdd.Gherkin.Tests
//   node testdata/generate-goldens.mjs /tmp/gk/node_modules            # goldens only
//   node testdata/generate-goldens.mjs /tmp/gk/node_modules --copy-cck # also refresh testdata/good/cck
//
// The uri in each golden is the path relative to tests/Bdd.Gherkin.Tests, e.g. "testdata/good/rules.feature".
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const nodeModules = process.argv[2] ?? '/tmp/gk/node_modules'
const testdata = dirname(fileURLToPath(import.meta.url))
const projectDir = dirname(testdata)
const gherkin = await import(pathToFileURL(join(nodeModules, '@cucumber/gherkin/dist/index.js')))
const { IdGenerator } = await import(pathToFileURL(join(nodeModules, '@cucumber/messages/dist/index.js')))

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])
}

if (process.argv.includes('--copy-cck')) {
  const features = join(nodeModules, '@cucumber/compatibility-kit/features')
  for (const file of walk(features).filter((f) => f.endsWith('.feature'))) {
    copyFileSync(file, join(testdata, 'good', 'cck', basename(file)))
  }
}

let count = 0
for (const file of walk(testdata).filter((f) => f.endsWith('.feature')).sort()) {
  const uri = relative(projectDir, file).split('\\').join('/')
  const data = readFileSync(file, { encoding: 'utf-8' })
  const envelopes = gherkin.generateMessages(data, uri, 'text/x.cucumber.gherkin+plain', {
    defaultDialect: 'en',
    includeSource: true,
    includeGherkinDocument: true,
    includePickles: true,
    newId: IdGenerator.incrementing(),
  })
  writeFileSync(`${file}.ndjson`, envelopes.map((e) => `${JSON.stringify(e)}\n`).join(''))
  count++
}
console.log(`wrote ${count} goldens`)
