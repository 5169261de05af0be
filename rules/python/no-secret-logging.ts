// no-secret-logging, Python: credentials written by `logging`/`logger` calls, `print`, or the MCP log
// notifications of a tool's Context (`await ctx.info(…)`, which go to the client and from there to the model).
// A module that asks its user for input at a terminal (`input()`, `getpass()`) is a CLI showing that user their
// own values: its output is not a log.
import type { PythonImplementation } from '../../src/rule-kit/create-rule.js';
import { relatedAt } from '../../src/rule-kit/create-rule.js';
import { LOG_METHODS, LOGGER_OBJECTS } from '../../src/rule-kit/tables/outbound.js';
import { SECRET_NAME_KEYWORDS } from '../../src/rule-kit/tables/auth-primitives.js';
import { CREDENTIAL_HEADERS } from '../../src/rule-kit/tables/identity-headers.js';
import { child, locOf, memberPath, nodesOf, parameters, type PyModule, type PyNode } from '../../src/python/tree.js';
import { secretIn } from '../../src/python/model/secrets.js';
import { functionOf } from '../../src/python/model/sources.js';

const PY_LOG_METHODS = new Set([...LOG_METHODS, 'warning', 'exception']);
const PY_LOGGERS = new Set([...LOGGER_OBJECTS, 'logging', '_logger', '_log', 'LOGGER', 'LOG', 'log_']);
/** MCP log notifications on a tool's Context. */
const MCP_LOG_METHODS = new Set(['debug', 'info', 'warning', 'error', 'log', 'report_progress']);
/** Asking the person at the terminal: `input()`, `getpass()`, `click.prompt()`. */
const INTERACTIVE = /^(input|getpass|getpass\.getpass|(click|typer)\.(prompt|confirm))$/;

/** Where a call writes: the log, the MCP client (a Context's log methods), or nowhere we know. */
function logTarget(call: PyNode): 'the log' | "the MCP client's log" | null {
  const path = memberPath(child(call, 'function'));
  if (!path) return null;
  const last = path[path.length - 1];
  if (path.length === 1) return last === 'print' ? 'the log' : null;
  const receiver = path[path.length - 2].replace(/\(\)$/, '');
  if (path.join('.') === 'sys.stdout.write' || path.join('.') === 'sys.stderr.write') return 'the log';
  if (MCP_LOG_METHODS.has(last) && isContextParameter(call, receiver)) return "the MCP client's log";
  return PY_LOG_METHODS.has(last) && (PY_LOGGERS.has(receiver) || /logger$|^log$/i.test(receiver)) ? 'the log' : null;
}

/** `ctx` of `async def tool(x: str, ctx: Context)`. */
function isContextParameter(node: PyNode, name: string): boolean {
  const fn = functionOf(node);
  const p = fn && parameters(fn).find((x) => x.name === name);
  return !!p && (/Context/.test(p.type ? (memberPath(p.type)?.join('.') ?? '') : '') || name === 'ctx');
}

export const noSecretLoggingPython: PythonImplementation<'logged'> = {
  // print, logging/logger, sys.stdout.write, and a Context's MCP log methods (`ctx.info`, `ctx.warning`, …)
  keywords: ['print', 'log', 'write', 'debug', 'info', 'warning', 'error', 'report_progress'],
  keywordsAlso: [[...SECRET_NAME_KEYWORDS, ...CREDENTIAL_HEADERS, 'header', 'environ', 'get_access_token']],
  create(context) {
    return {
      module(module: PyModule) {
        const calls = nodesOf(module, 'call');
        if (calls.some((c) => INTERACTIVE.test(memberPath(child(c, 'function'))?.join('.') ?? ''))) return;
        for (const call of calls) {
          const where = logTarget(call);
          if (!where) continue;
          const origin = secretIn(child(call, 'arguments'));
          if (!origin) continue;
          const loc = locOf(module, call);
          context.report({
            loc,
            messageId: 'logged',
            data: { what: origin.label, sourceLine: locOf(module, origin.node).start.line, where, sinkLine: loc.start.line },
            fingerprintKey: `${origin.label}:${where}`,
            related: [relatedAt({ loc: locOf(module, origin.node) }, `${origin.label} holds a credential`)],
          });
        }
      },
    };
  },
};
