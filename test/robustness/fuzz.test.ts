import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { File } from '@eslint/core';
import { mcpConfigLanguage } from '../../src/config-language/language.js';
import { linesOf, scratchRoot } from './support.js';

// Property-based robustness (issue 8): whatever bytes a file holds, scan() returns a report — never a throw — and
// every failure is a diagnostic with a kind and a one-line message. Run counts keep the file near 20 s on 2 cores.

/** Realistic-shaped source to cut and mutate (our own code, fake values). */
const JS_SEEDS = [
  `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const server = new McpServer({ name: 'files', version: '1.0.0' });
const apiToken = 'ghp_Vq3LxT9pRk2Wm8Zc5Nb1Hy7Fd4Gs6Ja0Ue2o';

server.registerTool('read_file', { inputSchema: { path: z.string() } }, async ({ path }, extra) => {
  const res = await fetch(\`https://api.example.com/files/\${encodeURIComponent(path)}\`, {
    headers: { Authorization: 'Bearer s3cr3tVal9Qx7Lm2Rt5Kp8Wz' },
  });
  if (!res.ok) throw new Error(\`upstream \${res.status}\`);
  return { content: [{ type: 'text', text: await res.text() }] };
});
`,
  `const express = require('express');
const app = express();
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  next();
});
app.post('/mcp', async (req, res) => {
  const user = req.headers['x-user-id'];
  const session = transports[req.headers['mcp-session-id']] ?? createSession(user);
  await session.handleRequest(req, res, req.body);
});
app.listen(3000, '0.0.0.0', () => console.log('listening'));
`,
  `export class TokenStore<T extends { id: string }> {
  #items = new Map<string, T>();
  private password = "hunter2-Xy9!";
  constructor(private readonly ttl = 60_000) {}
  get(id: string): T | undefined { return this.#items.get(id); }
  set(item: T): void {
    this.#items.set(item.id, { ...item, expires: Date.now() + this.ttl } as T);
  }
}
export const clientSecret = \`9f8Kq2LmZx7Vb4Nc1Rt6Yh3W\`;
export default function handler({ items = [] as string[] } = {}) {
  return items.map((x, i) => (i % 2 ? x?.trim() : x ?? '')).filter(Boolean);
}
`,
  `import jwt from 'jsonwebtoken';
const decoded = jwt.decode(req.headers.authorization?.slice(7) ?? '', { complete: true });
const ok = token === process.env.ADMIN_TOKEN;
const tsx = <Panel title="x" onClick={() => setOpen(!open)}>{items.map((i) => <b key={i}>{i}</b>)}</Panel>;
/* eslint-disable-next-line mcp-audit/no-hardcoded-secrets -- test data */
const key = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
`,
];

const JSON_SEEDS = [
  `{
  // Claude Code project servers
  "mcpServers": {
    "files": { "command": "npx", "args": ["-y", "@acme/mcp-files@latest"], "env": { "GITHUB_TOKEN": "ghp_Vq3LxT9pRk2Wm8Zc5Nb1Hy7Fd4Gs6Ja0Ue2o" } },
    "remote": { "type": "http", "url": "http://mcp.example.com/mcp", "headers": { "Authorization": "Bearer \${API_TOKEN}" } },
  }
}
`,
  `{ "servers": { "db": { "command": "uvx", "args": ["mcp-db", "--dsn", "postgres://app:Zx9Lm2Qw7Rt5@db:5432/app"] } }, "inputs": [] }`,
];

const YAML_SEEDS = [
  `name: files
version: 0.0.1
schema: v1
mcpServers:
  - name: files
    command: npx
    args:
      - -y
      - "@acme/mcp-files"
    env:
      API_KEY: sk-proj-Xq7Lm2Rt5Kp8Wz3Vb6Nc9Hy1Fd4Gs0Ja
`,
];

