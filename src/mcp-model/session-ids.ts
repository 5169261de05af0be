// Where a session id generator gets its randomness. DATA with examples (test/mcp-model/session-ids.test.ts).
import { calleeName, isFunctionLike, memberPath, unwrap, walk, type Node } from './ast.js';
import { readsHeader } from './server.js';
import { resolveFunction, type ModuleCtx } from './resolve.js';
import { CSPRNG_CALLS } from '../rule-kit/tables/auth-primitives.js';


export interface WeakSource {
  id: string;
  label: string;
  test(node: Node): boolean;
  example: string;
}

export const WEAK_SESSION_SOURCES: readonly WeakSource[] = [
  { id: 'time', label: 'the clock (Date.now())', test: (n) => n.type === 'CallExpression' && ['Date.now', 'performance.now', 'process.hrtime'].includes(memberPath(n.callee)?.join('.') ?? ''), example: 'sessionIdGenerator: () => Date.now().toString()' },
  { id: 'date', label: 'the clock (new Date())', test: (n) => n.type === 'NewExpression' && n.callee.type === 'Identifier' && n.callee.name === 'Date', example: 'sessionIdGenerator: () => new Date().toISOString()' },
  { id: 'math-random', label: 'Math.random() (not a CSPRNG)', test: (n) => n.type === 'CallExpression' && memberPath(n.callee)?.join('.') === 'Math.random', example: 'sessionIdGenerator: () => Math.random().toString(36).slice(2)' },
  { id: 'counter', label: 'a counter', test: (n) => n.type === 'UpdateExpression' || (n.type === 'AssignmentExpression' && n.operator === '+='), example: 'sessionIdGenerator: () => String(++counter)' },
  { id: 'uuid-v1', label: 'uuid v1 (time and MAC based)', test: (n) => n.type === 'CallExpression' && /^(v1|uuidv1|uuidV1)$/.test(calleeName(n.callee) ?? ''), example: 'sessionIdGenerator: () => uuidv1()' },
  { id: 'header', label: 'a request header', test: (n) => n.type === 'MemberExpression' && readsHeader(n, 'mcp-session-id') || (n.type === 'MemberExpression' && /^x-/.test(memberPath(n)?.at(-1) ?? '')), example: "sessionIdGenerator: () => req.headers['x-session-id'] as string" },
  { id: 'constant', label: 'a constant', test: (n) => n.type === 'ReturnStatement' && !!n.argument && unwrap(n.argument).type === 'Literal', example: "sessionIdGenerator: () => { return 'default'; }" },
];

/** The weak source a `sessionIdGenerator` value uses, or null when it uses a CSPRNG or cannot be read. */
export function weakSessionSource(ctx: ModuleCtx, value: Node): WeakSource | null {
  const v = unwrap(value);
  if (v.type === 'Identifier' && v.name === 'undefined') return null;
  const resolved = resolveFunction(ctx, v);
  if (!resolved || !resolved.fn.body) return null;
  const fn = resolved.fn;
  const body = fn.body!;
  // Expression body that is a bare literal: `() => 'static'`.
  if (body.type !== 'BlockStatement' && unwrap(body).type === 'Literal') return WEAK_SESSION_SOURCES.find((s) => s.id === 'constant')!;
  let strong = false;
  let weak: WeakSource | null = null;
  walk(body, (n) => {
    if ((n.type === 'CallExpression' || n.type === 'NewExpression') && CSPRNG_CALLS.test(calleeName(n.callee) ?? '')) strong = true;
    if (!weak && !isFunctionLike(n)) weak = WEAK_SESSION_SOURCES.find((s) => s.test(n)) ?? null;
  });
  return strong ? null : weak;
}
