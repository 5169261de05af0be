import type { TSESTree } from '@typescript-eslint/types';
import { createRule, relatedAt } from '../src/rule-kit/create-rule.js';
import { anyOf, calleeName, findProperty, flowOf, lineOf, literalString, memberChain, unwrap, type Flow, type Origin } from '../src/rule-kit/flow.js';
import { logKind } from '../src/rule-kit/sinks.js';
import { INBOUND_CREDENTIAL_KEYWORDS, inboundCredential, wholeHeaderBag } from '../src/rule-kit/sources.js';
import { CLIENT_CREDENTIAL_OPTIONS, HEADER_SETTERS, NON_OUTBOUND_CONSTRUCTORS, OUTBOUND_RECEIVER, RESPONSE_OBJECTS } from '../src/rule-kit/tables/outbound.js';

type Node = TSESTree.Node;

const credential = anyOf(inboundCredential, wholeHeaderBag);

/** The object literal an argument is, following one variable. */
function objectArg(flow: Flow, arg: Node): TSESTree.ObjectExpression | null {
  const n = unwrap(arg);
  if (n.type === 'ObjectExpression') return n;
  if (n.type !== 'Identifier') return null;
  const d = flow.definitions(n).find((x) => x.path.length === 0 && unwrap(x.expr).type === 'ObjectExpression');
  return d ? (unwrap(d.expr) as TSESTree.ObjectExpression) : null;
}

/** Calls on the server's own response (`res.set(...)`) answer the caller; they send nothing upstream. */
function isResponseCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = unwrap(call.callee);
  if (call.type === 'NewExpression') return callee.type === 'Identifier' && NON_OUTBOUND_CONSTRUCTORS.includes(callee.name);
  if (callee.type !== 'MemberExpression') return false;
  const chain = memberChain(callee.object);
  return chain !== null && RESPONSE_OBJECTS.includes(chain.join('.'));
}

/**
 * `this.createServerForRequest({ headers })`, `this.sessionStore.addSession({ headers })`: the request handed to the
 * class's own methods and stores, which keep or parse it. Not `this.apiClient.get(url, { headers })`.
 */
function isOwnPlumbing(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  const chain = callee.type === 'MemberExpression' ? memberChain(callee) : null;
  return !!chain && chain[0] === 'this' && !chain.slice(1, -1).some((seg) => OUTBOUND_RECEIVER.test(seg));
}

/**
 * The MCP spec: a server MUST NOT pass through the token it received from its client. Forwarding it makes the
 * upstream API trust a token that was never issued for it, and lets a stolen MCP token reach everything behind.
 */
export default createRule('no-token-passthrough', {
  meta: {
    severity: 'high',
    language: 'js',
    description: 'The inbound Authorization header, authInfo.token or the whole request header bag is forwarded to an upstream request or SDK client',
    cwe: ['CWE-441', 'CWE-522'],
    owasp: ['MCP01', 'MCP07'],
    // what a forwarded credential is read from (inboundCredential, wholeHeaderBag)
    keywords: INBOUND_CREDENTIAL_KEYWORDS,
    messages: {
      passthrough:
        'Inbound credential ({{what}}, read at L{{sourceLine}}) is forwarded upstream at L{{sinkLine}}. MCP servers must not pass their client\'s token through: use a separate upstream credential or a token exchange.',
    },
  },
  create(context) {
    const flow = flowOf(context.eslint.sourceCode);
    const reported = new Set<Node>();
    const report = (sink: Node, origin: Origin | null): void => {
      if (!origin || reported.has(sink)) return;
      reported.add(sink);
      context.report({
        node: sink,
        messageId: 'passthrough',
        data: { what: origin.label, sourceLine: lineOf(origin.node), sinkLine: lineOf(sink) },
        fingerprintKey: origin.label,
        related: [relatedAt(origin.node, `inbound credential read here (${origin.label})`)],
      });
    };
    const check = (call: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      // `{ headers }` in a log call is a logging problem (no-secret-logging), not an upstream request
      if (isResponseCall(call) || (call.type === 'CallExpression' && (logKind(call) || isOwnPlumbing(call)))) return;
      for (const arg of call.arguments) {
        const obj = objectArg(flow, arg);
        if (!obj) continue;
        const headers = findProperty(obj, 'headers');
        if (headers) report(headers.value, flow.contained(headers.value, credential));
        if (call.type === 'NewExpression') {
          for (const key of CLIENT_CREDENTIAL_OPTIONS) {
            const p = findProperty(obj, key);
            if (p) report(p.value, flow.contained(p.value, inboundCredential));
          }
        }
      }
      // new WebClient(inboundToken)
      const first = call.arguments[0];
      if (call.type === 'NewExpression' && first && first.type !== 'SpreadElement') report(first, flow.origin(first, inboundCredential));
    };
    return {
      NewExpression: check,
      CallExpression(node) {
        check(node);
        // upstreamHeaders.set('Authorization', inbound)
        const name = calleeName(node);
        const header = node.arguments[0] ? literalString(node.arguments[0]) : null;
        const value = node.arguments[1];
        if (name && HEADER_SETTERS.includes(name) && header?.toLowerCase() === 'authorization' && value && !isResponseCall(node)) {
          report(value, flow.contained(value, inboundCredential));
        }
      },
    };
  },
});
