import type { TSESTree } from '@typescript-eslint/types';
import { createRule, type RelatedLocation } from '../src/rule-kit/create-rule.js';
import { auditGaps, projectPosture, type Place } from '../src/mcp-model/posture.js';
import { moduleCtx } from '../src/mcp-model/resolve.js';
import { SERVER_MARKERS, serverModel } from '../src/mcp-model/server.js';

/** Names listed in the message; the rest are counted. */
const LISTED = 5;

const locOf = (p: Place) => ({ start: { line: p.line, column: p.column - 1 }, end: { line: p.endLine, column: p.endColumn - 1 } });

/**
 * "Who called delete_repo yesterday?" has no answer when the server that authenticated the caller never wrote it
 * down. One finding per server, at its gate, naming its unaudited mutating tools.
 */
export default createRule<'unaudited'>('require-audit-trail', {
  meta: {
    severity: 'low',
    language: 'js',
    description: 'An authenticated MCP server must record who called its mutating tools (the verified caller and the tool).',
    cwe: ['CWE-778'],
    owasp: ['MCP08'],
    // an enforced gate lives in a module that serves MCP…
    keywords: SERVER_MARKERS.map((m) => m.toLowerCase()),
    // …and is named like one (requireBearerAuth, withMcpAuth, authenticate, OAuthProvider, an auth middleware)
    keywordsAlso: [['auth', 'bearer', 'jwt', 'token', 'apikey', 'api_key', 'guard', 'protect', 'verif', 'session']],
    messages: {
      unaudited:
        'This server authenticates its callers but {{count}} mutating tool(s) leave no record of who called them: {{tools}}. Log the verified caller (e.g. authInfo.clientId) with the tool name and its arguments (or a digest) in each handler, or once in a wrapper every tools/call passes through.',
    },
  },
  create(context) {
    const sourceCode = context.eslint.sourceCode;
    const filename = context.eslint.physicalFilename ?? context.eslint.filename;
    return {
      Program(program) {
        const model = serverModel(moduleCtx(program as TSESTree.Program, filename), sourceCode.text);
        if (!model.auth.some((a) => a.enforced)) return;
        for (const { gate, tools } of auditGaps(projectPosture(filename, sourceCode.text))) {
          if (gate.place.file !== filename) continue;
          const names = tools.map((t) => `'${t.name ?? '(dynamic name)'}'`);
          const related: RelatedLocation[] = tools.slice(0, LISTED).map((t) => ({
            line: t.place.line,
            column: t.place.column,
            message: `mutating tool ${t.name ?? '(dynamic name)'} records no caller`,
            ...(t.place.file !== filename ? { file: t.place.file } : {}),
          }));
          context.report({
            loc: locOf(gate.place),
            messageId: 'unaudited',
            severity: tools.some((t) => t.highImpact) ? 'medium' : 'low',
            data: { count: tools.length, tools: names.length > LISTED ? `${names.slice(0, LISTED).join(', ')} and ${names.length - LISTED} more` : names.join(', ') },
            fingerprintKey: 'audit-trail',
            related,
          });
        }
      },
    };
  },
});
