// Scoring of the labeled evaluation set (eval/): used by `npm run eval` (scripts/eval.mjs, built engine) and by
// test/eval/eval.test.ts (sources, in-process), so CI and the script can never score differently.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EVAL_DIR = fileURLToPath(new URL('../eval/', import.meta.url));
export const PROJECTS_DIR = join(EVAL_DIR, 'projects');

/** Which category each rule is scored in. A rule missing here fails the eval test. */
export const RULE_CATEGORIES = {
  'no-hardcoded-secrets': 'secrets',
  'no-secret-logging': 'secrets',
  'no-secret-in-tool-result': 'secrets',
  'no-secrets-in-mcp-config': 'config',
  'insecure-mcp-server-url': 'config',
  'no-tls-opt-out-in-mcp-config': 'config',
  'unpinned-mcp-server-package': 'config',
  'vulnerable-mcp-package': 'config',
  'no-mcp-auto-approve': 'config',
  'no-dangerous-mcp-server-launch': 'config',
  'no-unverified-identity': 'identity',
  'no-jwt-decode-without-verify': 'identity',
  'jwt-verify-options': 'identity',
  'no-presence-only-auth': 'identity',
  'no-timing-unsafe-secret-compare': 'identity',
  'no-token-passthrough': 'identity',
  'require-tool-authorization': 'authorization',
  'no-shared-server-instance': 'authorization',
  'no-unauthenticated-public-bind': 'transport',
  'require-dns-rebinding-protection': 'transport',
  'no-permissive-cors': 'transport',
  'secure-session-id': 'transport',
  'no-tls-verification-disabled': 'transport',
  'no-broad-oauth-scopes': 'scopes',
  'no-broad-oauth-scopes-in-mcp-config': 'scopes',
  'require-audit-trail': 'posture',
  'no-shared-static-token': 'posture',
};
export const CATEGORIES = ['secrets', 'config', 'identity', 'authorization', 'transport', 'scopes', 'posture'];

/**
 * `info` findings are advisory (e.g. an unchecked tool on a stdio server: process trust) and not scored: the eval
 * measures what a user is asked to act on.
 */
export const SCORED_SEVERITIES = new Set(['critical', 'high', 'medium', 'low']);

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist']);
const key = (f) => `${f.ruleId}|${f.file}|${f.line}`;

export function loadLabels(file = join(EVAL_DIR, 'labels.json')) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

export function loadFloors(file = join(EVAL_DIR, 'floors.json')) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Files of a project, relative with `/`, and their non-blank line count (the "lines of code" of FP/10k). */
export function projectFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      if (SKIP_DIRS.has(name)) continue;
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out.push(relative(dir, abs).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export function linesOfCode(text) {
  return text.split('\n').filter((l) => l.trim() !== '').length;
}

/** Problems with the labels themselves: unknown rules, missing files, `at` text not on the labeled line. */
export function checkLabels(labels, ruleIds) {
  const problems = [];
  for (const [name, p] of Object.entries(labels.projects)) {
    const dir = join(PROJECTS_DIR, name);
    for (const [kind, list] of [['expected', p.expected], ['nearMisses', p.nearMisses]]) {
      for (const l of list) {
        const where = `${name}: ${kind} ${l.ruleId} ${l.file}:${l.line}`;
        if (!ruleIds.includes(l.ruleId)) problems.push(`${where}: unknown rule`);
        let text;
        try {
          text = readFileSync(join(dir, l.file), 'utf8');
        } catch {
          problems.push(`${where}: no such file`);
          continue;
        }
        const line = text.split('\n')[l.line - 1];
        if (line === undefined || !line.includes(l.at)) problems.push(`${where}: line does not contain ${JSON.stringify(l.at)}`);
        if (kind === 'nearMisses' && !l.why) problems.push(`${where}: near miss without a why`);
      }
    }
  }
  return problems;
}

function ratio(num, den) {
  return den === 0 ? null : num / den;
}

function tally(rows, loc) {
  const tp = rows.reduce((s, r) => s + r.tp, 0);
  const fp = rows.reduce((s, r) => s + r.fp, 0);
  const fn = rows.reduce((s, r) => s + r.fn, 0);
  return { tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), fpPer10kLoc: loc ? (fp / loc) * 10_000 : 0 };
}

/**
 * Scan every labeled project with `scan` (the engine's programmatic API) and score it. A finding matches a label
 * on ruleId + file + line; several findings of one rule on one line count once.
 */