const TOML_SEEDS = [
  `model = "o3"

[mcp_servers.files]
command = "npx"
args = ["-y", "@acme/mcp-files"]
env = { GITHUB_TOKEN = "ghp_Vq3LxT9pRk2Wm8Zc5Nb1Hy7Fd4Gs6Ja0Ue2o" }

[mcp_servers.remote]
url = "https://mcp.example.com/mcp"
bearer_token_env_var = "REMOTE_TOKEN"
`,
];

/** Characters that break structure: brackets, quotes, comment starters, separators, line breaks, odd code points. */
const BREAKERS = ['{', '}', '[', ']', '(', ')', '"', "'", '`', '${', '/*', '//', '<', '>', ',', ':', ';', '=', '\\', '\n', '\r', '\t', '\u2028', '\uFEFF', '\uD800', '#', '- ', '  '];

type Mutation = { kind: 'cut' | 'delete' | 'insert' | 'duplicate'; at: number; len: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('cut', 'delete', 'insert', 'duplicate'),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 40 }),
  text: fc.oneof(fc.constantFrom(...BREAKERS), fc.string({ maxLength: 6, unit: 'binary' })),
});

function mutate(seed: string, ops: Mutation[]): string {
  let s = seed;
  for (const op of ops) {
    const at = s.length === 0 ? 0 : op.at % (s.length + 1);
    if (op.kind === 'cut') s = s.slice(0, at);
    else if (op.kind === 'delete') s = s.slice(0, at) + s.slice(at + op.len);
    else if (op.kind === 'insert') s = s.slice(0, at) + op.text + s.slice(at);
    else s = s.slice(0, at) + s.slice(at, at + op.len) + s.slice(at);
  }
  return s;
}

const lineEnding = fc.constantFrom('\n', '\r\n', '\r');
const withEndings = (text: string, eol: string, bom: boolean) => (bom ? '\uFEFF' : '') + text.replace(/\n/g, eol);
const mutatedFrom = (seeds: string[]) =>
  fc
    .tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 4 }), lineEnding, fc.boolean())
    .map(([seed, ops, eol, bom]) => withEndings(mutate(seed, ops), eol, bom));

const JS_NAMES = ['src/server.ts', 'src/tool.tsx', 'lib/index.js', 'lib/esm.mjs', 'lib/cjs.cjs', 'src/view.jsx', 'src/types.mts'];
const CONFIG_NAMES: Array<[string, string[]]> = [
  ['.mcp.json', JSON_SEEDS],
  ['.cursor/mcp.json', JSON_SEEDS],
  ['.vscode/mcp.json', JSON_SEEDS],
  ['opencode.jsonc', JSON_SEEDS],
  ['.codex/config.toml', TOML_SEEDS],
  ['.continue/mcpServers/x.yaml', YAML_SEEDS],
];

const RUNS = { light: 100, heavy: 60 };

