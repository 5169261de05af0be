// no-secret-in-tool-result, Python: a tool, resource or prompt handler that returns a credential to the model: the
// environment or a secret variable from it, the inbound Authorization header or the request's headers, the caller's
// access token, or the content of a secret file (`.env`, keys).
import type { PythonImplementation } from '../../src/rule-kit/create-rule.js';
import { relatedAt } from '../../src/rule-kit/create-rule.js';
import { SECRET_FILES } from '../../src/rule-kit/tables/outbound.js';
import { SECRET_NAME_KEYWORDS } from '../../src/rule-kit/tables/auth-primitives.js';
import { CREDENTIAL_HEADERS } from '../../src/rule-kit/tables/identity-headers.js';
import { calleeName, child, locOf, moduleOf, positionalArgs, stringValue, walk, type PyModule, type PyNode } from '../../src/python/tree.js';
import { pyCtx, resolveString, returnedValues, type PyCtx } from '../../src/python/model/scope.js';
import { secretIn } from '../../src/python/model/secrets.js';
import { PY_REGISTRATION_MARKERS, pyToolRegistrations } from '../../src/python/model/tools.js';

/** `open(".env").read()`, `Path("~/.aws/credentials").read_text()`: the content of a secret file. */
function secretFileRead(ctx: PyCtx, value: PyNode): PyNode | null {
  let hit: PyNode | null = null;
  walk(value, (n) => {
    if (hit || n.type !== 'call') return;
    const name = calleeName(n) ?? '';
    if (name !== 'open' && name !== 'Path' && name !== 'read_text') return;
    const target = positionalArgs(n)[0];
    const path = target ? (stringValue(target) ?? resolveString(ctx, target)) : null;
    if (path && SECRET_FILES.test(path)) hit = n;
  });
  return hit;
}

export const noSecretInToolResultPython: PythonImplementation<'returned'> = {
  keywords: ['environ', 'getenv', 'header', 'get_access_token', '.env', ...SECRET_NAME_KEYWORDS, ...CREDENTIAL_HEADERS],
  // only tools, resources and prompts return to the model
  keywordsAlso: [[...PY_REGISTRATION_MARKERS.map((m) => m.toLowerCase()), '@app.', '@router.']],
  create(context) {
    const filename = context.eslint.physicalFilename ?? context.eslint.filename;
    return {
      module(module: PyModule) {
        const ctx = pyCtx(module, filename);
        for (const reg of pyToolRegistrations(ctx)) {
          if (!reg.handler || moduleOf(reg.handler) !== module) continue;
          for (const value of returnedValues(reg.handler)) {
            const file = secretFileRead(ctx, value);
            const origin = file ? { label: 'a secret file', node: file } : secretIn(value, 0, true);
            if (!origin) continue;
            const at = value.parent ?? value;
            context.report({
              loc: locOf(module, at),
              messageId: 'returned',
              data: { what: origin.label, sourceLine: locOf(module, origin.node).start.line, sinkLine: locOf(module, at).start.line },
              fingerprintKey: `${reg.name ?? '?'}:${origin.label}`,
              related: [relatedAt({ loc: locOf(module, origin.node) }, `${origin.label} holds a credential`)],
            });
          }
        }
      },
    };
  },
};