export async function evaluate(scan, labels = loadLabels()) {
  const ruleIds = Object.keys(RULE_CATEGORIES);
  const perRule = Object.fromEntries(ruleIds.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  // Python findings and labels on their own too, so a Python regression cannot hide behind the JS numbers.
  const python = { tp: 0, fp: 0, fn: 0 };
  const isPython = (file) => /\.pyi?$/.test(file);
  const projects = [];
  let loc = 0;
  for (const [name, p] of Object.entries(labels.projects)) {
    const dir = join(PROJECTS_DIR, name);
    const projectLoc = projectFiles(dir).reduce((s, f) => s + linesOfCode(readFileSync(join(dir, f), 'utf8')), 0);
    loc += projectLoc;
    const report = await scan({ root: dir, configPath: false });
    const found = new Map();
    for (const f of report.findings) if (SCORED_SEVERITIES.has(f.severity)) found.set(key(f), f);
    const expected = new Map(p.expected.map((l) => [key(l), l]));
    const nearMiss = new Map(p.nearMisses.map((l) => [key(l), l]));
    const result = { name, blind: p.blind, loc: projectLoc, tp: [], fp: [], fn: [] };
    for (const [k, f] of found) {
      perRule[f.ruleId] ??= { tp: 0, fp: 0, fn: 0 };
      const finding = { ruleId: f.ruleId, file: f.file, line: f.line, message: f.message };
      if (expected.has(k)) {
        perRule[f.ruleId].tp++;
        if (isPython(f.file)) python.tp++;
        result.tp.push(finding);
      } else {
        perRule[f.ruleId].fp++;
        if (isPython(f.file)) python.fp++;
        result.fp.push({ ...finding, nearMiss: nearMiss.get(k)?.why });
      }
    }
    for (const [k, l] of expected) {
      if (found.has(k)) continue;
      perRule[l.ruleId].fn++;
      if (isPython(l.file)) python.fn++;
      result.fn.push(l);
    }
    projects.push(result);
  }
  const rules = Object.fromEntries(Object.entries(perRule).map(([id, r]) => [id, { category: RULE_CATEGORIES[id] ?? 'uncategorized', ...tally([r], loc) }]));
  const categories = Object.fromEntries(
    CATEGORIES.map((c) => [c, tally(Object.entries(perRule).filter(([id]) => RULE_CATEGORIES[id] === c).map(([, r]) => r), loc)]),
  );
  return { loc, projects: projects.length, total: tally(Object.values(perRule), loc), rules, categories, languages: { python: tally([python], loc) }, details: projects };
}

/** Rules and categories under their recorded floor (precision or recall), or with no floor recorded. */
export function floorViolations(results, floors) {
  const out = [];
  for (const [scope, measured] of [['rules', results.rules], ['categories', results.categories], ['languages', results.languages]]) {
    for (const [id, m] of Object.entries(measured)) {
      const floor = floors[scope]?.[id];
      if (!floor) {
        out.push(`${scope}/${id}: no floor recorded`);
        continue;
      }
      for (const metric of ['precision', 'recall']) {
        if (floor[metric] === null) continue;
        if (m[metric] === null || m[metric] < floor[metric]) {
          out.push(`${scope}/${id}: ${metric} ${m[metric] === null ? 'undefined' : m[metric].toFixed(2)} is below its floor ${floor[metric].toFixed(2)}`);
        }
      }
    }
  }
  return out;
}

/** Today's values rounded down a little (to the 0.05 below, so a perfect score records 0.95). */
export function floorsFrom(results) {
  const down = (v) => (v === null ? null : Math.max(0, Math.floor((v - 0.001) * 20) / 20));
  const pick = (m) => ({ precision: down(m.precision), recall: down(m.recall) });
  return {
    rules: Object.fromEntries(Object.entries(results.rules).map(([id, m]) => [id, pick(m)])),
    categories: Object.fromEntries(Object.entries(results.categories).map(([id, m]) => [id, pick(m)])),
    languages: Object.fromEntries(Object.entries(results.languages).map(([id, m]) => [id, pick(m)])),
  };
}

const fmt = (v) => (v === null ? '  -  ' : v.toFixed(2).padStart(5));

export function formatTable(results) {
  const head = `${'rule / category'.padEnd(40)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)}  prec.  recall  FP/10k`;
  const row = (name, m) =>
    `${name.padEnd(40)} ${String(m.tp).padStart(4)} ${String(m.fp).padStart(4)} ${String(m.fn).padStart(4)}  ${fmt(m.precision)}  ${fmt(m.recall)}  ${m.fpPer10kLoc.toFixed(1).padStart(6)}`;
  const lines = [head, '-'.repeat(head.length)];
  for (const c of CATEGORIES) {
    for (const [id, m] of Object.entries(results.rules)) if (m.category === c) lines.push(row(`  ${id}`, m));
    lines.push(row(`[${c}]`, results.categories[c]));
  }
  lines.push('-'.repeat(head.length), row('total', results.total), row('  of which Python', results.languages.python));
  lines.push(`${results.projects} projects, ${results.loc} lines of code`);
  return lines.join('\n');
}
