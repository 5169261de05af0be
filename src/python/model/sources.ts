// Where request data enters a Python server: header reads (Starlette/FastAPI `request.headers`, fastmcp
// `get_http_headers()`, the SDK's `ctx.request_context.request`, FastAPI `Header()` parameters, header-bag copies and
// loops over `headers.raw`), and how a value is used afterwards (for access, as identity, to select data). Shared by
// the identity, presence, passthrough and logging rules.
import { isIdentityHeader, isIdentityHeaderShape } from '../../rule-kit/tables/identity-headers.js';
import { QUERY_METHODS } from '../../rule-kit/tables/access-sinks.js';
import { calleeName, child, keywordArg, memberPath, parameters, positionalArgs, stringValue, unwrap, walk, type PyNode } from '../tree.js';
import { localAssignments, walkOwn } from './scope.js';

/** Is this header name a caller identity (the shared table, and names built like one: `user_uuid`, `x-caller-id`)? */
export function isPyIdentityHeader(name: string): boolean {
  return isIdentityHeader(name) || isIdentityHeaderShape(name);
}

/** What holds the inbound request: `request`, `req`, `http_request`, `get_http_request()`, a websocket, an ASGI scope. */
const INBOUND = /request|^req$|^websocket$|^ws$|^scope$|^conn$/i;

/** A header collection: `request.headers`, `get_http_headers()`, `dict(request.headers)`, a name bound to one. */
export function isHeaderBag(node: PyNode | null, depth = 0): boolean {
  const n = unwrap(node);
  if (!n || depth > 3) return false;
  const path = memberPath(n);
  if (path) {
    const last = path[path.length - 1];
    if (last === 'get_http_headers()') return true;
    // the inbound request's headers (`request.headers`, `ctx.get_http_request().headers`), not a response's or a client's
    if ((last === 'headers' || last === 'headers()') && path.length >= 2 && INBOUND.test(path[path.length - 2].replace(/\(\)$/, ''))) return true;
  }
  if (n.type === 'call') {
    const name = calleeName(n);
    if (name === 'get_http_headers') return true;
    if ((name === 'dict' || name === 'CaseInsensitiveDict') && isHeaderBag(positionalArgs(n)[0] ?? null, depth + 1)) return true;
  }
  // `{k.decode().lower(): v.decode() for k, v in request.headers.raw}`
  if (n.type === 'dictionary_comprehension') {
    const loop = n.children.find((c) => c.type === 'for_in_clause');
    const over = unwrap(child(loop, 'right'));
    const base = over?.type === 'call' ? child(child(over, 'function'), 'object') : over?.type === 'attribute' ? child(over, 'object') : over;
    return isHeaderBag(base ?? null, depth + 1);
  }
  if (n.type === 'identifier') return localAssignments(n).some((v) => isHeaderBag(v, depth + 1));
  return false;
}

/** The header a node reads, lowercase: `bag.get("X-User-ID")`, `bag["x-user-id"]`, `bag.getlist(…)`. */
export function headerRead(node: PyNode): string | null {
  if (node.type === 'call') {
    const fn = child(node, 'function');
    if (fn?.type !== 'attribute' || !/^(get|getlist|get_all)$/.test(child(fn, 'attribute')?.text ?? '')) return null;
    if (!isHeaderBag(child(fn, 'object'))) return null;
    return stringValue(positionalArgs(node)[0])?.toLowerCase() ?? null;
  }
  if (node.type === 'subscript') {
    if (!isHeaderBag(child(node, 'value'))) return null;
    return stringValue(child(node, 'subscript'))?.toLowerCase() ?? null;
  }
  return null;
}

/** FastAPI `x_user_id: str = Header(None)` / `user: str = Header(alias="X-User-ID")`: the header a parameter is. */
export function headerParameter(param: { name: string; default: PyNode | null }): string | null {
  const d = unwrap(param.default);
  if (d?.type !== 'call' || calleeName(d) !== 'Header') return null;
  const alias = stringValue(keywordArg(d, 'alias'));
  return (alias ?? param.name.replace(/_/g, '-')).toLowerCase();
}

/**
 * `for name, value in headers.raw: if name.decode().lower() == "x-user-email": user = value.decode()`: the header
 * comparisons of a loop over a header bag, with the loop's value variable.
 */
