import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodesOf } from '../../src/mcp-model/ast.js';
import { auditRecordAt, CALLER_READS, EVENT_CALLS, QUIET_LEVELS } from '../../src/mcp-model/audit.js';
import { isCredentialLikeHeader, moduleCredentialChecks, OAUTH_EVIDENCE, WEBHOOK_WORDS } from '../../src/mcp-model/credentials.js';
import { buildInventory } from '../../src/mcp-model/inventory.js';
import { jsServerPosture } from '../../src/mcp-model/posture.js';
import { parseModule } from '../../src/mcp-model/project.js';

let n = 0;
function module(code: string) {
  const file = `/virtual/posture-${n++}.ts`;
  const m = parseModule(file, code)!;
  return { ctx: { ast: m.ast, index: m.index, file }, text: code };
}

const ROOT = resolve('fixtures/posture');
function project(name: string) {
  const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : f.endsWith('.ts') ? [join(d, f)] : []));
  const files = walk(join(ROOT, name)).sort().map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  return buildInventory(files, { scanRoot: join(ROOT, name) }).servers[0];
}

describe('audit tables', () => {
  it.each(CALLER_READS.map((r) => [r.id, r.example]))('%s: its example is a record carrying the caller', (_id, example) => {
    const { ctx } = module(example);
    const records = nodesOf(ctx.ast, 'CallExpression').map(auditRecordAt).filter(Boolean);
    expect(records.length).toBe(1);
  });

  it('debug levels and debug-package loggers are no record; an event with the caller is', () => {
    for (const level of QUIET_LEVELS.filter((l) => l !== 'dbg')) {
      const { ctx } = module(`logger.${level}({ caller: extra.authInfo.clientId });`);
      expect(nodesOf(ctx.ast, 'CallExpression').map(auditRecordAt)).toEqual([null]);
    }
    const dbg = module("const log = debug('x'); log('%s', extra.authInfo.clientId);");
    expect(nodesOf(dbg.ctx.ast, 'CallExpression').map(auditRecordAt)).toEqual([null, null]);
    for (const name of EVENT_CALLS) {
      const { ctx } = module(`bus.${name}('tool', { caller: req.auth.clientId });`);
      expect(nodesOf(ctx.ast, 'CallExpression').map(auditRecordAt)).toEqual([{ via: 'event', caller: 'req.auth.clientId' }]);
    }
  });

  it('the raw token is never the caller; a field of the identity is', () => {
    const read = (code: string) => nodesOf(module(code).ctx.ast, 'CallExpression').map(auditRecordAt)[0];
    expect(read('logger.info({ t: extra.authInfo.token });')).toBeNull();
    expect(read('logger.info({ who: extra.authInfo.extra.sub });')).toEqual({ via: 'logger', caller: 'authInfo.extra' });
    expect(read('audit.record(this.props, "deploy");')).toEqual({ via: 'audit-helper', caller: 'this.props' });
  });
});

describe('credential tables', () => {
  it.each(OAUTH_EVIDENCE.map((e) => [e.id, e.example]))('%s: its example is OAuth evidence', (_id, example) => {
    expect(moduleCredentialChecks(module(example).ctx).map((c) => c.kind)).toEqual(['oauth']);
  });

  it('names credential headers, not identity or signature headers', () => {
    expect(['authorization', 'x-api-key', 'x-mcp-auth', 'mcp-token', 'x-access-token'].filter(isCredentialLikeHeader)).toHaveLength(5);
    expect(['x-user-id', 'x-hub-signature-256', 'content-type', 'mcp-session-id'].filter(isCredentialLikeHeader)).toEqual([]);
  });

  it('leaves webhook tokens alone', () => {
    expect(WEBHOOK_WORDS).toContain('webhook');
    const { ctx } = module("export function onHook(req) { return req.headers['x-webhook-token'] === process.env.HOOK_TOKEN; }");
    expect(moduleCredentialChecks(ctx)).toEqual([]);
  });
});

describe('posture per server (fixtures/posture)', () => {
  it.each([
    ['token-shared-static', ['shared-static-token']],
    ['token-key-list', ['static-key-list']],
    ['token-per-user', ['per-user-token']],
    ['token-oauth', ['oauth']],
    ['token-mtls', ['mtls']],
    ['token-literal', ['shared-static-token']],
    ['html-injection', ['none']],
  ])('%s: credentials %j', (name, posture) => {
    expect(project(name).credentials?.posture).toEqual(posture);
  });

  it('names the secret, never its value', () => {
    expect(project('token-shared-static').credentials?.mechanisms).toEqual([
      { kind: 'shared-static-token', file: 'src/index.ts', line: 19, detail: 'authorization header checked against process.env.REPORTS_MCP_TOKEN' },
    ]);
    expect(JSON.stringify(project('token-literal').credentials)).not.toContain('rK8fQ2xLm7vT4pZ9wB3n');
  });

  it('counts audited mutating tools, and where the records are', () => {
    expect(project('audit-missing').audit).toEqual({ required: true, mutating: 2, covered: 0, wrappers: [] });
    expect(project('audit-per-tool-logger').tools.map((t) => [t.name, t.audit?.line, t.audit?.caller])).toEqual([
      ['write_file', 15, 'authInfo.clientId'],
      ['delete_file', 22, 'authInfo.clientId'],
    ]);
    const dispatch = project('audit-dispatch-record');
    expect(dispatch.audit).toMatchObject({ required: true, mutating: 2, covered: 2, wrappers: [{ file: 'src/index.ts', line: 15, via: 'audit-helper', caller: 'authInfo.clientId', scope: 'all' }] });
    expect(project('audit-patched-register').audit).toMatchObject({ covered: 2, wrappers: [{ line: 15, scope: 'all' }] });
    expect(project('audit-middleware').audit).toMatchObject({ covered: 2, wrappers: [{ scope: 'all', caller: 'req.auth.clientId' }] });
  });

  it('puts a tool module behind the wiring that imports it, not behind every gate of the package', () => {
    const files = ['local.ts', 'local-tools.ts', 'hosted.ts', 'hosted-tools.ts', 'db.ts', 'verifier.ts'].map((f) => join(ROOT, 'two-servers/src', f));
    const mods = files.map((file) => {
      const m = parseModule(file, readFileSync(file, 'utf8'))!;
      return { ctx: { ast: m.ast, index: m.index, file }, text: m.text };
    });
    const tools = jsServerPosture(mods).tools.map((t) => [t.place.file.split('/').pop(), t.http, t.gates.map((g) => g.kind), t.audit?.caller ?? null]);
    expect(tools).toEqual([
      ['local-tools.ts', false, [], null],
      ['hosted-tools.ts', true, ['bearer'], 'authInfo.clientId'],
    ]);
  });
});
