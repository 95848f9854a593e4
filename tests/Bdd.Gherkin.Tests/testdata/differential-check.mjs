// Differential check (optional, not run by the tests): random feature files, mostly valid or mostly
// broken, parsed by the reference (@cucumber/gherkin) and by our Bdd.Cli; the NDJSON must be identical.
//
//   dotnet build src/Bdd.Cli
//   node tests/Bdd.Gherkin.Tests/testdata/differential-check.mjs /tmp/gk/node_modules \
//     src/Bdd.Cli/bin/Debug/net10.0/Bdd.Cli.dll [count=200] [seed=7]
//
// Failing inputs are kept in a temp folder (printed) to be turned into corpus files.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const [nodeModules = '/tmp/gk/node_modules', cliArg, count = '200', seedArg = '7'] = process.argv.slice(2)
if (!cliArg) throw new Error('usage: differential-check.mjs <node_modules> <Bdd.Cli.dll> [count] [seed]')
// the CLI runs in the temp folder, so a relative path to it is resolved here first
const cli = resolve(cliArg)
const gherkin = await import(pathToFileURL(join(nodeModules, '@cucumber/gherkin/dist/index.js')))
const { IdGenerator } = await import(pathToFileURL(join(nodeModules, '@cucumber/messages/dist/index.js')))
const D = gherkin.dialects

let seed = Number(seedArg)
const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return Math.floor(seed / 65536) % n }
const pick = (a) => a[rnd(a.length)]
const ind = () => ' '.repeat(rnd(5))

// Mostly valid documents: every construct, several dialects.
function tags(o) { if (!rnd(3)) o.push(ind() + Array.from({ length: 1 + rnd(3) }, () => '@' + pick(['a', 'b-c', 'x:y', 'ü', '😀', 'p<q>'])).join(' ') + (rnd(4) ? '' : ' # c')) }
function desc(o) { if (!rnd(3)) for (let i = rnd(3); i >= 0; i--) o.push(pick(['', '  some text <p>', 'more: text', '   ', '# comment'])) }
const cell = () => pick(['a', '<p>', '<q>', '', ' x ', 'a\\|b', 'c\\nd', 'e\\\\f', '\\t', '日本', '😀'])
function table(o, w, rows) { for (let r = 0; r < rows; r++) o.push(ind() + '|' + Array.from({ length: w }, cell).join('|') + '|' + pick(['', ' ', ' # no'])) }
function doc(o) { const d = pick(['"""', '```']); const i = ind(); o.push(i + d + pick(['', 'json', ' <q> ', 'text/plain'])); for (let k = rnd(4); k > 0; k--) o.push(i + pick(['', '  ', 'line <p>', '\\"\\"\\"', '\\`\\`\\`', ' x', '# not comment'])); o.push(i + d) }
function steps(o, d) {
  for (let k = rnd(5); k > 0; k--) {
    o.push(ind() + pick([...d.given, ...d.when, ...d.then, ...d.and, ...d.but]) + pick(['step <p>', 'x', '<q> and <p>', '']))
    const a = rnd(6)
    if (a === 0) table(o, 1 + rnd(3), 1 + rnd(3))
    if (a === 1) doc(o)
    if (a === 2) { doc(o); table(o, 2, 1) }
    if (a === 3) { table(o, 1, 2); doc(o) }
  }
}
function scenario(o, d) {
  tags(o)
  const outline = rnd(2)
  o.push(ind() + pick(outline ? d.scenarioOutline : d.scenario) + ': ' + pick(['s', 'name <p>', '', '<q>']))
  desc(o)
  steps(o, d)
  if (outline || rnd(4) === 0) for (let e = rnd(3); e > 0; e--) {
    o.push('')
    tags(o)
    o.push(ind() + pick(d.examples) + ':' + pick(['', ' ex <p>']))
    desc(o)
    if (rnd(5)) { const w = 1 + rnd(2); o.push(ind() + '|' + ['p', 'q'].slice(0, w).join('|') + '|'); table(o, w, rnd(3)) }
  }
}
function background(o, d) { o.push(ind() + pick(d.background) + ':' + pick(['', ' bg'])); desc(o); steps(o, d) }
function validDocument() {
  const lang = pick(['en', 'fr', 'ja', 'ru', 'de', 'zh-CN', 'ar'])
  const d = D[lang]
  const o = []
  if (!rnd(3)) o.push('# leading comment')
  if (lang !== 'en' || !rnd(3)) o.push(ind() + '# language: ' + lang)
  tags(o)
  o.push(ind() + pick(d.feature) + ': ' + pick(['F', '', 'Feature <p>']))
  desc(o)
  if (rnd(2)) background(o, d)
  for (let s = rnd(3); s > 0; s--) scenario(o, d)
  for (let r = rnd(3); r > 0; r--) { tags(o); o.push(ind() + pick(d.rule) + ': r'); desc(o); if (rnd(2)) background(o, d); for (let s = rnd(3); s > 0; s--) scenario(o, d) }
  return o
}

// Mostly broken documents: lines in random order.
const LINES = ['Feature: f', '@a @b', '@x y', 'Rule: r', 'Background: b', 'Scenario: s <p>', 'Scenario Outline: o <p>', 'Examples: e', 'Given <p> x', 'And y', 'But z', '* w', 'When a', 'Then b', '| p | q |', '| 1 | 2 |', '| 3 |', '| a \\| b | c\\nd |', '"""', '"""json', '```', '```md', '\\"\\"\\"', '# c', '# language: fr', '# language: ja', '# language: qq', '', '  ', 'free text', 'Soit a', 'Fonctionnalité: x', 'Scénario: y', '前提 x', 'シナリオ: y', 'フィーチャ: z', '\t| x |', '😀 emoji', '@t #c']
const brokenDocument = () => Array.from({ length: 1 + rnd(25) }, () => ind() + pick(LINES))

const dir = mkdtempSync(join(tmpdir(), 'gherkin-diff-'))
let pass = 0
let fail = 0
for (let i = 0; i < Number(count); i++) {
  const lines = i % 2 ? brokenDocument() : validDocument()
  const text = lines.join(rnd(4) === 0 ? '\r\n' : '\n') + (rnd(2) ? '\n' : '')
  const uri = `d${i}.feature`
  writeFileSync(join(dir, uri), text)
  const expected = gherkin.generateMessages(text, uri, 'text/x.cucumber.gherkin+plain', {
    defaultDialect: 'en', includeSource: true, includeGherkinDocument: true, includePickles: true, newId: IdGenerator.incrementing(),
  }).map((e) => `${JSON.stringify(e)}\n`).join('')
  const actual = spawnSync('dotnet', [cli, 'messages', uri], { cwd: dir, encoding: 'utf8' }).stdout
  if (actual === expected) pass++
  else { fail++; writeFileSync(join(dir, `${uri}.expected.ndjson`), expected); console.log(`FAIL ${join(dir, uri)}`) }
}
console.log(`${pass} passed, ${fail} failed`)
process.exit(fail ? 1 : 0)
