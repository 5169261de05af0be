// Scoring on real code: the labeled public MCP repositories in ../shared/real-code/ (see its README). The archives
// are unpacked at run time into the OS temp dir, never copied into the project. Used by `npm run eval`
// (scripts/eval.mjs) and test/eval/real-code.test.ts, so CI and the script score the same way.
//
// A finding matches a label when it is in the same file, within 3 lines, from a rule that fits the label's category.
// Labels are a reviewer's judgement: eval/real/overrides.tsv holds our own triage of every finding no label covers,
// and any disagreement with a label (a row at a label's path, line and category replaces it), each with its reason.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REAL_CODE_DIR = process.env.MCP_AUDIT_REAL_CODE ?? resolve(HERE, '../../shared/real-code');
export const OVERRIDES_FILE = resolve(HERE, '../eval/real/overrides.tsv');
export const REAL_FLOORS_FILE = resolve(HERE, '../eval/real/floors.json');

/** The two sets: archive, labels, and the folder the archive unpacks to. */
export const REAL_SETS = {
  labeled: { archive: 'labeled-repos.tar.gz', labels: 'labeled-repos.tsv', folder: 'real-corpus' },
  production: { archive: 'production-servers.tar.gz', labels: 'production-servers.tsv', folder: 'production-servers' },
};

/** Which rules fit which label category (the README's categories). */
export const CATEGORY_RULES = {
  a_hardcoded_secret: ['no-hardcoded-secrets'],
  b_config_secret: ['no-secrets-in-mcp-config', 'no-hardcoded-secrets'],
  c_unvalidated_identity: [
    'no-unverified-identity',
    'no-jwt-decode-without-verify',
    'jwt-verify-options',
    'no-presence-only-auth',
    'no-identity-from-tool-arguments',
    'no-unsigned-oauth-state',
  ],
  d_unauth_risky_tool: ['require-tool-authorization'],
  e_broad_oauth_scope: ['no-broad-oauth-scopes', 'no-broad-oauth-scopes-in-mcp-config'],
  bind_all_interfaces_noauth: ['no-unauthenticated-public-bind'],
  cors_wildcard: ['no-permissive-cors'],
  no_dns_rebinding_protection: ['require-dns-rebinding-protection'],
  token_passthrough: ['no-token-passthrough'],
  token_logged: ['no-secret-logging'],
  other_token_exposure: ['no-secret-in-tool-result'],
  predictable_session_id: ['secure-session-id'],
  timing_unsafe_compare: ['no-timing-unsafe-secret-compare'],
  vulnerable_dependency: ['vulnerable-mcp-package', 'unpinned-mcp-server-package'],
  config_risk: ['no-dangerous-mcp-server-launch', 'no-mcp-auto-approve', 'insecure-mcp-server-url', 'unpinned-mcp-server-package'],
  tls_off: ['no-tls-verification-disabled', 'no-tls-opt-out-in-mcp-config'],
  shared_server_instance: ['no-shared-server-instance'],
  audit_trail: ['require-audit-trail'],
  credential_posture: ['no-shared-static-token'],
};

/** The categories the issues name as the mission's, for recall reporting. */
export const MISSION_CATEGORIES = [
  'a_hardcoded_secret',
  'b_config_secret',
  'c_unvalidated_identity',
  'd_unauth_risky_tool',
  'e_broad_oauth_scope',
  'bind_all_interfaces_noauth',
  'cors_wildcard',
  'no_dns_rebinding_protection',
];

export const SCORED = new Set(['critical', 'high', 'medium', 'low']);
const WINDOW = 3;
const PY = new Set(['.py', '.pyi']);
const SOURCE_EXT = new Set(['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts', '.py', '.pyi']);

export function realCodeAvailable() {
  return Object.values(REAL_SETS).every((s) => existsSync(join(REAL_CODE_DIR, s.archive)) && existsSync(join(REAL_CODE_DIR, s.labels)));
}

