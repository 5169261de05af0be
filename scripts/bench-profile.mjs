// Where a one-thread scan spends its time: a CPU profile (node:inspector, in the measured process) whose samples
// are put in buckets by the innermost stack frame that names one. Used by bench-worker's `profile` task.
import { Session } from 'node:inspector';

/**
 * Buckets, first match wins, tried on each sample's frames from the innermost outwards. A frame is matched on
 * `url` (path fragment) or `fn` (function name, with `in` a path fragment of its file). Per-language parse rows
 * say which language's files they are: a new language adds its own `parse <lang>` bucket here.
 */
export const BUCKETS = [
  { name: 'garbage collection', fn: ['(garbage collector)'] },
  { name: 'parse js: oxc + JSON hand-over', url: ['/oxc-parser/'], fn: [{ name: 'parseBare', in: '/src/parser/' }, { name: 'shallowEnough', in: '/src/parser/' }] },
  { name: 'parse js: typescript-estree', url: ['/@typescript-eslint/typescript-estree/', '/typescript/lib/'] },
  { name: 'parse js: tree for ESLint', url: ['/src/parser/'] },
  { name: 'parse python', url: ['/src/python/parser', '/web-tree-sitter/'] },
  { name: 'parse config', url: ['/src/config-language/parse', '/yaml/', '/jsonc-parser/', '/toml-eslint-parser/'] },
  { name: 'scope analysis', url: ['/@typescript-eslint/scope-manager/', '/eslint-scope/'] },
  { name: 'rules + MCP model', url: ['/dist/rules/', '/src/rule-kit/', '/src/mcp-model/', '/src/config-language/', '/src/python/'] },
  { name: 'ESLint (traversal, bookkeeping)', url: ['/eslint/', '/@eslint/', '/esquery/', '/eslint-visitor-keys/'] },
  { name: 'read + prefilter', url: ['/src/engine/read', '/src/engine/prefilter'], fn: ['readFileUtf8', 'read', 'open', 'close', 'fstat'] },
  { name: 'find files', url: ['/globby/', '/fast-glob/', '/ignore/', '/src/engine/discover', '/picomatch/', '/micromatch/'], fn: ['readdir', 'lstat', 'stat', 'realpath'] },
  { name: 'engine', url: ['/src/engine/'] },
];

const matches = (frame, bucket) =>
  (bucket.url ?? []).some((u) => frame.url.includes(u)) ||
  (bucket.fn ?? []).some((f) => (typeof f === 'string' ? frame.functionName === f : frame.functionName === f.name && frame.url.includes(f.in)));

/** Runs `task` under the sampling profiler; returns its result and seconds per bucket ('other' for the rest). */
export async function profiled(task) {
  const session = new Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  const result = await task();
  const { profile } = await post('Profiler.stop');
  session.disconnect();
  return { result, buckets: bucketize(profile) };
}

function bucketize(profile) {
  const parent = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** Per profile node: its bucket (innermost matching frame on its stack), computed once. */
  const bucketOf = new Map();
  const resolveBucket = (id) => {
    if (bucketOf.has(id)) return bucketOf.get(id);
    const frame = byId.get(id).callFrame;
    const own = BUCKETS.find((b) => matches(frame, b))?.name;
    const up = parent.get(id);
    const name = own ?? (up === undefined ? (frame.functionName === '(idle)' ? null : 'other') : resolveBucket(up));
    bucketOf.set(id, name);
    return name;
  };
  const seconds = {};
  profile.samples.forEach((id, i) => {
    const name = resolveBucket(id);
    if (name) seconds[name] = (seconds[name] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1e6;
  });
  return seconds;
}
