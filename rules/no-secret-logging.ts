import type { Scope } from 'eslint';
import type { TSESTree } from '@typescript-eslint/types';
import { createRule, relatedAt } from '../src/rule-kit/create-rule.js';
import { anyOf, calleeName, flowOf, isFunction, lineOf, memberChain, someNode, staticKey, unwrap, walk, type Flow, type SourceMatcher } from '../src/rule-kit/flow.js';
import { CREDENTIAL_SOURCE_KEYWORDS, inboundCredential, isHeaderBag, processEnvSecret, wholeAuthInfo, wholeHeaderBag } from '../src/rule-kit/sources.js';
import { CSPRNG_CALLS, isSecretName, REDACTION_CALL, SECRET_NAME_KEYWORDS } from '../src/rule-kit/tables/auth-primitives.js';
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
    if (n.type === 'CallExpression' && (REDACTION_CALL.test(calleeName(n) ?? '') || isShortSlice(n))) return false;
    if (path.length === 0 && n.type === 'Identifier') {
      if (isSecretName(n.name)) return n.name;
      const variable = flow.variable(n);
      if (variable?.defs[0]?.type === 'Parameter' && (REQUEST_PARAMS.has(n.name) || readsHeaders(variable))) return 'the whole request';
    }
    // header bags are named by the header matchers; `this.apiKey` is the server's own config object; an object
    // literal in sight is read for what its field holds, not judged by the field's name (`sources.apiKey = 'env'`)
    return path.length === 1 && isSecretName(path[0]) && n.type !== 'ThisExpression' && !isHeaderBag(n) && !literalInSight(n) ? path[0] : null;
  };
  /** An object literal without spreads, or an identifier bound only to such: the trace sees what each field holds. */
  const plainObject = (e: Node): boolean => e.type === 'ObjectExpression' && e.properties.every((p) => p.type === 'Property');
  const literalInSight = (n: Node): boolean => {
    if (plainObject(n)) return true;
    if (n.type !== 'Identifier') return false;
    const defs = flow.definitions(n);
    return defs.length > 0 && defs.every((d) => d.path.length === 0 && plainObject(unwrap(d.expr)));
  };
  return anyOf(inboundCredential, wholeHeaderBag, wholeAuthInfo, processEnvSecret, secretNamed);
}

/**
 * `key.slice(0, 4)`, `token.slice(-4)`, `secret.substring(0, 8)`: a few characters, shown so a person can tell keys
 * apart. A masked display, not the secret.
 */
function isShortSlice(call: TSESTree.CallExpression): boolean {
  const method = call.callee.type === 'MemberExpression' ? staticKey(call.callee) : null;
  if (!method || !['slice', 'substring', 'substr'].includes(method)) return false;
  const num = (a: Node | undefined): number | null => {
    const n = a && unwrap(a);
    if (n?.type === 'Literal' && typeof n.value === 'number') return n.value;
    if (n?.type === 'UnaryExpression' && n.operator === '-' && n.argument.type === 'Literal' && typeof n.argument.value === 'number') return -n.argument.value;
    return null;
  };
  const [start, end] = [num(call.arguments[0]), call.arguments[1] === undefined ? undefined : num(call.arguments[1])];
  if (start === null || end === null) return false;
  if (end === undefined) return start < 0 && start >= -MASK_CHARS; // the last few
  return (method === 'substr' ? end : end - start) <= MASK_CHARS && end >= 0;
}

/** How many characters of a secret a masked display may show. */
const MASK_CHARS = 8;

/**
 * A value made by a CSPRNG when the module loads (`const DEMO_PASSWORD = randomBytes(16)…`), printed so the person who
 * started the server can use it — a demo password, a one-time setup token (Jupyter's shape). Worth knowing about
 * (info), not a leak of anyone's secret. One made while serving a request (an access token) is not this.
 */
const generatedAtStartup = (n: Node): string | null =>
  (n.type === 'CallExpression' || n.type === 'NewExpression') && CSPRNG_CALLS.test(calleeName(n) ?? '') && !insideFunction(n) ? 'generated' : null;

function insideFunction(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) if (isFunction(p)) return true;
  return false;
}

/** `if (debug)`, `if (dangerousLoggingEnabled)`, `if (process.env.VERBOSE)`: diagnostics someone has to switch on. */
const OPT_IN_DIAGNOSTICS = /debug|verbose|trace|dangerous|unsafe|insecure/i;

function behindOptInFlag(node: Node): boolean {
  for (let p: Node | undefined = node.parent; p; p = p.parent) {
    if (p.type === 'IfStatement' && (p.consequent === node || isInside(node, p.consequent))) {
      const test = unwrap(p.test);
      const name = test.type === 'Identifier' || test.type === 'MemberExpression' ? memberChain(test)?.join('.') : null;
      if (name && OPT_IN_DIAGNOSTICS.test(name)) return true;
    }
  }
  return false;
}

const isInside = (node: Node, outer: Node): boolean => outer.range[0] <= node.range[0] && node.range[1] <= outer.range[1];

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
          const advisory = behindOptInFlag(node) || flow.contained(arg, generatedAtStartup) !== null;
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
            ...(advisory ? { severity: 'info' as const } : {}),
          });
          return;
        }
      },
    };
  },
});
