// no-token-passthrough, Python: the inbound Authorization header, the whole request header bag (fastmcp
// `get_http_headers()` keeps Authorization) or the caller's access token forwarded to an upstream HTTP request or
// SDK client (`httpx.get(url, headers=get_http_headers())`, `Jira(token=request.headers["authorization"])`).
import type { PythonImplementation } from '../../src/rule-kit/create-rule.js';
import { relatedAt } from '../../src/rule-kit/create-rule.js';
import { CLIENT_CREDENTIAL_OPTIONS } from '../../src/rule-kit/tables/outbound.js';
import { CREDENTIAL_HEADERS, isCredentialHeader } from '../../src/rule-kit/tables/identity-headers.js';
import { calleeName, child, enclosingFunction, locOf, memberPath, nodesOf, stringValue, unwrap, walk, type PyModule, type PyNode } from '../../src/python/tree.js';
import { localAssignments } from '../../src/python/model/scope.js';
import { headerRead, isHeaderBag } from '../../src/python/model/sources.js';

const HTTP_VERBS = /^(get|post|put|patch|delete|head|options|request|stream|send)$/;
const HTTP_MODULES = /^(requests|httpx|aiohttp|urllib3)$/;
/** Keyword arguments of outbound calls and client constructors that carry credentials or headers. */
const CREDENTIAL_KEYWORDS = new Set(['headers', 'auth', 'token', 'api_key', 'access_token', 'bearer_token', 'personal_token', 'password', 'oauth2', ...CLIENT_CREDENTIAL_OPTIONS.map((o) => o.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))]);
/** Constructors that are not upstream clients (the server's own response, errors). */
const NOT_OUTBOUND = /^(JSONResponse|Response|PlainTextResponse|HTMLResponse|StreamingResponse|HTTPException|ToolError|Exception|ValueError|dict|print|log)$/;

/** The inbound credential an expression carries, if any (one assignment back). */
function inbound(expr: PyNode | null, depth = 0): { what: string; node: PyNode } | null {
  if (!expr || depth > 2) return null;
  let hit: { what: string; node: PyNode } | null = null;
  walk(expr, (n) => {
    if (hit) return false;
    const header = headerRead(n);
    if (header !== null) {
      if (isCredentialHeader(header)) hit = { what: `the ${header} header`, node: n };
      return false;
    }
    if (isHeaderBag(n) && !(n.type === 'identifier' && localAssignments(n).length === 0)) {
      hit = { what: 'the request headers (Authorization included)', node: n };
      return false;
    }
    const path = memberPath(n)?.join('.') ?? '';
    if (/(^|\.)get_access_token\(\)\.token$/.test(path)) {
      hit = { what: "the caller's access token", node: n };
      return false;
    }
    if (n.type === 'identifier' && depth < 2) {
      for (const v of localAssignments(n)) {
        const h = inbound(v, depth + 1);
        if (h) {
          hit = { what: h.what, node: n };
          return false;
        }
      }
    }
  });
  return hit;
}

/**
 * A copied header bag the function takes the credential out of before forwarding (`headers.pop("authorization")`,
 * `del headers["Authorization"]`, or popping each name of a list that holds it): a proxy's sanitized copy.
 */
function strippedOfCredentials(bag: PyNode): boolean {
  const fn = bag.type === 'identifier' ? enclosingFunction(bag) : null;
  if (!fn) return false;
  let removes = false;
  let namesCredential = false;
  walk(fn, (n) => {
    if (n.type === 'call' && memberPath(child(n, 'function'))?.join('.') === `${bag.text}.pop`) removes = true;
    if (n.type === 'delete_statement' && n.text?.includes(`${bag.text}[`)) removes = true;
    const literal = stringValue(n);
    if (n.type === 'string' && literal !== null && isCredentialHeader(literal)) namesCredential = true;
  });
  return removes && namesCredential;
}

/** Is this call an outbound request or an upstream client (not the server's own response)? */
function isOutbound(call: PyNode): boolean {
  const path = memberPath(child(call, 'function')) ?? [];
  const name = calleeName(call) ?? '';
  if (NOT_OUTBOUND.test(name)) return false;
  if (HTTP_VERBS.test(name) && path.length >= 2) return HTTP_MODULES.test(path[0]) || /client|session|http|api/i.test(path[path.length - 2]);
  // `httpx.AsyncClient(headers=…)`, `Jira(url, token=…)`, `Github(auth=…)`: a client constructor (capitalised)
  return /^[A-Z]/.test(name);
}

export const noTokenPassthroughPython: PythonImplementation<'passthrough'> = {
  keywords: [...CREDENTIAL_HEADERS, 'get_http_headers', 'get_access_token', 'headers'],
  create(context) {
    return {
      module(module: PyModule) {
        for (const call of nodesOf(module, 'call')) {
          if (!isOutbound(call)) continue;
          for (const arg of child(call, 'arguments')?.children ?? []) {
            if (arg.type !== 'keyword_argument' || !CREDENTIAL_KEYWORDS.has(child(arg, 'name')?.text ?? '')) continue;
            const value = unwrap(child(arg, 'value'));
            const origin = inbound(value);
            if (!origin || (value && strippedOfCredentials(value))) continue;
            context.report({
              loc: locOf(module, arg),
              messageId: 'passthrough',
              data: { what: origin.what, sourceLine: locOf(module, origin.node).start.line, sinkLine: locOf(module, arg).start.line },
              fingerprintKey: `${origin.what}:${calleeName(call) ?? '?'}`,
              related: [relatedAt({ loc: locOf(module, origin.node) }, `inbound credential: ${origin.what}`)],
            });
            break;
          }
        }
      },
    };
  },
};
