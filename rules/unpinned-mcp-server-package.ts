import { createRule } from '../src/rule-kit/create-rule.js';
import { ownPackageName } from '../src/config-language/project-files.js';
import { getMcpConfig } from '../src/config-language/model.js';
import { isPinned, LAUNCHER_KEYWORDS, packageLaunch } from '../src/config-language/launch.js';

const HOW_TO_PIN = {
  npm: 'an exact version (`pkg@1.2.3`)',
  pypi: 'an exact version (`pkg==1.2.3`)',
  docker: 'a version tag or, better, a digest (`image@sha256:…`)',
};

export default createRule('unpinned-mcp-server-package', {
  meta: {
    severity: 'medium',
    language: 'config',
    description: 'MCP servers launched from a registry without a pinned version (npx, uvx, bunx, pnpm dlx, docker)',
    cwe: ['CWE-1357', 'CWE-494'],
    owasp: ['MCP04'],
    keywords: LAUNCHER_KEYWORDS,
    messages: {
      unpinned:
        '{{client}} server "{{server}}" runs `{{package}}` through {{launcher}} {{state}}: every launch runs whatever the registry serves that day, so a compromised or hijacked release reaches you silently. Pin {{pin}}.',
    },
  },
  create(ctx) {
    const filename = ctx.eslint.physicalFilename ?? ctx.eslint.filename;
    return {
      ConfigDocument() {
        const config = getMcpConfig(ctx.eslint.sourceCode);
        if (!config) return;
        let own: string | null | undefined;
        for (const server of config.servers) {
          const launch = packageLaunch(server.command, server.args);
          if (!launch || isPinned(launch)) continue;
          // The maintainers' own config running the package this repository publishes: its release is theirs already.
          if (launch.launcher.ecosystem === 'npm' && launch.name === (own ??= ownPackageName(filename, ctx.eslint.cwd))) continue;
          ctx.report({
            loc: launch.node.loc,
            messageId: 'unpinned',
            data: {
              client: config.client.name,
              server: server.name,
              package: launch.name,
              launcher: launch.launcher.name,
              state: launch.version === null ? 'without a version' : `at \`${launch.version}\``,
              pin: HOW_TO_PIN[launch.launcher.ecosystem],
            },
          });
        }
      },
    };
  },
});
