import type { Scope } from 'eslint';
import type { TSESTree } from '@typescript-eslint/types';
import { createRule, relatedAt } from '../src/rule-kit/create-rule.js';
import { anyOf, calleeName, flowOf, lineOf, memberChain, someNode, staticKey, unwrap, walk, type Flow, type SourceMatcher } from '../src/rule-kit/flow.js';
import { CREDENTIAL_SOURCE_KEYWORDS, inboundCredential, isHeaderBag, processEnvSecret, wholeAuthInfo, wholeHeaderBag } from '../src/rule-kit/sources.js';
import { isSecretName, REDACTION_CALL, SECRET_NAME_KEYWORDS } from '../src/rule-kit/tables/auth-primitives.js';
import { logKind } from '../src/rule-kit/sinks.js';
import { LOG_FUNCTIONS, LOGGER_OBJECTS, MCP_LOG_CALLS, MORGAN_SECRET_TOKENS } from '../src/rule-kit/tables/outbound.js';

type Node = TSESTree.Node;

/** Names a whole incoming request goes by in handlers and middleware. */
const REQUEST_PARAMS = new Set(['req', 'request']);

/** A parameter whose `.headers` the code reads is a request (Lambda `event`, Koa `ctx.request`, …). */
function readsHeaders(variable: Scope.Variable): boolean {
  return variable.references.some((r) => {
    const parent = (r.identifier as unknown as Node).parent;
    return parent?.type === 'MemberExpression' && parent.object === (r.identifier as unknown as Node) && staticKey(parent) === 'headers';
  });
}

/** Secrets that must not reach a log: credentials, whole header bags, AuthInfo, env, whole requests, secret-named values. */
function secretSource(flow: Flow): SourceMatcher {
  const secretNamed: SourceMatcher = (node, path) => {
    const n = unwrap(node);
    if (n.type === 'CallExpression' && REDACTION_CALL.test(calleeName(n) ?? '')) return false;
    if (path.length === 0 && n.type === 'Identifier') {
      if (isSecretName(n.name)) return n.name;
      const variable = flow.variable(n);
      if (variable?.defs[0]?.type === 'Parameter' && (REQUEST_PARAMS.has(n.name) || readsHeaders(variable))) return 'the whole request';
    }
    // header bags are named by the header matchers; `this.apiKey` is the server's own config object
    return path.length === 1 && isSecretName(path[0]) && n.type !== 'ThisExpression' && !isHeaderBag(n) ? path[0] : null;
  };
  return anyOf(inboundCredential, wholeHeaderBag, wholeAuthInfo, processEnvSecret, secretNamed);
}

/** `pino({ redact: [...] })` in the file: its loggers scrub the listed paths themselves. */
function hasPinoRedact(program: Node): boolean {
  let found = false;
  walk(program, (n) => {
    if (found || n.type !== 'CallExpression' || calleeName(n) !== 'pino') return;
    found = n.arguments.some((a) => a.type === 'ObjectExpression' && a.properties.some((p) => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'redact'));
  });
  return found;
}

/**
 * Logs are kept, shipped and read by many more people than the token's owner. MCP logging notifications go further:
 * to the client and into the model's context.
 */
export default createRule('no-secret-logging', {
  meta: {
    severity: 'high',
    language: 'js',
    description: 'Request headers, Authorization, tokens, AuthInfo, process.env or whole requests are written to logs or MCP log notifications',
    cwe: ['CWE-532'],
    owasp: ['MCP01', 'MCP08'],
    // a log call names a logger object or log function (or is morgan's format)...
    keywords: [...LOGGER_OBJECTS, ...LOG_FUNCTIONS, ...MCP_LOG_CALLS, 'morgan'].map((k) => k.toLowerCase()),
    // ...and what it logs is a credential source, a secret name or a whole request (`req`, `request`, `.headers`)
    keywordsAlso: [[...CREDENTIAL_SOURCE_KEYWORDS, ...SECRET_NAME_KEYWORDS, ...[...REQUEST_PARAMS].map((word) => ({ word }))]],
    // every report is at a log call or a morgan format: a file with neither (`const log = db.log.find(req.id)`) has nothing
    treeGate: (program) => someNode(program as Node, (n) => n.type === 'CallExpression' && (calleeName(n) === 'morgan' || logKind(n) !== null)),
    messages: {
      logged: '{{what}} (from L{{sourceLine}}) is written to {{where}} at L{{sinkLine}}; it holds credentials. Log a redacted copy or only the fields you need.',
      morgan: 'The access-log format prints the {{header}} header: every request\'s credential ends up in the log.',
    },
  },
  create(context) {
    const flow = flowOf(context.eslint.sourceCode);
    const match = secretSource(flow);
    let pinoRedacts: boolean | undefined;
    return {
      CallExpression(node) {
        if (calleeName(node) === 'morgan') {
          const fmt = node.arguments[0];
          const text = fmt && fmt.type === 'Literal' && typeof fmt.value === 'string' ? fmt.value : null;
          const m = text ? MORGAN_SECRET_TOKENS.exec(text) : null;
          if (m) context.report({ node: fmt, messageId: 'morgan', data: { header: m[1].toLowerCase() } });
          return;
        }
        const kind = logKind(node);
        if (!kind) return;
        if (kind === 'log' && unwrap(node.callee).type === 'MemberExpression' && memberChain(node.callee)?.[0] !== 'console') {
          pinoRedacts ??= hasPinoRedact(context.eslint.sourceCode.ast as unknown as Node);
          if (pinoRedacts) return;
        }
        for (const arg of node.arguments) {
          const origin = flow.contained(arg, match);
          if (!origin) continue;
          context.report({
            node: arg,
            messageId: 'logged',
            data: {
              what: origin.label,
              sourceLine: lineOf(origin.node),
              where: kind === 'mcp' ? 'an MCP log notification (sent to the client)' : 'the log',
              sinkLine: lineOf(arg),
            },
            fingerprintKey: origin.label,
            related: [relatedAt(origin.node, `${origin.label} comes from here`)],
          });
          return;
        }
      },
    };
  },
});
