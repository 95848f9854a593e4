// Validates a Cucumber Messages NDJSON file against the JSON schema of @cucumber/messages 34.2.1
// (the package pinned here) and checks that every id a message refers to was defined by an earlier message.
// Usage: npm ci --prefix tools/html-formatter && node tools/html-formatter/validate-messages.mjs reports/cucumber-messages.ndjson
// Exit code 0 when valid; 1 with one line per problem otherwise.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const here = path.dirname(new URL(import.meta.url).pathname)
const messagesDir = path.join(here, 'node_modules', '@cucumber', 'messages')
const schema = JSON.parse(fs.readFileSync(path.join(messagesDir, 'messages.schema.json'), 'utf8'))
const { parseEnvelope, version } = await import(path.join(messagesDir, 'dist', 'index.js'))

const file = process.argv[2] ?? 'reports/cucumber-messages.ndjson'
const problems = []
const resources = { ...schema.$defs, [schema.$id]: schema }

// A small JSON-schema (2020-12 subset used by the messages schema) validator.
function resolve(ref, base) {
  const [file, pointer] = ref.split('#')
  const resource = file ? resources[new URL(file, base.$id).href] : base
  if (!resource) throw new Error(`unresolved $ref ${ref} from ${base.$id}`)
  let node = resource
  for (const part of (pointer ?? '').split('/').filter(Boolean)) node = node[part]
  if (!node) throw new Error(`unresolved $ref ${ref} from ${base.$id}`)
  return { node, base: resource }
}

function check(value, node, base, where) {
  if (node.$id) base = node
  if (node.$ref) {
    const target = resolve(node.$ref, base)
    check(value, target.node, target.base, where)
  }
  if (node.enum && !node.enum.includes(value)) problems.push(`${where}: ${JSON.stringify(value)} is not one of ${node.enum.join('|')}`)
  switch (node.type) {
    case 'object':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) { problems.push(`${where}: expected an object`); return }
      for (const key of node.required ?? []) if (!(key in value)) problems.push(`${where}: missing required "${key}"`)
      for (const [key, v] of Object.entries(value)) {
        if (node.properties?.[key]) check(v, node.properties[key], base, `${where}.${key}`)
        else if (node.additionalProperties === false) problems.push(`${where}: unknown property "${key}"`)
      }
      break
    case 'array':
      if (!Array.isArray(value)) { problems.push(`${where}: expected an array`); return }
      value.forEach((item, i) => node.items && check(item, node.items, base, `${where}[${i}]`))
      break
    case 'string':
      if (typeof value !== 'string') problems.push(`${where}: expected a string`)
      break
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${where}: expected a boolean`)
      break
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || (node.type === 'integer' && !Number.isInteger(value))) problems.push(`${where}: expected an ${node.type}`)
      else if ((node.minimum !== undefined && value < node.minimum) || (node.maximum !== undefined && value > node.maximum)) problems.push(`${where}: ${value} out of range`)
      break
  }
}

// Referential integrity: ids must be defined before use.
const ids = { pickle: new Set(), pickleStep: new Set(), stepDefinition: new Set(), hook: new Set(), testCase: new Set(), testStep: new Set(), testCaseStarted: new Set(), testRunStarted: new Set(), testRunHookStarted: new Set() }
function need(kind, id, where) { if (!ids[kind].has(id)) problems.push(`${where}: unknown ${kind} id ${JSON.stringify(id)}`) }
function references(envelope, where) {
  const [kind, m] = Object.entries(envelope)[0]
  switch (kind) {
    case 'pickle': ids.pickle.add(m.id); m.steps.forEach((s) => ids.pickleStep.add(s.id)); break
    case 'stepDefinition': ids.stepDefinition.add(m.id); break
    case 'hook': ids.hook.add(m.id); break
    case 'testRunStarted': if (m.id) ids.testRunStarted.add(m.id); break
    case 'testCase':
      need('pickle', m.pickleId, where); ids.testCase.add(m.id)
      for (const s of m.testSteps) {
        ids.testStep.add(s.id)
        if (s.hookId) need('hook', s.hookId, where)
        if (s.pickleStepId) need('pickleStep', s.pickleStepId, where)
        for (const d of s.stepDefinitionIds ?? []) need('stepDefinition', d, where)
        if (!s.hookId && !s.pickleStepId) problems.push(`${where}: test step ${s.id} has neither hookId nor pickleStepId`)
      }
      break
    case 'testCaseStarted': need('testCase', m.testCaseId, where); ids.testCaseStarted.add(m.id); break
    case 'testStepStarted': case 'testStepFinished': need('testCaseStarted', m.testCaseStartedId, where); need('testStep', m.testStepId, where); break
    case 'testCaseFinished': need('testCaseStarted', m.testCaseStartedId, where); break
    case 'attachment': if (m.testCaseStartedId) need('testCaseStarted', m.testCaseStartedId, where); if (m.testStepId) need('testStep', m.testStepId, where); break
    case 'testRunHookStarted': need('hook', m.hookId, where); need('testRunStarted', m.testRunStartedId, where); ids.testRunHookStarted.add(m.id); break
    case 'testRunHookFinished': need('testRunHookStarted', m.testRunHookStartedId, where); break
  }
  return kind
}

const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0)
const kinds = []
lines.forEach((line, i) => {
  const where = `${file}:${i + 1}`
  let envelope
  try { envelope = parseEnvelope(line) } catch (e) { problems.push(`${where}: not JSON: ${e.message}`); return }
  if (Object.keys(envelope).length !== 1) problems.push(`${where}: an envelope holds exactly one message`)
  check(envelope, schema, schema, where)
  kinds.push(references(envelope, where))
})
if (kinds[0] !== 'meta') problems.push(`${file}: the first message must be meta`)
if (kinds.at(-1) !== 'testRunFinished') problems.push(`${file}: the last message must be testRunFinished`)

if (problems.length > 0) {
  for (const p of problems.slice(0, 50)) console.error(p)
  console.error(`${problems.length} problem(s) in ${lines.length} messages (schema @cucumber/messages ${version})`)
  process.exit(1)
}
const counts = kinds.reduce((c, k) => ({ ...c, [k]: (c[k] ?? 0) + 1 }), {})
console.log(`${file}: ${lines.length} messages valid against @cucumber/messages ${version} ${JSON.stringify(counts)}`)
