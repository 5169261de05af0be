import type { TSESTree } from '@typescript-eslint/types';
import { getToolRegistrations, mayRegister, REGISTRATION_KEYWORDS } from '../src/mcp-model/tools.js';
import { accessUseListeners } from '../src/rule-kit/access-uses.js';
import { createRule, relatedAt } from '../src/rule-kit/create-rule.js';
import { anyOf, calleeName, flowOf, lineOf, memberChain, propertyKey, unwrap, type Flow, type Origin, type SourceMatcher } from '../src/rule-kit/flow.js';
import { identityHeader } from '../src/rule-kit/sources.js';
import { QUERY_METHODS } from '../src/rule-kit/tables/access-sinks.js';
import {
  IDENTITY_ARGUMENT_KEYWORDS,
  IDENTITY_HEADERS,
  isIdentityArgument,
  VERIFIED_IDENTITY_HOLDERS,
} from '../src/rule-kit/tables/identity-headers.js';

type Node = TSESTree.Node;

const TOOL_ARG = 'tool argument ';

/** An identity header's name, in any case. */
const ANY_IDENTITY_HEADER = new RegExp(IDENTITY_HEADERS.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');

/** Low-level handlers receive the request: arguments live at `request.params.arguments`. */
const LOW_LEVEL_ARGS = ['params', 'arguments'];

/**
 * Identity-claiming arguments of the file's tool handlers: `({ userId }) => …`, `(args) => args.role`,
 * `(request) => request.params.arguments.userId`.
 */
function toolArgument(flow: Flow, handlers: ReadonlySet<Node>): SourceMatcher {
  return (node, path) => {
    const n = unwrap(node);
    if (n.type !== 'Identifier') return null;
    const def = flow.variable(n)?.defs[0];
    if (!def || def.type !== 'Parameter' || !handlers.has(def.node as unknown as Node)) return null;
    const first = (def.node as unknown as TSESTree.FunctionLike).params[0];
    const name = def.name as unknown as TSESTree.Identifier;
    if (first === name) {
      const rest = path[0] === LOW_LEVEL_ARGS[0] && path[1] === LOW_LEVEL_ARGS[1] ? path.slice(2) : path;
      return rest.length && isIdentityArgument(rest[0]) ? TOOL_ARG + rest[0] : null;
    }
    const prop = name.parent;
    if (first?.type === 'ObjectPattern' && prop?.type === 'Property' && prop.parent === first) {
      const key = propertyKey(prop);
      return key && isIdentityArgument(key) ? TOOL_ARG + key : null;
    }
    return null;
  };
}

/**
 * A record looked up by a claimed identity and read at a privilege field: `(await agents.findOne({ email: actingAgent
 * })).isSupervisor` is the model's claim dressed up as a database answer. A lookup by `targetUserId`, a field such as
 * `status`, or the record's presence ("not found") decides nothing about the caller. `lookups` remembers the claim.
 */
function lookedUpBy(flow: Flow, claim: SourceMatcher, lookups: Map<Node, Origin>): SourceMatcher {
  return (node, path) => {
    const n = unwrap(node);
    if (n.type !== 'CallExpression' || !QUERY_METHODS.includes(calleeName(n) ?? '') || !path.some(isIdentityArgument)) return null;
    for (const arg of n.arguments) {
      const origin = flow.contained(arg, claim);
      if (origin) {
        lookups.set(n, origin);
        return origin.label;
      }
    }
    return null;
  };
}

/** A comparison partner that is itself a verified identity (`args.userId === extra.authInfo.extra.sub`). */
function comparedWithVerified(sink: Node): boolean {
  const parent = sink.parent;
  if (parent?.type !== 'BinaryExpression') return false;
  const other = parent.left === sink ? parent.right : parent.left;
  const chain = memberChain(other);
  return chain !== null && chain.some((seg) => VERIFIED_IDENTITY_HOLDERS.includes(seg));
}

/**
 * An identity header (x-user-id, x-forwarded-email, …) is whatever the client sent. Used to decide access, to filter
 * data, or as the request's AuthInfo, it lets any caller be anyone. Identity must come from a verified token.
 */
export default createRule('no-unverified-identity', {
  meta: {
    severity: 'critical',
    language: 'js',
    description: 'Caller identity taken from a request header (x-user-id, x-forwarded-user, …) is used for access without verification',
    cwe: ['CWE-290', 'CWE-639'],
    owasp: ['MCP07'],
    // every identity header name, and a stem of every identity-claiming argument name (see IDENTITY_ARGUMENT_KEYWORDS)
    keywords: [...new Set([...IDENTITY_HEADERS, ...IDENTITY_ARGUMENT_KEYWORDS])],
    // ...and a header's name, or a tool registration (arguments are claims only in a tool handler)
    keywordsAlso: [[...IDENTITY_HEADERS, ...REGISTRATION_KEYWORDS]],
    textGate: (text) => mayRegister(text) || ANY_IDENTITY_HEADER.test(text),
    messages: {
      modelSupplied:
        'Tool argument {{argument}} (declared at L{{sourceLine}}) decides access at L{{sinkLine}}; the model fills in tool arguments, so a prompt can claim any identity or role. Decide on the verified caller (extra.authInfo) instead.',
      unverified:
        'Identity read at L{{sourceLine}} from {{header}} is used for {{use}} at L{{sinkLine}}; any client can send this header. Take the caller from a verified token (extra.authInfo, ctx.http.authInfo) or verify the proxy\'s signed assertion.',
    },
  },
  create(context) {
    const sourceCode = context.eslint.sourceCode;
    const flow = flowOf(sourceCode);
    const handlers = new Set<Node>(
      getToolRegistrations(sourceCode, context.eslint.filename).flatMap((r) => (r.handler ? [r.handler as Node] : [])),
    );
    // Without a tool handler only an identity header can be the source, and its name is spelled in the file.
    if (handlers.size === 0 && !ANY_IDENTITY_HEADER.test(sourceCode.text)) return {};
    const lookups = new Map<Node, Origin>();
    const argument = toolArgument(flow, handlers);
    const match = handlers.size ? anyOf(identityHeader, argument, lookedUpBy(flow, argument, lookups)) : identityHeader;
    return accessUseListeners(flow, match, (sink, use, origin) => {
      if (origin.label.startsWith(TOOL_ARG)) {
        const lookup = lookups.get(origin.node);
        // `if (!userId) return 'userId is required'` validates input; only a looked-up privilege gates the caller
        const decides = use === 'an access decision' || (lookup !== undefined && use === 'a presence check that gates access');
        if (!decides || comparedWithVerified(sink)) return;
        const claim = lookup ?? origin;
        // point at the parameter that declares the argument, not at this use of it
        const declared = ((claim.node.type === 'Identifier' ? flow.variable(claim.node)?.defs[0]?.name : null) ?? claim.node) as Node;
        const related = [relatedAt(declared, `${origin.label} supplied by the model`)];
        if (lookup) related.push(relatedAt(origin.node, 'record looked up by the claimed identity'));
        context.report({
          node: sink,
          messageId: 'modelSupplied',
          data: { argument: origin.label.slice(TOOL_ARG.length), sourceLine: declared.loc.start.line, sinkLine: lineOf(sink) },
          fingerprintKey: `${origin.label}:${use}`,
          related,
        });
        return;
      }
      context.report({
        node: sink,
        messageId: 'unverified',
        data: { sourceLine: lineOf(origin.node), header: origin.label, use, sinkLine: lineOf(sink) },
        fingerprintKey: `${origin.label}:${use}`,
        related: [relatedAt(origin.node, `identity read here from ${origin.label}`)],
      });
    });
  },
});