describe('scan() on malformed and hostile JS/TS', () => {
  const { scanText } = scratchRoot();

  it('random bytes: a report, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom(...JS_NAMES), async (bytes, name) => {
        const report = await scanText(name, bytes);
        if (bytes.subarray(0, 8000).includes(0)) expect(report.diagnostics.map((d) => d.kind)).toEqual(['binary']);
      }),
      { numRuns: RUNS.light },
    );
  });

  it('random unicode (lone surrogates, separators, BOMs included)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 2000 }), fc.constantFrom(...JS_NAMES), async (text, name) => {
        await scanText(name, text);
      }),
      { numRuns: RUNS.light },
    );
  });

  it('truncated and mutated real-looking sources, any line ending, with or without BOM', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedFrom(JS_SEEDS), fc.constantFrom(...JS_NAMES), async (text, name) => {
        await scanText(name, text);
      }),
      { numRuns: RUNS.heavy * 3 },
    );
  });

  it('the unmutated seeds parse, and report at the same places whatever the line ending', async () => {
    let findings = 0;
    for (const seed of JS_SEEDS) {
      const base = await scanText('src/seed.tsx', seed);
      expect(base.diagnostics).toEqual([]);
      findings += base.findings.length;
      const where = (r: typeof base) => r.findings.map((f) => `${f.ruleId}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);
      for (const [eol, bom] of [['\r\n', true], ['\r', false]] as const) {
        const variant = await scanText('src/seed.tsx', withEndings(seed, eol, bom));
        expect(where(variant)).toEqual(where(base));
      }
    }
    expect(findings).toBeGreaterThanOrEqual(4);
  });

  // One level per line, so no case is mistaken for a minified bundle: every one is parsed and walked.
  const depth = 5000;
  const nested: Record<string, string> = {
    parens: `const token = ${'(\n'.repeat(depth)}'ghp_Vq3LxT9pRk2Wm8Zc5Nb1Hy7Fd4Gs6Ja0Ue2o'${'\n)'.repeat(depth)};\n`,
    arrays: `export const a = ${'[\n'.repeat(depth)}1${'\n]'.repeat(depth)};\n`,
    objects: `export const o = ${'{ apiKey:\n'.repeat(depth)}'Zx9Lm2Qw7Rt5Kp8Wz3Vb6Nc'${'\n}'.repeat(depth)};\n`,
    calls: `f(${'g(\n'.repeat(depth)}process.env.TOKEN${'\n)'.repeat(depth)});\n`,
    blocks: `${'if (x) {\n'.repeat(depth)}run();\n${'}\n'.repeat(depth)}`,
    ternaries: `const v = ${'a ? b :\n'.repeat(depth)}c;\n`,
    binary: `const sum = ${Array.from({ length: depth * 4 }, (_, i) => `n${i}`).join(' +\n')};\n`,
    unclosed: `const x = ${'{ a: [\n'.repeat(depth)}`,
  };
  it.each(Object.keys(nested))('5,000 levels of nesting (%s): a well-formed report', async (name) => {
    await scanText(`src/${name}.ts`, nested[name]);
  });

  it('huge string literals: 1 MB parses, a one-line bundle is reported as minified, over the cap as too large', async () => {
    const chunk = 'Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC2eF4hJ6kL8nP0rS2uV4xY6';
    const body = chunk.repeat(Math.ceil(1_000_000 / chunk.length)).slice(0, 1_000_000);
    const multiline = `export const blob = \`${body.match(/.{1,100}/g)!.join('\n')}\`;\nconst apiKey = '${body.slice(0, 3000)}';\n`;
    const started = performance.now();
    const parsed = await scanText('src/blob.ts', multiline);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.summary.filesParsed).toBe(1);
    expect(performance.now() - started).toBeLessThan(15_000);

    const oneLine = `export const blob = '${body}';\n`;
    const minified = await scanText('src/bundle.js', oneLine);
    expect(minified.diagnostics).toEqual([{ file: 'src/bundle.js', kind: 'minified', message: expect.any(String) }]);

    const tooLarge = `// ${body}\n// ${body}\n`;
    const skipped = await scanText('src/big.ts', tooLarge);
    expect(skipped.diagnostics).toEqual([{ file: 'src/big.ts', kind: 'too-large', message: expect.stringMatching(/over the \d+-byte limit/) }]);
  });
});

