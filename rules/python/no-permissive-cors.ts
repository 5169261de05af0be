// no-permissive-cors, Python: Starlette/FastAPI `CORSMiddleware` (and Flask-CORS, and CORS settings classes) that
// admit any origin, with credentials (`allow_origins=["*"], allow_credentials=True`: Starlette then reflects the
// caller's Origin) or on a server with no authentication.
import type { PythonImplementation } from '../../src/rule-kit/create-rule.js';
import { locOf, type PyModule } from '../../src/python/tree.js';
import { pyReachability } from '../../src/python/model/reachability.js';
import { pyCtx } from '../../src/python/model/scope.js';
import { pyServerModel } from '../../src/python/model/server.js';

export const noPermissiveCorsPython: PythonImplementation<'credentialed' | 'wildcard'> = {
  keywords: ['cors', 'allow_origins'],
  create(context) {
    const filename = context.eslint.physicalFilename ?? context.eslint.filename;
    return {
      module(module: PyModule) {
        const ctx = pyCtx(module, filename);
        const cors = pyServerModel(ctx).cors.filter((c) => c.origin === 'any');
        if (cors.length === 0) return;
        // A settings class has no server of its own: the project's serving decides.
        const reach = pyReachability(ctx);
        if (!reach.http) return;
        for (const c of cors) {
          const data = { origin: "allows any origin ('*')" };
          if (c.credentials) context.report({ loc: locOf(module, c.node), messageId: 'credentialed', data });
          else if (reach.auth.length === 0) context.report({ loc: locOf(module, c.node), messageId: 'wildcard', severity: 'low', data });
        }
      },
    };
  },
};
