// Every entry of the model's data tables matches its own example, and near-misses match nothing.
import { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { setParents, walk, type Node } from '../../src/mcp-model/ast.js';
import { IDENTITY_SIGNALS, identitySignal } from '../../src/mcp-model/identity.js';
import { moduleCtx } from '../../src/mcp-model/resolve.js';
import { WEAK_SESSION_SOURCES, weakSessionSource } from '../../src/mcp-model/session-ids.js';
import { SINKS, matchSink, matchTaggedSql } from '../../src/mcp-model/sinks.js';

function module(code: string) {
  const ast = parse(code, { loc: true, range: true, sourceType: 'module', ecmaVersion: 'latest' }) as TSESTree.Program;
  setParents(ast);
  return moduleCtx(ast);
}

function sinkIds(code: string): string[] {
  const ctx = module(code);
  const ids: string[] = [];
  walk(ctx.ast, (n) => {
    if (n.type === 'CallExpression' || n.type === 'NewExpression') {
      const m = matchSink(ctx, n);
      if (m) ids.push(m.def.id);
    }
    if (n.type === 'TaggedTemplateExpression' && matchTaggedSql(n)) ids.push('sql-write');
  });
  return ids;
}

describe('SINKS', () => {
  it.each(SINKS.map((s) => [s.id, s.example]))('%s matches its example', (id, example) => {
    expect(sinkIds(example)).toContain(id);
  });
  it.each([
    "const m = /x(y)/.exec(text);",
    'cache.delete(key);',
    // a Map of sessions named like a client is not an HTTP client
    'const clients = new Map(); clients.delete(sessionId);',
    'clients.delete(sessionId);',
    // search and query APIs take their query as a POST body: they read
    "await fetch(`${searchBase}/search`, { method: 'POST', body: JSON.stringify({ query }) });",
    "await apiClient.post('/v1/embeddings', { input });",
    "await fetch(url);",
    "await fetch(url, { method: 'GET' });",
    "await db.query('SELECT * FROM users WHERE id = $1', [id]);",
    "import { readFile } from 'node:fs/promises'; await readFile(p, 'utf8');",
    "await s3.send(new ListBucketsCommand({}));",
    'await anthropic.messages.create({ model, messages });',
    'await prisma.user.findMany();',
    'await axios.get(url);',
    'stream.destroy();',
    'await tx.rollback();',
    "await extra.sendNotification({ method: 'notifications/progress', params });",
    // collections, URLs and headers have mutating verbs too; they are not SDK clients
    'const map = new Map(); map.delete(key);',
    'const seen = new Set(); seen.delete(id);',
    'const cache = new LRUCache({ max: 10 }); cache.delete(key);',
    "const url = new URL(href); url.searchParams.delete('token'); url.searchParams.set('page', '2');",
    'searchParams.delete(name);',
    "const headers = new Headers(); headers.delete('authorization');",
    'const list = []; const store = { list }; store.list.create(item);',
    'const clients = new Map(); clients.get(id).create();',
    // LLM SDK clients: create generates text
    'const client = new Anthropic(); await client.messages.create({ model, messages });',
    'await client.chat.completions.create({ model, messages });',
    'await openaiClient.embeddings.create({ input });',
    // an SDK client's own objects in memory: editing a request header is not deleting a remote resource
    "const exa = createExaClient(config); exa.headers.delete('x-api-key');",
    "const client = new S3Client({}); client.config.update({ region });",
    // reads on an SDK client
    "await client.zones.list({ account_id });",
    "await cf.dns.records.get(id, { zone_id });",
  ])('no sink in %s', (code) => {
    expect(sinkIds(code)).toEqual([]);
  });
  it('POST to a writing endpoint and client-named receivers stay sinks', () => {
    expect(sinkIds("await fetch(`${base}/posts`, { method: 'POST', body });")).toEqual(['http-mutation']);
    expect(sinkIds("await apiClient.delete(`/v1/users/${id}`);")).toEqual(['http-mutation']);
    expect(sinkIds("await httpService.post('/orders', order);")).toEqual(['http-mutation']);
  });
  it('mutating method chains on SDK clients, however the client is named or built', () => {
    const cases: Array<[string, string]> = [
      ['await client.kv.namespaces.delete(id, { account_id });', 'client.kv.namespaces.delete'],
      ['await cf.dns.records.create({ zone_id, type, name, content });', 'cf.dns.records.create'],
      ['await s3.deleteObject({ Bucket, Key }).promise();', 's3.deleteObject'],
      ["const gcs = new Storage(); await gcs.bucket(b).file(f).delete();", 'gcs.bucket().file().delete'],
      ["const bucket = gcs.bucket(name); await bucket.file(f).delete();", 'bucket.file().delete'],
      ["const api = new Cloudflare({ apiToken }); await api.workers.scripts.delete(name);", 'api.workers.scripts.delete'],
      ['await this.sdk.projects.remove(projectId);', 'this.sdk.projects.remove'],
      ['await getClient(env).r2.buckets.create({ name });', 'getClient().r2.buckets.create'],
    ];
    for (const [code, label] of cases) {
      const ctx = module(code);
      const calls = [...ctx.ast.body].flatMap((st) => {
        const out: string[] = [];
        walk(st, (n) => {
          if (n.type === 'CallExpression') out.push(matchSink(ctx, n)?.label ?? '');
        });
        return out;
      });
      expect(calls, code).toContain(label);
      expect(sinkIds(code), code).toEqual(['cloud-sdk']);
    }
    // the specific SDK entries keep their category
    expect(sinkIds('await octokit.repos.delete({ owner, repo });')).toEqual(['octokit']);
    expect(sinkIds('await stripe.refunds.create({ charge });')).toEqual(['stripe']);
  });

  it('tagged SQL templates and promisified child_process', () => {
    expect(sinkIds('await sql`DELETE FROM sessions WHERE user_id = ${id}`;')).toEqual(['sql-write']);
    expect(sinkIds("import { exec } from 'node:child_process'; const run = promisify(exec); await run(cmd);")).toEqual(['child_process']);
    expect(sinkIds("const cp = require('child_process'); cp.spawn('rm', ['-rf', dir]);")).toEqual(['child_process']);
  });
});

describe('IDENTITY_SIGNALS', () => {
  const signals = (code: string) => {
    const ids: string[] = [];
    walk(module(code).ast, (n: Node) => {
      const s = identitySignal(n);
      if (s) ids.push(s.id);
    });
    return ids;
  };
  it.each(IDENTITY_SIGNALS.map((s) => [s.id, s.example]))('%s matches its example', (id, example) => {
    expect(signals(example)).toContain(id);
  });
  it('destructured authInfo counts; a session id does not', () => {
    expect(signals('const f = async (args, { authInfo }) => authInfo;')).toContain('sdk-authInfo');
    expect(signals('const id = extra.sessionId; const r = extra.requestId;')).toEqual([]);
  });
});

describe('WEAK_SESSION_SOURCES', () => {
  const weak = (prop: string) => {
    const ctx = module(`let counter = 0; const opts = { ${prop} };`);
    let value: Node | null = null;
    walk(ctx.ast, (n) => {
      if (n.type === 'Property') value = n.value;
    });
    return value ? weakSessionSource(ctx, value)?.id ?? null : null;
  };
  it.each(WEAK_SESSION_SOURCES.map((s) => [s.id, s.example]))('%s matches its example', (id, example) => {
    expect(weak(example)).toBe(id);
  });
  it.each(['sessionIdGenerator: () => randomUUID()', 'sessionIdGenerator: () => `${Date.now()}.${randomBytes(16).toString("hex")}`', 'sessionIdGenerator: undefined'])(
    'strong or absent: %s',
    (prop) => expect(weak(prop)).toBeNull(),
  );
});
