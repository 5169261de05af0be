import type { TSESTree } from '@typescript-eslint/types';
import { getToolRegistrations } from '../src/mcp-model/tools.js';
import { createRule, relatedAt } from '../src/rule-kit/create-rule.js';
import { anyOf, calleeName, findProperty, flowOf, isFunction, lineOf, literalString, returnedExpressions, unwrap, type SourceMatcher } from '../src/rule-kit/flow.js';
import { CREDENTIAL_SOURCE_KEYWORDS, inboundCredential, processEnvSecret, wholeAuthInfo, wholeHeaderBag } from '../src/rule-kit/sources.js';
import { SECRET_FILES } from '../src/rule-kit/tables/outbound.js';

type Node = TSESTree.Node;

/** Keys of a tool, resource or prompt result whose values the client hands to the model. */
const RESULT_KEYS = ['content', 'contents', 'structuredContent', 'messages'];

/** `fs.readFileSync('.env')`, `readFile('~/.ssh/id_rsa')`: reading a secret file. */
const secretFile: SourceMatcher = (node) => {
  const n = unwrap(node);
  if (n.type !== 'CallExpression' || !/^readFile(Sync)?$/.test(calleeName(n) ?? '')) return null;
  const path = n.arguments[0] ? literalString(n.arguments[0]) : null;
  return path && SECRET_FILES.test(path) ? `the file ${path}` : null;
};

const secret = anyOf(processEnvSecret, inboundCredential, wholeHeaderBag, wholeAuthInfo, secretFile);

/** A returned object literal shaped like an MCP result (`{ content: [...] }`). */
function isResultObject(node: Node): node is TSESTree.ObjectExpression {
  return node.type === 'ObjectExpression' && RESULT_KEYS.some((k) => findProperty(node, k));
}

/**
 * Whatever a tool returns goes to the model, and from the model to wherever a prompt injection tells it to send it.
 * Tokens, keys and header bags in results are secrets handed to the least trusted party in the system.
 */
export default createRule('no-secret-in-tool-result', {
  meta: {
    severity: 'critical',
    language: 'js',
    description: 'process.env secrets, tokens, Authorization/Cookie headers or whole header bags are returned in tool, resource or prompt results',
    cwe: ['CWE-200', 'CWE-522'],
    owasp: ['MCP01', 'MCP10'],
    // a result key (`content` is in `structuredContent`) or a fastmcp `execute`, and a secret source in the file
    keywords: [...RESULT_KEYS.map((k) => k.toLowerCase()), 'execute'],
    keywordsAlso: [[...CREDENTIAL_SOURCE_KEYWORDS, 'readfile']],
    messages: {
      returned: '{{what}} (read at L{{sourceLine}}) is returned to the model at L{{sinkLine}}. Tool results reach the model and anything a prompt injection asks it to do; return only non-secret data.',
    },
  },
  create(context) {
    const sourceCode = context.eslint.sourceCode;
    const flow = flowOf(sourceCode);
    const reported = new Set<Node>();
    const check = (value: Node): void => {
      if (reported.has(value)) return;
      const origin = flow.contained(value, secret);
      if (!origin) return;
      reported.add(value);
      context.report({
        node: value,
        messageId: 'returned',
        data: { what: origin.label, sourceLine: lineOf(origin.node), sinkLine: lineOf(value) },
        fingerprintKey: origin.label,
        related: [relatedAt(origin.node, `${origin.label} read here`)],
      });
    };
    const checkResult = (obj: TSESTree.ObjectExpression): void => {
      for (const k of RESULT_KEYS) {
        const p = findProperty(obj, k);
        if (p) check(p.value);
      }
    };
    return {
      ReturnStatement(node) {
        const arg = node.argument ? unwrap(node.argument) : null;
        if (arg && isResultObject(arg)) checkResult(arg);
      },
      ArrowFunctionExpression(node) {
        const body = unwrap(node.body);
        if (isResultObject(body)) checkResult(body);
      },
      'Program:exit'() {
        // fastmcp `execute` may return a plain string: the whole return value is the result
        for (const reg of getToolRegistrations(sourceCode, context.eslint.filename)) {
          if (reg.framework !== 'fastmcp' || !reg.handler || !isFunction(reg.handler as Node)) continue;
          for (const r of returnedExpressions(reg.handler as TSESTree.FunctionDeclaration)) {
            if (!isResultObject(unwrap(r))) check(r);
          }
        }
      },
    };
  },
});
