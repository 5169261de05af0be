import { relative, dirname } from 'node:path';
import type { TSESTree } from '@typescript-eslint/types';
import { createRule, relatedAt } from '../src/rule-kit/create-rule.js';
import type { Severity } from '../src/rule-kit/severity.js';
import { analyzeRegistration, type SinkHit } from '../src/mcp-model/analysis.js';
import { objectProperty } from '../src/mcp-model/ast.js';
import { reachability, type Reachability } from '../src/mcp-model/reachability.js';
import { moduleCtx } from '../src/mcp-model/resolve.js';
import { getToolRegistrations, mayRegister, REGISTRATION_KEYWORDS, type ToolRegistration } from '../src/mcp-model/tools.js';

type MessageId = 'unauthenticated' | 'notAuthorized' | 'stdio' | 'unknownTransport';

/** Which finding a risky, unchecked tool gets, by how its server is reached (the Python implementation's too). */
export function verdict(reach: Pick<Reachability, 'http' | 'stdio'> & { auth: readonly unknown[] }): { messageId: MessageId; severity: Severity } {
  if (reach.http) return reach.auth.length > 0 ? { messageId: 'notAuthorized', severity: 'medium' } : { messageId: 'unauthenticated', severity: 'high' };
  if (reach.stdio) return { messageId: 'stdio', severity: 'info' };
  return { messageId: 'unknownTransport', severity: 'low' };
}

/** fastmcp `canAccess` is a per-tool check only when `authenticate` runs; without it fastmcp skips canAccess. */
function fastmcpGuarded(reg: ToolRegistration, reach: Reachability): boolean {
  return reg.framework === 'fastmcp' && !!objectProperty(reg.registration, 'canAccess') && reach.auth.some((a) => a.fact.kind === 'fastmcp');
}

function where(sink: SinkHit, linted: string): string {
  const line = sink.node.loc.start.line;
  return sink.file ? `${relative(dirname(linted), sink.file)}:${line}` : `line ${line}`;
}

export default createRule<MessageId>('require-tool-authorization', {
  meta: {
    severity: 'high',
    language: 'js',
    description: 'A tool that executes, writes, deletes, pays or sends must check the caller’s identity or scopes.',
    cwe: ['CWE-862', 'CWE-285'],
    owasp: ['MCP07', 'MCP02'],
    keywords: REGISTRATION_KEYWORDS,
    textGate: mayRegister,
    messages: {
      unauthenticated:
        "{{kind}} '{{tool}}' reaches {{sink}} ({{where}}) on a server reachable over HTTP with no authentication, and its handler never checks the caller's identity or scopes.",
      notAuthorized:
        "{{kind}} '{{tool}}' reaches {{sink}} ({{where}}) with no per-tool check: authenticated but not authorized: every authenticated user can call it.",
      stdio:
        "{{kind}} '{{tool}}' reaches {{sink}} ({{where}}) with no identity check; stdio: runs with the launching user's rights (process trust).",
      unknownTransport:
        "{{kind}} '{{tool}}' reaches {{sink}} ({{where}}) and never checks the caller's identity or scopes; no transport was found for its server.",
    },
  },
  create(context) {
    const sourceCode = context.eslint.sourceCode;
    const filename = context.eslint.physicalFilename ?? context.eslint.filename;
    return {
      Program(program) {
        const regs = getToolRegistrations(sourceCode, filename);
        if (regs.length === 0) return;
        const ctx = moduleCtx(program as TSESTree.Program, filename);
        let reach: Reachability | undefined;
        for (const reg of regs) {
          const facts = analyzeRegistration(reg, ctx);
          if (facts.sinks.length === 0 || facts.identity.length > 0) continue;
          reach ??= reachability(ctx, sourceCode.text);
          if (fastmcpGuarded(reg, reach)) continue;
          const sink = facts.sinks[0];
          const { messageId, severity } = verdict(reach);
          context.report({
            node: reg.nameNode,
            messageId,
            severity,
            data: { kind: reg.kind === 'tool' ? 'Tool' : reg.kind === 'resource' ? 'Resource' : 'Prompt', tool: reg.name ?? '(dynamic name)', sink: sink.label, where: where(sink, filename) },
            fingerprintKey: `${reg.kind}:${reg.name ?? '?'}:${sink.def.id}`,
            related: facts.sinks.slice(0, 3).map((s) => relatedAt(s.node, `${s.def.category} sink: ${s.label}`, s.file)),
          });
        }
      },
    };
  },
});
