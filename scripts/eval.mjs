#!/usr/bin/env node
// `npm run eval`: score the built engine on the labeled projects in eval/ (see eval/README.md), then on the labeled
// real repositories in ../shared/real-code (scripts/real-eval-lib.mjs), when they are there.
// Exits 1 when a rule or category is below its floor (eval/floors.json, eval/real/floors.json). `--record-floors`
// rewrites the floors from this run (review the diff: floors only go down with a reason).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyFile, scan } from '../dist/src/index.js';
import { EVAL_DIR, evaluate, floorViolations, floorsFrom, formatTable, loadFloors } from './eval-lib.mjs';
import {
  REAL_FLOORS_FILE,
  REAL_SETS,
  evaluateSet,
  formatSummary,
  loadRealFloors,
  realCodeAvailable,
  realFloorViolations,
  realFloorsFrom,
  summarize,
} from './real-eval-lib.mjs';

const record = process.argv.includes('--record-floors');
const violations = [];

const results = await evaluate(scan);
console.log(formatTable(results));
for (const p of results.details) {
  for (const f of p.fp) console.log(`FP ${p.name}/${f.file}:${f.line} ${f.ruleId}${f.nearMiss ? ` (labeled near miss: ${f.nearMiss})` : ''}`);
  for (const l of p.fn) console.log(`FN ${p.name}/${l.file}:${l.line} ${l.ruleId}`);
}
writeFileSync(join(EVAL_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
if (record) {
  writeFileSync(join(EVAL_DIR, 'floors.json'), `${JSON.stringify(floorsFrom(results), null, 2)}\n`);
  console.log('floors recorded in eval/floors.json');
} else violations.push(...floorViolations(results, loadFloors()));

if (realCodeAvailable()) {
  const classify = (rel, text) => classifyFile(rel, text).cls;
  const floors = {};
  for (const set of Object.keys(REAL_SETS)) {
    const result = await evaluateSet(set, scan, { classify });
    const summary = summarize(result);
    console.log(`\n${formatSummary(summary)}`);
    for (const f of result.findings.filter((x) => x.verdict !== 'TP')) {
      console.log(`${f.verdict === 'FP' ? 'FP' : 'UNTRIAGED'} ${f.repo}/${f.file}:${f.line} ${f.severity} ${f.ruleId}${f.label ? ` (${f.label.note.slice(0, 100)})` : ''}`);
    }
    for (const t of result.truths.filter((x) => !x.found)) console.log(`FN ${t.label.repo}/${t.label.path}:${t.label.line} ${t.label.category}`);
    floors[set] = realFloorsFrom(summary, result);
    if (!record) violations.push(...realFloorViolations(summary, result, loadRealFloors()));
  }
  if (record) {
    writeFileSync(REAL_FLOORS_FILE, `${JSON.stringify(floors, null, 2)}\n`);
    console.log('floors recorded in eval/real/floors.json');
  }
} else console.log('\n(../shared/real-code not found: the real-code sets are not scored)');

for (const v of violations) console.error(`below floor: ${v}`);
process.exitCode = violations.length ? 1 : 0;