/** Unpack a set's archive into the OS temp dir once (keyed by the archive's hash); returns the folder of its repos. */
export function unpackSet(set) {
  const { archive, folder } = REAL_SETS[set];
  const file = join(REAL_CODE_DIR, archive);
  const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
  const base = join(tmpdir(), 'mcp-audit-real-code', `${set}-${hash}`);
  const done = join(base, '.unpacked');
  if (!existsSync(done)) {
    const tmp = `${base}.${process.pid}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    execFileSync('tar', ['-xzf', file, '-C', tmp], { stdio: 'ignore' });
    writeFileSync(join(tmp, '.unpacked'), '');
    try {
      rmSync(base, { recursive: true, force: true });
      renameSync(tmp, base);
    } catch {
      // Another process unpacked it at the same time: use theirs.
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  return join(base, folder);
}

/** Rows of a labels TSV (header: repo, commit, path, line, category, kind, note[, rule]). */
export function parseTsv(text) {
  const [head, ...rows] = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const cols = head.split('\t');
  return rows.map((r) => {
    const cells = r.split('\t');
    const o = Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
    o.line = Number(o.line);
    return o;
  });
}

export function loadLabels(set) {
  return parseTsv(readFileSync(join(REAL_CODE_DIR, REAL_SETS[set].labels), 'utf8')).map((l) => ({ ...l, set, source: 'label' }));
}

/** Every `eval/real/overrides*.tsv` (ours, and a helper's for the rules it added). */
export function loadOverrides(dir = dirname(OVERRIDES_FILE)) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => /^overrides.*\.tsv$/.test(n))
    .sort()
    .flatMap((n) => parseTsv(readFileSync(join(dir, n), 'utf8')).map((l) => ({ ...l, source: 'overlay' })));
}

/**
 * Labels of a set with the overlay applied: an overlay row at a label's repo, path, line and category replaces that
 * label (a disagreement, with its reason); the others add triage of findings no label covers.
 */
export function effectiveLabels(set, overrides = loadOverrides()) {
  const key = (l) => `${l.repo}|${l.path}|${l.line}|${l.category}`;
  const mine = overrides.filter((o) => o.set === set);
  // `replaces`: the line of the label a row stands for, when it moves it (a location convention: the same finding
  // reported on the transport rather than on the app a few lines above).
  const replacedKey = (o) => key({ ...o, line: o.replaces ? Number(o.replaces) : o.line });
  const replaced = new Set(mine.map(replacedKey));
  const labels = loadLabels(set);
  const labelKeys = new Set(labels.map(key));
  // An overlay row that replaces a label stands for it in recall; one that triages a finding no label covers does not
  // (it is found by construction).
  return [...labels.filter((l) => !replaced.has(key(l))), ...mine.map((o) => ({ ...o, replacesLabel: labelKeys.has(replacedKey(o)) }))];
}

export const isPython = (path) => PY.has(extname(path));

function fits(rule, category) {
  return (CATEGORY_RULES[category] ?? []).includes(rule);
}

/** Does the overlay row or label cover this finding? Same file, within 3 lines, a rule that fits; an overlay row that
 * names a rule covers only that rule's findings. */
function covers(label, finding) {
  if (label.path !== finding.file || Math.abs(label.line - finding.line) > WINDOW || !fits(finding.ruleId, label.category)) return false;
  return !label.rule || label.rule === finding.ruleId;
}

function nonBlankLines(text) {
  let n = 0;
  for (const line of text.split('\n')) if (line.trim() !== '') n++;
  return n;
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === '.git') continue;
    const abs = join(dir, name);
    const st = statSync(abs, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) walk(abs, out);
    else if (st.isFile()) out.push(abs);
  }
  return out;
}

/**
 * Scan every repository of a set with `scan` (the engine's programmatic API) and score it.
 * `classify(relPath, text)` is the engine's file classifier (so "non-test lines" means what the product means).
 */
export async function evaluateSet(set, scan, { classify, overrides = loadOverrides(), repos: only } = {}) {
  const dir = unpackSet(set);
  const labels = effectiveLabels(set, overrides);
  const byRepo = new Map();
  for (const l of labels) byRepo.set(l.repo, [...(byRepo.get(l.repo) ?? []), l]);
  const repoDirs = readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory());
  const findings = [];
  let nonTestLoc = 0;
  let loc = 0;
  const heldBack = { total: 0, byReason: {} };
  for (const folder of repoDirs.sort()) {
    const repo = folder.replace('__', '/');
    if (only && !only.includes(repo)) continue;
    const root = join(dir, folder);
    for (const abs of walk(root)) {
      const rel = relative(root, abs).split(sep).join('/');
      if (!SOURCE_EXT.has(extname(rel))) continue;
      const text = readFileSync(abs, 'utf8');
      const n = nonBlankLines(text);
      loc += n;
      if (!classify || classify(rel, text) !== 'test') nonTestLoc += n;
    }
    const report = await scan({ root, configPath: false });
    for (const h of report.heldBack ?? []) {
      heldBack.total++;
      heldBack.byReason[h.heldBack] = (heldBack.byReason[h.heldBack] ?? 0) + 1;
    }
    const repoLabels = byRepo.get(repo) ?? [];
    const seen = new Set();
    for (const f of report.findings) {
      if (!SCORED.has(f.severity)) continue;
      // Several findings of one rule on one line count once.
      const k = `${f.ruleId}|${f.file}|${f.line}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const hits = repoLabels.filter((l) => covers(l, f));
      const tp = hits.find((l) => l.kind === 'TP');
      const nm = hits.find((l) => l.kind === 'NEAR_MISS');
      // A finding on both a true label and a near miss is scored by the true one: the reviewer wants it reported.
      const verdict = tp ? 'TP' : nm ? 'FP' : 'untriaged';
      const onLabel = (tp ?? nm)?.source === 'label';
      findings.push({ set, repo, ruleId: f.ruleId, file: f.file, line: f.line, severity: f.severity, message: f.message, verdict, onLabel, label: tp ?? nm });
    }
  }
  // Recall: true labels (after the overlay's disagreements) matched by a scored finding.
  const truths = labels.filter((l) => l.kind === 'TP' && (l.source === 'label' || l.replacesLabel) && (!only || only.includes(l.repo)));
  const found = truths.map((l) => ({
    label: l,
    found: findings.some((f) => f.repo === l.repo && f.file === l.path && Math.abs(f.line - l.line) <= WINDOW && fits(f.ruleId, l.category)),
  }));
  return { set, findings, truths: found, loc, nonTestLoc, heldBack };
}

