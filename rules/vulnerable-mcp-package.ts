import { createRule } from '../src/rule-kit/create-rule.js';
import { getMcpConfig } from '../src/config-language/model.js';
import { ADVISORIES, ADVISORY_PACKAGES } from '../src/config-language/advisories.js';
import { packageLaunch } from '../src/config-language/launch.js';
import { compareVersions, rangeAdmits } from '../src/config-language/semver.js';
import { getValue, type ConfigScalar } from '../src/config-language/tree.js';
import { severityRank } from '../src/rule-kit/severity.js';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** Advisories a version range of `pkg` admits; null when the range is not a semver range (tag, URL, path). */
function advisoriesFor(pkg: string, range: string) {
  const spec = range.replace(/^workspace:/, '');
  const matched = ADVISORIES.filter((a) => a.package === pkg && rangeAdmits(spec, a.fixed, a.introduced) === true);
  return matched.length ? matched : null;
}

export default createRule('vulnerable-mcp-package', {
  meta: {
    severity: 'high',
    language: 'config',
    description: 'MCP packages at versions with published advisories (mcp-remote, MCP Inspector, the TypeScript SDK)',
    cwe: ['CWE-1395'],
    owasp: ['MCP04'],
    keywords: ADVISORY_PACKAGES,
    messages: {
      vulnerable:
        '`{{package}}` {{where}} `{{range}}` admits versions affected by {{advisories}}. Require at least {{fixed}}.',
    },
  },
  create(ctx) {
    return {
      ConfigDocument() {
        const config = getMcpConfig(ctx.eslint.sourceCode);
        if (!config) return;
        const report = (node: ConfigScalar, pkg: string, range: string, where: string): void => {
          const matched = advisoriesFor(pkg, range);
          if (!matched) return;
          ctx.report({
            loc: node.loc,
            messageId: 'vulnerable',
            data: {
              package: pkg,
              where,
              range,
              advisories: matched.map((a) => (a.ids.length ? `${a.ids[0]} (${a.summary})` : a.summary)).join(', '),
              fixed: matched.map((a) => a.fixed).sort(compareVersions).at(-1)!,
            },
            severity: matched.map((a) => a.severity).sort((a, b) => severityRank(b) - severityRank(a))[0],
          });
        };
        for (const field of DEPENDENCY_FIELDS) {
          const deps = getValue(config.root, field);
          if (deps?.type !== 'ConfigObject') continue;
          for (const m of deps.members) {
            if (m.value.type === 'ConfigScalar' && typeof m.value.value === 'string' && ADVISORY_PACKAGES.includes(m.key.name)) {
              report(m.value, m.key.name, m.value.value, `in ${field} at`);
            }
          }
        }
        for (const server of config.servers) {
          const launch = packageLaunch(server.command, server.args);
          // No version at all is the unpinned rule's finding.
          if (launch?.launcher.ecosystem === 'npm' && launch.version) {
            report(launch.node, launch.name, launch.version, `launched by ${config.client.name} server "${server.name}" at`);
          }
        }
      },
    };
  },
});
