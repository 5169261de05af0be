import { createRule } from '../src/rule-kit/create-rule.js';
import { getMcpConfig } from '../src/config-language/model.js';
import { getMember, type ConfigMember, type ConfigObject, type ConfigScalar, type ConfigValue } from '../src/config-language/tree.js';

/**
 * Settings that skip the human confirmation of tool calls (reference §6.3 item 8), as data: where the key sits
 * (in a server, or at the top of the file), and which values turn approval off.
 */
interface AutoApproveSetting {
  key: string;
  scope: 'server' | 'root';
  /** Does this value skip approval? */
  enables(value: ConfigValue): ConfigValue[];
  what: string;
}

const isTrue = (v: ConfigValue): ConfigValue[] => (v.type === 'ConfigScalar' && v.value === true ? [v] : []);
const nonEmptyList = (v: ConfigValue): ConfigValue[] => (v.type === 'ConfigArray' && v.elements.length > 0 ? [v] : isTrue(v));
/** Claude Code `permissions.allow` entries that allow a whole server or every server (`mcp__github`, `mcp__x__*`, `mcp__*`). */
const BROAD_MCP_PERMISSION = /^mcp__(?:\*|[^_*]+(?:__\*)?)$/;

const AUTO_APPROVE_SETTINGS: AutoApproveSetting[] = [
  { key: 'alwaysAllow', scope: 'server', enables: nonEmptyList, what: 'runs the listed tools without asking' },
  { key: 'autoApprove', scope: 'server', enables: nonEmptyList, what: 'runs the listed tools without asking' },
  { key: 'trust', scope: 'server', enables: isTrue, what: 'skips every tool-call confirmation' },
  { key: 'enableAllProjectMcpServers', scope: 'root', enables: isTrue, what: 'starts every server a checked-in .mcp.json names, without approval' },
  {
    key: 'permissions',
    scope: 'root',
    enables: (v) => {
      const allow = getMember(v, 'allow')?.value;
      return allow?.type === 'ConfigArray'
        ? allow.elements.filter((e) => e.type === 'ConfigScalar' && BROAD_MCP_PERMISSION.test(String(e.value)))
        : [];
    },
    what: 'pre-approves every tool of an MCP server',
  },
  {
    key: 'GOOSE_MODE',
    scope: 'root',
    enables: (v) => (v.type === 'ConfigScalar' && v.value === 'auto' ? [v] : []),
    what: 'runs every tool call without asking',
  },
];

export default createRule('no-mcp-auto-approve', {
  meta: {
    severity: 'medium',
    language: 'config',
    description: 'MCP client settings that auto-approve tool calls or servers, removing the human check',
    cwe: ['CWE-862'],
    owasp: ['MCP03', 'MCP06'],
    keywords: [...AUTO_APPROVE_SETTINGS.map((s) => s.key.toLowerCase()), 'mcp__'],
    messages: {
      autoApprove:
        '`{{key}}` in {{where}} {{what}}: a prompt-injected or compromised server can then act without anyone seeing it. Keep approvals per call, or allow only named read-only tools.',
    },
  },
  create(ctx) {
    return {
      ConfigDocument() {
        const config = getMcpConfig(ctx.eslint.sourceCode);
        if (!config) return;
        const check = (obj: ConfigValue | null, scope: AutoApproveSetting['scope'], where: string): void => {
          for (const s of AUTO_APPROVE_SETTINGS) {
            if (s.scope !== scope) continue;
            const member: ConfigMember | undefined = getMember(obj, s.key);
            if (!member) continue;
            for (const node of s.enables(member.value)) {
              // A list entry (`permissions.allow`) is named with its value, so the message says which one.
              const key = node === member.value ? s.key : `${s.key}: ${String((node as ConfigScalar).value)}`;
              ctx.report({ loc: node.loc, messageId: 'autoApprove', data: { key, where, what: s.what } });
            }
          }
        };
        check(config.root, 'root', `the ${config.client.name} config`);
        for (const server of config.servers) {
          if (server.node !== (config.root as ConfigObject | null)) check(server.node, 'server', `${config.client.name} server "${server.name}"`);
        }
      },
    };
  },
});