function ratio(num, den) {
  return den === 0 ? null : num / den;
}

/** Per rule and per category: TP, FP, untriaged, precision (over triaged findings), recall (TS/JS and Python apart). */
export function summarize(result) {
  const perRule = {};
  for (const f of result.findings) {
    const r = (perRule[f.ruleId] ??= { tp: 0, fp: 0, untriaged: 0, tpLabel: 0, fpLabel: 0 });
    if (f.verdict === 'TP') r.tp++;
    else if (f.verdict === 'FP') r.fp++;
    else r.untriaged++;
    if (f.onLabel && f.verdict === 'TP') r.tpLabel++;
    if (f.onLabel && f.verdict === 'FP') r.fpLabel++;
  }
  for (const r of Object.values(perRule)) r.precision = ratio(r.tp, r.tp + r.fp + r.untriaged);
  const perCategory = {};
  for (const { label, found } of result.truths) {
    const lang = isPython(label.path) ? 'py' : 'js';
    const c = (perCategory[label.category] ??= { js: { found: 0, total: 0 }, py: { found: 0, total: 0 } });
    c[lang].total++;
    if (found) c[lang].found++;
  }
  for (const c of Object.values(perCategory)) for (const l of ['js', 'py']) c[l].recall = ratio(c[l].found, c[l].total);
  const all = Object.values(perRule);
  const sum = (k) => all.reduce((s, r) => s + r[k], 0);
  const tp = sum('tp');
  const fp = sum('fp');
  const untriaged = sum('untriaged');
  const recallOf = (lang) => {
    const t = result.truths.filter((x) => (lang === 'py') === isPython(x.label.path));
    return { found: t.filter((x) => x.found).length, total: t.length, recall: ratio(t.filter((x) => x.found).length, t.length) };
  };
  return {
    set: result.set,
    tp,
    fp,
    untriaged,
    precision: ratio(tp, tp + fp + untriaged),
    labeledPrecision: ratio(sum('tpLabel'), sum('tpLabel') + sum('fpLabel')),
    fpPer10kNonTestLoc: result.nonTestLoc ? ((fp + untriaged) / result.nonTestLoc) * 10_000 : 0,
    loc: result.loc,
    nonTestLoc: result.nonTestLoc,
    heldBack: result.heldBack,
    recall: { js: recallOf('js'), py: recallOf('py') },
    perRule,
    perCategory,
  };
}

const fmt = (v) => (v === null || v === undefined ? '  -  ' : v.toFixed(2).padStart(5));

