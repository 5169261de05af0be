// no-unauthenticated-public-bind, Python: `uvicorn.run(app, host="0.0.0.0")`, `mcp.run(transport="http",
// host="0.0.0.0")`, `FastMCP(host="0.0.0.0")`, aiohttp's `run_app` (every interface by default), with no auth gate.
import type { PythonImplementation } from '../../src/rule-kit/create-rule.js';
import { locOf, type PyModule } from '../../src/python/tree.js';
import { pyReachability } from '../../src/python/model/reachability.js';
import { pyCtx } from '../../src/python/model/scope.js';
import { pyBindsAllInterfaces, pyServerModel } from '../../src/python/model/server.js';

export const noUnauthenticatedPublicBindPython: PythonImplementation<'pyPublicBind'> = {
  keywords: ['0.0.0.0', '::', 'run_app', 'host'],
  // a listen: `run(…)`, `uvicorn.Config(…)`, aiohttp's `run_app`, and a served web app or MCP transport
  keywordsAlso: [['run', 'config(']],
  messages: {
    pyPublicBind:
      'Server listens on {{host}} with no authentication: anyone who can reach this machine can call it. Bind 127.0.0.1, or put an auth gate in front of it (FastMCP auth= or token_verifier=, an authentication middleware or dependency).',
  },
  create(context) {
    const filename = context.eslint.physicalFilename ?? context.eslint.filename;
    return {
      module(module: PyModule) {
        const ctx = pyCtx(module, filename);
        const model = pyServerModel(ctx);
        const open = model.listens.filter(pyBindsAllInterfaces);
        if (open.length === 0 || !model.transports.some((t) => t.kind !== 'stdio')) return;
        if (pyReachability(ctx).auth.length > 0) return;
        for (const l of open) {
          context.report({ loc: locOf(module, l.node), messageId: 'pyPublicBind', data: { host: `'${l.host}' (all interfaces)` } });
        }
      },
    };
  },
};