export function headerLoopReads(fn: PyNode): Array<{ test: PyNode; header: string; value: string; body: PyNode }> {
  const out: Array<{ test: PyNode; header: string; value: string; body: PyNode }> = [];
  walkOwn(fn, (n) => {
    if (n.type !== 'for_statement') return;
    const left = child(n, 'left');
    const over = unwrap(child(n, 'right'));
    const bag = over?.type === 'call' ? child(child(over, 'function'), 'object') : over?.type === 'attribute' ? child(over, 'object') : over;
    if (!isHeaderBag(bag ?? null) || left?.children.length !== 2) return;
    const [key, value] = left.children;
    if (key.type !== 'identifier' || value.type !== 'identifier') return;
    walk(n, (m) => {
      if (m.type !== 'if_statement') return;
      const test = unwrap(child(m, 'condition'));
      if (test?.type !== 'comparison_operator' || test.operators?.[0] !== '==') return;
      const named = test.children.some((c) => mentions(c, key.text!));
      const header = test.children.map((c) => stringValue(c)).find((s) => s !== null);
      const body = child(m, 'consequence');
      if (named && header && body) out.push({ test, header: header.toLowerCase(), value: value.text!, body });
    });
  });
  return out;
}

function mentions(node: PyNode, name: string): boolean {
  let found = false;
  walk(node, (n) => {
    if (n.type === 'identifier' && n.text === name) found = true;
  });
  return found;
}

/** Methods and builtins that keep a value what it was (`.strip()`, `str(x)`, `x or ""`). */
const TRANSPARENT_METHODS = new Set(['strip', 'lower', 'upper', 'decode', 'encode', 'casefold', 'lstrip', 'rstrip']);
const TRANSPARENT_CALLS = new Set(['str', 'int', 'UUID', 'uuid.UUID']);

/** The expression a value is used as: past `.strip()`, `str(…)`, `… or default`, parentheses and `await`. */
export function climb(node: PyNode): PyNode {
  let n = node;
  for (;;) {
    const p = n.parent;
    if (!p) return n;
    if (p.type === 'parenthesized_expression' || p.type === 'await') n = p;
    else if (p.type === 'boolean_operator' && p.operators?.[0] === 'or') n = p;
    else if (p.type === 'attribute' && child(p, 'object') === n && TRANSPARENT_METHODS.has(child(p, 'attribute')?.text ?? '') && p.parent?.type === 'call') n = p.parent;
    else if (p.type === 'argument_list' && p.parent?.type === 'call' && TRANSPARENT_CALLS.has(memberPath(child(p.parent, 'function'))?.join('.') ?? '') && positionalArgs(p.parent)[0] === n) n = p.parent;
    else return n;
  }
}

export type PyAccessUse =
  | 'an access decision'
  | 'a presence check that gates access'
  | 'a query filter'
  | 'the request identity';

/** `None`, `""`: comparing with these tests presence, not who the caller is. */
function isEmpty(node: PyNode | null): boolean {
  const n = unwrap(node);
  return !n || n.type === 'none' || stringValue(n) === '';
}

/** A branch that turns the caller away: `raise …`, `return <value>`, or a block ending in one. */
function denies(block: PyNode | null): boolean {
  const last = block?.children[block.children.length - 1];
  return !!last && (last.type === 'raise_statement' || (last.type === 'return_statement' && last.children.length > 0));
}

const QUERIES = new Set([...QUERY_METHODS, 'find_one', 'find_many', 'filter_by', 'get_or_none', 'update_one', 'delete_one', 'select_one', 'fetch', 'fetchrow', 'fetchone', 'scalar', 'scalars']);
/** Where identity held for the rest of the request: `request.state.user`, `scope["state"]["user_id"]`, `g.user`. */
const IDENTITY_TARGET = /(^|[_.])(user|user_id|userid|user_email|principal|identity|caller|current_user|tenant|tenant_id|account_id)$/i;

/** How the expression `v` (already climbed) is used for access, if it is. */
export function accessUse(v: PyNode): { use: PyAccessUse; at: PyNode } | null {
  const p = v.parent;
  if (!p) return null;
  if (p.type === 'comparison_operator') {
    // `assert headers["x-user-id"] == "u1"` checks a test's expectation, not a caller
    if (p.parent?.type === 'assert_statement') return null;
    const op = p.operators?.[0] ?? '';
    const other = p.children.find((c) => c !== v) ?? null;
    if ((op === 'is' || op === '==') && isEmpty(other)) return gate(p);
    if ((op === 'is not' || op === '!=') && isEmpty(other)) return null;
    return { use: 'an access decision', at: p };
  }
  if (p.type === 'not_operator') return gate(p);
  if (p.type === 'return_statement') return { use: 'the request identity', at: p };
  if (p.type === 'subscript' && child(p, 'subscript') === v) return { use: 'a query filter', at: p };
  if (p.type === 'pair' && child(p, 'value') === v) return queryArgument(p.parent);
  if (p.type === 'keyword_argument' && child(p, 'value') === v) return queryArgument(p.parent);
  if (p.type === 'argument_list') {
    const call = p.parent!;
    const name = calleeName(call) ?? '';
    if (name === 'get' && positionalArgs(call)[0] === v) return { use: 'a query filter', at: call };
    if (QUERIES.has(name)) return { use: 'a query filter', at: call };
  }
  if (p.type === 'assignment' && child(p, 'right') === v) {
    const left = child(p, 'left');
    const key = left?.type === 'subscript' ? stringValue(child(left, 'subscript')) : memberPath(left)?.at(-1);
    if (left?.type !== 'identifier' && key && IDENTITY_TARGET.test(key)) return { use: 'the request identity', at: p };
  }
  return null;
}

