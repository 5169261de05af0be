import type { TSESTree } from '@typescript-eslint/types';
import { calleeName, memberChain, unwrap } from './flow.js';
import { LOG_FUNCTIONS, LOG_METHODS, LOGGER_OBJECTS, MCP_LOG_CALLS } from './tables/outbound.js';

/** Where data leaves the server, recognised from the call's shape. Shared by the logging and passthrough rules. */

/** Is this call a log write, and is it one whose output goes to the MCP client? */
export function logKind(call: TSESTree.CallExpression): 'log' | 'mcp' | null {
  const name = calleeName(call);
  if (!name) return null;
  if (MCP_LOG_CALLS.includes(name)) return 'mcp';
  const callee = unwrap(call.callee);
  if (callee.type === 'Identifier') return LOG_FUNCTIONS.includes(name) ? 'log' : null;
  if (callee.type !== 'MemberExpression' || !LOG_METHODS.includes(name)) return null;
  const chain = memberChain(callee.object);
  const last = chain?.[chain.length - 1];
  if (!last || !LOGGER_OBJECTS.includes(last)) return null;
  return last === 'mcpReq' || (chain.includes('context') && last === 'log') ? 'mcp' : 'log';
}

