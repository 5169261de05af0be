#!/usr/bin/env node
// `npm run eval`: score the built engine on the labeled projects in eval/ (see eval/README.md).
// Exits 1 when a rule or category is below its floor in eval/floors.json. `--record-floors` rewrites the floors
// from this run (review the diff: floors only go down with a reason).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan } from '../dist/src/index.js';
import { EVAL_DIR, evaluate, floorViolations, floorsFrom, formatTable, loadFloors } from './eval-lib.mjs';

const results = await evaluate(scan);
console.log(formatTable(results));
for (const p of results.details) {
  for (const f of p.fp) console.log(`FP ${p.name}/${f.file}:${f.line} ${f.ruleId}${f.nearMiss ? ` (labeled near miss: ${f.nearMiss})` : ''}`);
  for (const l of p.fn) console.log(`FN ${p.name}/${l.file}:${l.line} ${l.ruleId}`);
}
writeFileSync(join(EVAL_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

if (process.argv.includes('--record-floors')) {
  writeFileSync(join(EVAL_DIR, 'floors.json'), `${JSON.stringify(floorsFrom(results), null, 2)}\n`);
  console.log('floors recorded in eval/floors.json');
} else {
  const violations = floorViolations(results, loadFloors());
  for (const v of violations) console.error(`below floor: ${v}`);
  process.exitCode = violations.length ? 1 : 0;
}
