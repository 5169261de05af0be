import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileAnalyser } from '../../src/engine/analyse.js';
import { fileCacheKey, projectKeys, ScanCache, type CachedFileResult } from '../../src/engine/cache.js';
import type { FileFacts } from '../../src/engine/severity-policy.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = realpathSync(mkdtempSync(join(tmpdir(), 'mcp-audit-cache-')));
  dirs.push(d);
  return d;
}

const SCOPE = { version: '0.1.0', rules: { 'no-hardcoded-secrets': 'high', 'require-tool-authorization': 'critical' }, maxFileSize: 1024 };
const TRACKED: FileFacts = { git: 'tracked' };

const result = (line: number): CachedFileResult => ({
  findings: [
    { ruleId: 'no-hardcoded-secrets', severity: 'high', file: 'src/a.ts', line, column: 7, message: 'Hardcoded token ghp_…(40 chars)', fingerprint: 'f1' },
  ],
  suppressed: [],
  heldBack: [],
  diagnostics: [{ file: 'src/a.ts', kind: 'parse-error', line: 2, column: 1, message: 'Unexpected token' }],
  parsed: true,
});

/** A tree of files as `readImport` sees it. */
const reader = (files: Record<string, string>) => (rel: string) => files[rel] ?? null;

describe('fileCacheKey', () => {
  const tool = `import { run } from './helpers.js';\nserver.tool('run', run);\n`;
  const tree = {
    'src/tools.ts': tool,
    'src/helpers.ts': `import { exec } from './lib';\nexport const run = (a) => exec(a);\n`,
    'src/lib/index.ts': `export { exec } from 'node:child_process';\n`,
    'src/other.ts': `export const unrelated = 1;\n`,
  };
  const key = (files: Record<string, string>, facts = TRACKED, project = '') =>
    fileCacheKey('src/tools.ts', files['src/tools.ts'], facts, reader(files), project);
  const base = key(tree);

  it('is stable for the same inputs and ignores files the file does not reach', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(key({ ...tree })).toBe(base);
    expect(key({ ...tree, 'src/other.ts': 'export const unrelated = 2;\n' })).toBe(base);
  });

  it('changes with the content, the git status and the project key', () => {
    expect(key({ ...tree, 'src/tools.ts': tool + '// edited\n' })).not.toBe(base);
    expect(key(tree, { git: 'untracked' })).not.toBe(base);
    expect(key(tree, TRACKED, 'serving-v2')).not.toBe(base);
  });

  it('changes when an imported helper changes (a `.js` specifier for a `.ts` source), and a helper of the helper', () => {
    expect(key({ ...tree, 'src/helpers.ts': tree['src/helpers.ts'] + '// edited\n' })).not.toBe(base);
    expect(key({ ...tree, 'src/lib/index.ts': `export { execFile as exec } from 'node:child_process';\n` })).not.toBe(base);
  });

  it('changes when an import that resolved to nothing appears, or resolves to another file', () => {
    const { 'src/lib/index.ts': _gone, ...withoutLib } = tree;
    const missing = key(withoutLib);
    expect(missing).not.toBe(base);
    expect(key({ ...withoutLib, 'src/lib.ts': tree['src/lib/index.ts'] })).not.toBe(missing);
  });

  it('survives import cycles', () => {
    const cyc = { 'src/tools.ts': `import './b.js';\n`, 'src/b.ts': `import './tools.js';\n` };
    expect(key(cyc)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not follow import-looking text in config files', () => {
    const files = { '.mcp.json': `{ "note": "import x from './x.js'" }`, 'x.js': 'one' };
    const k = (x: string) => fileCacheKey('.mcp.json', files['.mcp.json'], TRACKED, reader({ ...files, 'x.js': x }));
    expect(k('two')).toBe(k('one'));
  });
});

describe('projectKeys', () => {
  it('changes when a serving module of the package changes, not for other files', () => {
    const root = tmp();
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'package.json'), '{"name":"srv"}');
    writeFileSync(join(root, 'src/index.ts'), `const t = new StdioServerTransport();\n`);
    writeFileSync(join(root, 'src/tools.ts'), `server.tool('x', () => 1);\n`);
    const tools = join(root, 'src/tools.ts');
    const first = projectKeys()(tools);
    writeFileSync(tools, `server.tool('y', () => 2);\n`);
    expect(projectKeys()(tools)).toBe(first);
    writeFileSync(join(root, 'src/index.ts'), `const t = new StreamableHTTPServerTransport({});\n`);
    const second = projectKeys()(tools);
    expect(second).not.toBe(first);
    // texts the scan already holds are used instead of a second read
    const seen: string[] = [];
    const viaRead = projectKeys((abs) => (seen.push(abs), readFileSync(abs, 'utf8')))(tools);
    expect(viaRead).toBe(second);
    expect(seen.sort()).toEqual([join(root, 'src/index.ts'), tools]);
  });
});

