// require-tool-authorization, Python: a tool, resource or prompt whose handler reaches a risky sink (followed into
// helpers and imported modules) and never consults the caller's identity or scopes; severity by how its server is
// reached, as in JS (stdio: process trust).
import { dirname, relative } from 'node:path';
import type { PythonImplementation } from '../../src/rule-kit/create-rule.js';
import { relatedAt } from '../../src/rule-kit/create-rule.js';
import { locOf, moduleOf, type PyModule } from '../../src/python/tree.js';
import { analyzePyRegistration, type PySinkHit } from '../../src/python/model/analysis.js';
import { pyReachability, type PyReachability } from '../../src/python/model/reachability.js';
import { pyCtx } from '../../src/python/model/scope.js';
import { PY_REGISTRATION_MARKERS, pyToolRegistrations } from '../../src/python/model/tools.js';
import { verdict } from '../require-tool-authorization.js';

function where(sink: PySinkHit, linted: string): string {
  const line = locOf(moduleOf(sink.node), sink.node).start.line;
  return sink.file ? `${relative(dirname(linted), sink.file)}:${line}` : `line ${line}`;
}

export const requireToolAuthorizationPython: PythonImplementation<'unauthenticated' | 'notAuthorized' | 'stdio' | 'unknownTransport'> = {
  keywords: [...PY_REGISTRATION_MARKERS.map((m) => m.toLowerCase()), '@app.', '@router.'],
  create(context) {
    const filename = context.eslint.physicalFilename ?? context.eslint.filename;
    return {
      module(module: PyModule) {
        const ctx = pyCtx(module, filename);
        const regs = pyToolRegistrations(ctx);
        let reach: PyReachability | undefined;
        for (const reg of regs) {
          if (reg.authorizedAtRegistration) continue;
          const facts = analyzePyRegistration(reg, ctx, regs);
          if (facts.sinks.length === 0 || facts.identity.length > 0) continue;
          reach ??= pyReachability(ctx);
          const sink = facts.sinks[0];
          const { messageId, severity } = verdict(reach);
          context.report({
            loc: locOf(module, reg.nameNode),
            messageId,
            severity,
            data: { kind: reg.kind === 'tool' ? 'Tool' : reg.kind === 'resource' ? 'Resource' : 'Prompt', tool: reg.name ?? '(dynamic name)', sink: sink.label, where: where(sink, filename) },
            fingerprintKey: `${reg.kind}:${reg.name ?? '?'}:${sink.def.id}`,
            related: facts.sinks.slice(0, 3).map((s) => relatedAt({ loc: locOf(moduleOf(s.node), s.node) }, `${s.def.category} sink: ${s.label}`, s.file)),
          });
        }
      },
    };
  },
};