/** `if not x: raise` / `if x is None: return …`: the value's presence gates access. */
function gate(test: PyNode): { use: PyAccessUse; at: PyNode } | null {
  const stmt = test.parent;
  if ((stmt?.type === 'if_statement' || stmt?.type === 'elif_clause') && child(stmt, 'condition') === test && denies(child(stmt, 'consequence'))) {
    return { use: 'a presence check that gates access', at: test };
  }
  return null;
}

/** A dict entry or keyword argument inside a query call: `find_one({"user_id": uid})`, `filter_by(user_id=uid)`. */
function queryArgument(container: PyNode | null): { use: PyAccessUse; at: PyNode } | null {
  for (let c = container; c; c = c.parent) {
    if (c.type === 'call') return QUERIES.has(calleeName(c) ?? '') ? { use: 'a query filter', at: c } : null;
    if (c.type !== 'dictionary' && c.type !== 'argument_list' && c.type !== 'list' && c.type !== 'tuple') return null;
  }
  return null;
}

/** Reads of `name` in a function (not its nested defs) or a block, each climbed to the expression it is used as. */
export function readsOf(scope: PyNode, name: string, after = -1): PyNode[] {
  const out: PyNode[] = [];
  const each = scope.type === 'function_definition' || scope.type === 'lambda' ? (f: (n: PyNode) => void) => walkOwn(scope, f) : (f: (n: PyNode) => void) => walk(scope, f);
  each((n) => {
    if (n.type !== 'identifier' || n.text !== name || n.range[0] <= after) return;
    const p = n.parent;
    // the target of an assignment, a keyword's name, an attribute's name: not a read
    if (p?.type === 'assignment' && child(p, 'left') === n) return;
    if (p?.type === 'keyword_argument' && child(p, 'name') === n) return;
    if (p?.type === 'attribute' && child(p, 'attribute') === n) return;
    out.push(climb(n));
  });
  return out;
}

/**
 * The first access use of a value read at `read`: directly, or through the variable it is assigned to (and one
 * more assignment from that variable). Null when the value is only displayed, passed on or ignored.
 */
export function firstAccessUse(fn: PyNode | null, read: PyNode): { use: PyAccessUse; at: PyNode } | null {
  const v = climb(read);
  const direct = accessUse(v);
  if (direct) return direct;
  if (!fn) return null;
  const names = assignedName(v);
  for (const name of names) {
    for (const r of readsOf(fn, name, read.range[0])) {
      const use = accessUse(r);
      if (use) return use;
      for (const next of assignedName(r)) {
        for (const r2 of readsOf(fn, next, r.range[0])) {
          const use2 = accessUse(r2);
          if (use2) return use2;
        }
      }
    }
  }
  return null;
}

/** `x = <v>` / `x: str = <v>` / `(x := <v>)`: the name a value is bound to. */
function assignedName(v: PyNode): string[] {
  const p = v.parent;
  if ((p?.type === 'assignment' && child(p, 'right') === v) || (p?.type === 'named_expression' && child(p, 'value') === v)) {
    const left = child(p, p.type === 'assignment' ? 'left' : 'name');
    if (left?.type === 'identifier') return [left.text!];
  }
  return [];
}

/** The function (def or lambda) a node is in. */
export function functionOf(node: PyNode): PyNode | null {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition' || p.type === 'lambda') return p;
  return null;
}

/** Parameters that are FastAPI header parameters, with the header they read. */
export function headerParameters(fn: PyNode): Array<{ node: PyNode; name: string; header: string }> {
  return parameters(fn).flatMap((p) => {
    const header = headerParameter(p);
    return header ? [{ node: p.node, name: p.name, header }] : [];
  });
}
