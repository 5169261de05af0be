import { Linter, type Rule } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { flowOf, type Origin } from '../../src/rule-kit/flow.js';
import { identityHeader, inboundCredential } from '../../src/rule-kit/sources.js';

/** Trace the argument of every `sink(...)` call in `code` back to an identity header or inbound credential. */
function origins(code: string): Array<{ line: number; label: string } | null> {
  const out: Array<Origin | null> = [];
  const rule: Rule.RuleModule = {
    create(context) {
      const flow = flowOf(context.sourceCode);
      return {
        CallExpression(node) {
          const n = node as unknown as TSESTree.CallExpression;
          if (n.callee.type !== 'Identifier' || n.callee.name !== 'sink') return;
          out.push(flow.origin(n.arguments[0], identityHeader) ?? flow.origin(n.arguments[0], inboundCredential));
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat', cwd: '/virtual' });
  const messages = linter.verify(code, [
    { files: ['**/*.ts'], plugins: { t: { rules: { flow: rule } } }, languageOptions: { parser: tsParser as Linter.Parser }, rules: { 't/flow': 'error' } },
  ], { filename: '/virtual/flow.ts' });
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return out.map((o) => (o ? { line: o.node.loc.start.line, label: o.label } : null));
}

describe('Flow.origin', () => {
  it('follows variables, let reassignment and string transforms', () => {
    expect(origins(`let u = 'x';\nu = req.get('X-User-Id');\nsink(u.trim().toLowerCase());`)).toEqual([{ line: 2, label: 'x-user-id' }]);
  });
  it('follows destructuring, nested fields and defaults', () => {
    expect(origins(`const { headers: { 'x-forwarded-user': who = '' } } = req;\nsink(who);`)).toEqual([{ line: 1, label: 'x-forwarded-user' }]);
    expect(origins(`const { 'x-forwarded-user': who = '' } = req.headers;\nsink(who);`)).toEqual([{ line: 1, label: 'x-forwarded-user' }]);
  });
  it('follows object fields and helper returns in the same file', () => {
    expect(
      origins(`function ident(request) { return { id: request.headers['x-user-id'], rid: request.headers['x-request-id'] }; }\nconst i = ident(req);\nsink(i.id);\nsink(i.rid);`),
    ).toEqual([{ line: 1, label: 'x-user-id' }, null]);
  });
  it('follows templates, logical and conditional expressions, and JSON/Buffer decoding', () => {
    expect(origins(`const a = extra.authInfo;\nsink(\`Bearer \${a?.token ?? ''}\`);`)).toEqual([{ line: 1, label: 'authInfo.token' }]);
    expect(origins(`const p = JSON.parse(Buffer.from(String(req.headers['x-ms-client-principal']), 'base64').toString());\nsink(ok ? p.userId : null);`)).toEqual([
      { line: 1, label: 'x-ms-client-principal' },
    ]);
  });
  it('follows parameters of named same-file functions to their call sites', () => {
    expect(origins(`function check(u, { role }) { sink(u); sink(role); }\ncheck(req.headers['x-user-id'], { role: req.get('x-role') });`)).toEqual([
      { line: 2, label: 'x-user-id' },
      { line: 2, label: 'x-role' },
    ]);
    expect(origins(`const allow = (id) => sink(id);\nallow('static');`)).toEqual([null]);
  });
  it('binds a helper\'s parameters to the arguments of the call it is traced from, not of every call', () => {
    const code = `function pick(flag, fallback = 'none') { return { value: flag ?? fallback, source: 'cli' }; }
const who = pick(req.headers['x-user-id']);
const port = pick(process.env.PORT);
const mode = pick(undefined);
sink(port.value);
sink(who.value);
sink(mode.value);`;
    expect(origins(code)).toEqual([null, { line: 2, label: 'x-user-id' }, null]);
  });
  it('does not follow unknown calls or callbacks handed to libraries', () => {
    expect(origins(`sink(lookup(req.headers['x-user-id']));`)).toEqual([null]);
    expect(origins(`app.use((r) => sink(r));`)).toEqual([null]);
  });
  it('terminates on cycles', () => {
    expect(origins(`let a = b; let b = a; a = b;\nsink(a);`)).toEqual([null]);
  });
});

describe('request sources', () => {
  it('do not mistake locally built outbound options for the request', () => {
    expect(origins(`const opts = { headers: { authorization: 'Bearer ' + process.env.UPSTREAM_TOKEN } };\nsink(opts.headers.authorization);`)).toEqual([null]);
  });
  it('read header bags out of the request objects of each framework', () => {
    expect(origins(`sink(extra.requestInfo?.headers['x-user-id']);\nsink(ctx.http?.req?.headers.get('authorization'));\nsink(c.req.header('x-tenant-id'));`)).toEqual([
      { line: 1, label: 'x-user-id' },
      { line: 2, label: 'authorization header' },
      { line: 3, label: 'x-tenant-id' },
    ]);
  });
});

describe('keyed reads', () => {
  it('treat headers.get(name) on a variable holding the bag like an index', () => {
    expect(origins(`const h = ctx.http?.req?.headers;\nsink(h?.get('X-Account-Id'));\nsink(h.get('x-request-id'));`)).toEqual([{ line: 1, label: 'x-account-id' }, null]);
  });
});