describe('ScanCache', () => {
  const cacheFile = (dir: string) => join(dir, 'cache-v1.json');
  const saved = (dir: string, entries: Array<[string, string, CachedFileResult]>, scope: unknown = SCOPE) => {
    const c = ScanCache.load(dir, scope);
    for (const [rel, k, r] of entries) c.set(rel, k, r);
    c.save();
  };

  it('hits on the same key and scope (key order in the scope does not matter), misses on another key', () => {
    const dir = join(tmp(), 'nested/cache');
    saved(dir, [['src/a.ts', 'k1', result(3)]]);
    const reordered = { maxFileSize: 1024, rules: { 'require-tool-authorization': 'critical', 'no-hardcoded-secrets': 'high' }, version: '0.1.0' };
    expect(ScanCache.load(dir, reordered).get('src/a.ts', 'k1')).toEqual(result(3));
    expect(ScanCache.load(dir, SCOPE).get('src/a.ts', 'k2')).toBeUndefined();
    expect(ScanCache.load(dir, SCOPE).get('src/b.ts', 'k1')).toBeUndefined();
  });

  it('is empty for another scope: tool version, rule severity, enabled rules or size cap', () => {
    const dir = tmp();
    saved(dir, [['src/a.ts', 'k1', result(3)]]);
    for (const scope of [
      { ...SCOPE, version: '0.2.0' },
      { ...SCOPE, rules: { ...SCOPE.rules, 'no-hardcoded-secrets': 'critical' } },
      { ...SCOPE, rules: { 'no-hardcoded-secrets': 'high' } },
      { ...SCOPE, maxFileSize: 2048 },
    ]) {
      expect(ScanCache.load(dir, scope).get('src/a.ts', 'k1')).toBeUndefined();
    }
  });

  it('starts empty, without throwing, on a missing, corrupt or foreign file', () => {
    const dir = tmp();
    expect(ScanCache.load(join(dir, 'absent'), SCOPE).get('src/a.ts', 'k1')).toBeUndefined();
    const good = () => {
      saved(dir, [['src/a.ts', 'k1', result(3)]]);
      return JSON.parse(readFileSync(cacheFile(dir), 'utf8')) as Record<string, unknown>;
    };
    const valid = good();
    for (const content of [
      '{"tool":"mcp-audit","format":2,', // truncated
      '\u0000\u0001binary',
      '[1,2,3]',
      'null',
      JSON.stringify({ ...valid, tool: 'other-tool' }),
      JSON.stringify({ ...valid, format: 1 }),
      JSON.stringify({ ...valid, files: [] }),
    ]) {
      writeFileSync(cacheFile(dir), content);
      expect(ScanCache.load(dir, SCOPE).get('src/a.ts', 'k1'), content).toBeUndefined();
    }
    // the cache file is a directory
    rmSync(cacheFile(dir));
    mkdirSync(cacheFile(dir));
    expect(ScanCache.load(dir, SCOPE).get('src/a.ts', 'k1')).toBeUndefined();
  });

  it('drops malformed entries and keeps the others', () => {
    const dir = tmp();
    saved(dir, [['src/a.ts', 'k1', result(3)]]);
    const raw = JSON.parse(readFileSync(cacheFile(dir), 'utf8')) as { files: Record<string, unknown> };
    raw.files['src/b.ts'] = { k: 'k1', r: { findings: 'not a list', suppressed: [], diagnostics: [], parsed: true } };
    raw.files['src/c.ts'] = { k: 7, r: result(1) };
    raw.files['src/d.ts'] = { k: 'k1', r: { ...result(1), findings: [null] } };
    writeFileSync(cacheFile(dir), JSON.stringify(raw));
    const c = ScanCache.load(dir, SCOPE);
    expect(c.get('src/a.ts', 'k1')).toEqual(result(3));
    for (const rel of ['src/b.ts', 'src/c.ts', 'src/d.ts']) expect(c.get(rel, 'k1')).toBeUndefined();
  });

  it('saves compactly, by replacing the file (temp file + rename), with no temp file left behind', () => {
    const dir = tmp();
    saved(dir, [['src/a.ts', 'k1', result(3)]]);
    const before = statSync(cacheFile(dir)).ino;
    const text = readFileSync(cacheFile(dir), 'utf8');
    expect(text).not.toMatch(/\n|": /);
    saved(dir, [['src/a.ts', 'k2', result(4)]]);
    // a new inode: the old file was replaced whole, never rewritten in place where a reader could see half of it
    expect(statSync(cacheFile(dir)).ino).not.toBe(before);
    expect(readdirSync(dir)).toEqual(['cache-v1.json']);
    expect(ScanCache.load(dir, SCOPE).get('src/a.ts', 'k2')).toEqual(result(4));
  });

  it('never throws on save, and leaves no temp file, when it cannot write', () => {
    const dir = tmp();
    // the cache directory is a file
    writeFileSync(join(dir, 'blocker'), '');
    expect(() => saved(join(dir, 'blocker'), [['src/a.ts', 'k1', result(3)]])).not.toThrow();
    // the cache file is a non-empty directory, so the rename fails after the temp file was written
    mkdirSync(join(dir, 'c/cache-v1.json'), { recursive: true });
    writeFileSync(join(dir, 'c/cache-v1.json/x'), '');
    expect(() => saved(join(dir, 'c'), [['src/a.ts', 'k1', result(3)]])).not.toThrow();
    expect(readdirSync(join(dir, 'c'))).toEqual(['cache-v1.json']);
    // a read-only directory (meaningful when not running as root)
    mkdirSync(join(dir, 'ro'));
    chmodSync(join(dir, 'ro'), 0o500);
    expect(() => saved(join(dir, 'ro'), [['src/a.ts', 'k1', result(3)]])).not.toThrow();
    chmodSync(join(dir, 'ro'), 0o700);
  });

  it('drops entries of files not seen this run, and of files whose key changed without a new result', () => {
    const dir = tmp();
    saved(dir, [
      ['src/a.ts', 'k1', result(1)],
      ['src/b.ts', 'k1', result(2)],
      ['src/c.ts', 'k1', result(3)],
    ]);
    const c = ScanCache.load(dir, SCOPE);
    expect(c.get('src/a.ts', 'k1')).toEqual(result(1)); // hit: kept
    expect(c.get('src/c.ts', 'k2')).toBeUndefined(); // changed, not re-stored: dropped
    c.set('src/d.ts', 'k1', result(4)); // new
    c.save(); // src/b.ts not seen: dropped
    const again = ScanCache.load(dir, SCOPE);
    expect(again.get('src/a.ts', 'k1')).toEqual(result(1));
    expect(again.get('src/b.ts', 'k1')).toBeUndefined();
    expect(again.get('src/c.ts', 'k1')).toBeUndefined();
    expect(again.get('src/d.ts', 'k1')).toEqual(result(4));
    expect(Object.keys((JSON.parse(readFileSync(cacheFile(dir), 'utf8')) as { files: object }).files)).toEqual(['src/a.ts', 'src/d.ts']);
  });

  it('does not rewrite the file when every entry was reused', () => {
    const dir = tmp();
    saved(dir, [['src/a.ts', 'k1', result(1)]]);
    const before = statSync(cacheFile(dir)).ino;
    const c = ScanCache.load(dir, SCOPE);
    c.get('src/a.ts', 'k1');
    c.save();
    expect(statSync(cacheFile(dir)).ino).toBe(before);
  });

  it('holds no raw secret: what it stores is the masked result of analysing the file', () => {
    const root = tmp();
    const secret = 'ghp_R7vXq2LmN9pTz4KcW8bYs1HdF6gJ0aUeQ3oM';
    const text = `export const token = '${secret}';\n`;
    writeFileSync(join(root, 'config.ts'), text);
    const analyser = new FileAnalyser({ root, enabledRuleIds: ['no-hardcoded-secrets'], project: { rules: {}, ignore: [] }, maxFileSize: 1 << 20 });
    const facts: FileFacts = { git: 'untracked' };
    const job = analyser.triage({ abs: join(root, 'config.ts'), rel: 'config.ts', lang: 'js', facts });
    if ('result' in job) throw new Error('the prefilter skipped a file holding a token');
    const res = analyser.lint(job);
    expect(res.findings.map((f) => f.ruleId)).toEqual(['no-hardcoded-secrets']);
    const dir = join(root, '.cache');
    const c = ScanCache.load(dir, SCOPE);
    c.set('config.ts', fileCacheKey('config.ts', text, facts, () => null), res);
    c.save();
    const stored = readFileSync(cacheFile(dir), 'utf8');
    expect(stored).toContain('ghp_…');
    for (const piece of [secret, secret.slice(4), secret.slice(8, 28)]) expect(stored).not.toContain(piece);
  });
});

describe('scan with a cache: what a package.json finding depends on beyond its text', () => {
  it('re-analyses the manifest when its lockfile changes', async () => {
    const { scan } = await import('../../src/engine/scan.js');
    const { tmpCopy } = await import('../support/tmp-project.js');
    const root = tmpCopy('fixtures/vulnerable-mcp-package/locked-fixed');
    const vulnerable = async () =>
      (await scan({ root, configPath: false, cache: join(root, '.cache') })).findings.filter((f) => f.ruleId === 'vulnerable-mcp-package').map((f) => f.file);
    expect(await vulnerable()).toEqual([]);
    const lock = join(root, 'package-lock.json');
    writeFileSync(lock, readFileSync(lock, 'utf8').replace('1.26.1', '1.25.2'));
    expect(await vulnerable()).toEqual(['package.json']);
  });
});