export function formatSummary(s) {
  const lines = [`== real code: ${s.set} ==`];
  lines.push(`${'rule'.padEnd(36)}   TP   FP  unt  prec.`);
  for (const [id, r] of Object.entries(s.perRule).sort()) {
    lines.push(`${id.padEnd(36)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.untriaged).padStart(4)}  ${fmt(r.precision)}`);
  }
  lines.push(`${'category (true labels found)'.padEnd(36)}  TS/JS       Python`);
  for (const [c, r] of Object.entries(s.perCategory).sort()) {
    const cell = (x) => (x.total ? `${x.found}/${x.total} ${fmt(x.recall)}` : '   -      ').padEnd(12);
    lines.push(`${c.padEnd(36)}  ${cell(r.js)}${cell(r.py)}`);
  }
  lines.push(
    `total: ${s.tp} TP, ${s.fp} FP, ${s.untriaged} untriaged; precision ${fmt(s.precision)} (on labels only ${fmt(s.labeledPrecision)}); ` +
      `recall TS/JS ${s.recall.js.found}/${s.recall.js.total}, Python ${s.recall.py.found}/${s.recall.py.total}; ` +
      `false findings per 10k non-test lines ${s.fpPer10kNonTestLoc.toFixed(2)} (${s.nonTestLoc} of ${s.loc} lines); held back ${s.heldBack.total}`,
  );
  return lines.join('\n');
}

export function loadRealFloors(file = REAL_FLOORS_FILE) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/**
 * What the floors hold, per set: precision (over every scored finding, untriaged ones counting as false), recall per
 * language, false findings per 10k non-test lines (a ceiling), untriaged findings (a ceiling, normally 0), and
 * true labels found today that must stay found.
 */
export function realFloorViolations(summary, result, floors) {
  const f = floors?.[summary.set];
  if (!f) return [`${summary.set}: no floor recorded`];
  const out = [];
  const below = (name, v, floor) => {
    if (floor === null || floor === undefined) return;
    if (v === null || v < floor) out.push(`${summary.set}: ${name} ${v === null ? '-' : v.toFixed(3)} is below its floor ${floor}`);
  };
  below('precision', summary.precision, f.precision);
  below('labeled precision', summary.labeledPrecision, f.labeledPrecision);
  below('TS/JS recall', summary.recall.js.recall, f.recallJs);
  below('Python recall', summary.recall.py.recall, f.recallPy);
  if (f.maxFpPer10k !== undefined && summary.fpPer10kNonTestLoc > f.maxFpPer10k) {
    out.push(`${summary.set}: ${summary.fpPer10kNonTestLoc.toFixed(2)} false findings per 10k non-test lines, above the ceiling ${f.maxFpPer10k}`);
  }
  if (summary.untriaged > (f.maxUntriaged ?? 0)) {
    for (const x of result.findings.filter((y) => y.verdict === 'untriaged')) {
      out.push(`${summary.set}: untriaged ${x.severity} ${x.ruleId} ${x.repo}/${x.file}:${x.line} (add it to eval/real/overrides.tsv)`);
    }
  }
  for (const k of f.mustFind ?? []) {
    const hit = result.truths.find((t) => `${t.label.repo}/${t.label.path}:${t.label.line}` === k);
    if (!hit) out.push(`${summary.set}: must-find label ${k} no longer exists`);
    else if (!hit.found) out.push(`${summary.set}: true label ${k} is no longer found`);
  }
  return out;
}

/**
 * Floors from a run (`--record-floors`): precision and recall rounded down to the 0.01 below, the false findings per
 * 10k non-test lines rounded up, no untriaged finding, and every true label found today kept found.
 */
export function realFloorsFrom(summary, result) {
  const down = (v) => (v === null ? null : Math.floor(v * 100 - 1e-9) / 100);
  return {
    precision: down(summary.precision),
    labeledPrecision: down(summary.labeledPrecision),
    recallJs: down(summary.recall.js.recall),
    recallPy: down(summary.recall.py.recall),
    maxFpPer10k: Math.ceil(summary.fpPer10kNonTestLoc * 100) / 100,
    maxUntriaged: 0,
    mustFind: result.truths.filter((t) => t.found).map((t) => `${t.label.repo}/${t.label.path}:${t.label.line}`).sort(),
  };
}