describe('MCP client config files: parse() and scan()', () => {
  const { scanText } = scratchRoot();
  const file = (path: string, body: string): File => ({ path, physicalPath: path, body, bom: false });

  /** parse() returns a result for anything; a failure carries 1-based positions inside the text. */
  const expectParseResult = (path: string, text: string) => {
    // ESLint hands parse() the body without its BOM (and says so in `bom`).
    const body = text.replace(/^\uFEFF/, '');
    const result = mcpConfigLanguage.parse({ ...file(`/p/${path}`, body), bom: body !== text }, { languageOptions: {} } as never);
    if (result.ok) return;
    const lines = linesOf(text, 'config');
    for (const e of result.errors) {
      expect(typeof e.message).toBe('string');
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(e.line).toBeLessThanOrEqual(lines.length);
      expect(e.column).toBeGreaterThanOrEqual(1);
      expect(e.column).toBeLessThanOrEqual(lines[e.line - 1].length + 1);
    }
  };

  const anyConfig = fc.constantFrom(...CONFIG_NAMES).chain(([name, seeds]) =>
    fc.tuple(fc.constant(name), fc.oneof(mutatedFrom(seeds), fc.string({ unit: 'binary', maxLength: 500 }))),
  );

  it('parse() never throws on mutated JSON/JSONC/YAML/TOML or random text', () => {
    fc.assert(
      fc.property(anyConfig, ([name, text]) => expectParseResult(name, text)),
      { numRuns: 1000 },
    );
  });

  it('scan() of malformed config files: a report, parse errors with a location', async () => {
    await fc.assert(
      fc.asyncProperty(anyConfig, async ([name, text]) => {
        await scanText(name, text);
      }),
      { numRuns: RUNS.heavy * 2 },
    );
  });

  it('random bytes in config files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 1000 }), fc.constantFrom(...CONFIG_NAMES.map(([n]) => n)), async (bytes, name) => {
        await scanText(name, bytes);
      }),
      { numRuns: RUNS.light },
    );
  });

  it('the unmutated config seeds report at the same places whatever the line ending', async () => {
    let findings = 0;
    for (const [name, seeds] of CONFIG_NAMES) {
      for (const seed of seeds) {
        const base = await scanText(name, seed);
        expect(base.diagnostics).toEqual([]);
        findings += base.findings.length;
        const where = (r: typeof base) => r.findings.map((f) => `${f.ruleId}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);
        // A lone CR (classic Mac) ends lines in JSON only: TOML knows LF and CRLF, and the yaml package reads no CR.
        const endings = /\.jsonc?$/.test(name) ? ([['\r\n', true], ['\r', false]] as const) : ([['\r\n', true]] as const);
        for (const [eol, bom] of endings) {
          expect(where(await scanText(name, withEndings(seed, eol, bom))), `${name} with ${JSON.stringify(eol)}`).toEqual(where(base));
        }
      }
    }
    expect(findings).toBeGreaterThanOrEqual(6);
  });

  // Hand-written classics, each one must be a parse error with a location on the line at fault.
  const classics: Array<[string, string, number]> = [
    ['.mcp.json', '{ "mcpServers": { "a": { "command": "x" }, "a": { "command": "y" } } }', 1],
    ['.cursor/mcp.json', '{\n  "mcpServers": {\n    "a": { "command": "npx", "args": ["-y"\n  }\n}\n', 4],
    ['.mcp.json', '{\n  "mcpServers": {\n    "a": { "command": "npx" }\n', 4],
    ['.continue/mcpServers/x.yaml', 'mcpServers:\n\t- name: files\n\t  command: npx\n', 2],
    ['.continue/mcpServers/x.yaml', 'mcpServers:\n  - name: a\n    env:\n      K: v\n      K: w\n', 5],
    ['.codex/config.toml', '[mcp_servers.files]\ncommand = "npx"\n[mcp_servers.files]\ncommand = "uvx"\n', 3],
    ['.codex/config.toml', '[mcp_servers.files\ncommand = "npx"\n', 2],
    ['.codex/config.toml', 'mcp_servers = 1\n[mcp_servers.files]\ncommand = "npx"\n', 2],
  ];
  it.each(classics)('%s: %j is a located parse error', async (name, text, line) => {
    expectParseResult(name, text);
    const report = await scanText(name, text);
    expect(report.diagnostics).toEqual([{ file: name, line, column: expect.any(Number), kind: 'parse-error', message: expect.any(String) }]);
  });
});
