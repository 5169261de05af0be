import rule from '../../rules/no-mcp-auto-approve.js';
import { configRuleTester } from '../config-language/rule-tester.js';

const json = (v: unknown): string => JSON.stringify(v, null, 2);

configRuleTester().run('no-mcp-auto-approve', rule, {
  valid: [
    { filename: 'cline_mcp_settings.json', code: json({ mcpServers: { a: { command: 'node', alwaysAllow: [] } } }) },
    { filename: '.gemini/settings.json', code: json({ mcpServers: { a: { command: 'node', trust: false } } }) },
    { filename: '.claude/settings.json', code: json({ enableAllProjectMcpServers: false, permissions: { allow: ['mcp__github__get_issue', 'Bash(npm test)'] } }) },
    // A key of the same name outside a server or in an unrelated file.
    { filename: 'config/config.yaml', code: 'trust: true\n' },
  ],
  invalid: [
    {
      filename: 'cline_mcp_settings.json',
      code: json({ mcpServers: { a: { command: 'node', alwaysAllow: ['delete_repo'] } } }),
      errors: [{ messageId: 'autoApprove', line: 5, column: 22 }],
    },
    {
      filename: '.roo/mcp.json',
      code: json({ mcpServers: { a: { command: 'node', autoApprove: ['run_sql'] } } }),
      errors: [{ messageId: 'autoApprove', line: 5, column: 22 }],
    },
    {
      filename: '.gemini/settings.json',
      code: json({ mcpServers: { a: { command: 'node', trust: true } } }),
      errors: [{ messageId: 'autoApprove', line: 5, column: 16 }],
    },
    {
      filename: '.claude/settings.json',
      code: json({ enableAllProjectMcpServers: true, permissions: { allow: ['mcp__github', 'mcp__fs__*', 'mcp__github__get_issue'] } }),
      errors: [
        { messageId: 'autoApprove', line: 2, column: 33 },
        { messageId: 'autoApprove', line: 5, column: 7 },
        { messageId: 'autoApprove', line: 6, column: 7 },
      ],
    },
    {
      filename: 'home/.config/goose/config.yaml',
      code: 'GOOSE_MODE: auto\nextensions:\n  gh:\n    cmd: gh-mcp\n',
      errors: [{ messageId: 'autoApprove', line: 1, column: 13 }],
    },
  ],
});
