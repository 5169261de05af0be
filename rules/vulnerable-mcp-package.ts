import { dirname } from 'node:path';
import semver from 'semver';
import { createRule } from '../src/rule-kit/create-rule.js';
import { getMcpConfig } from '../src/config-language/model.js';
import { ADVISORIES, ADVISORY_PACKAGES, type Advisory } from '../src/config-language/advisories.js';
import { packageLaunch } from '../src/config-language/launch.js';
import { findLockfile, lockedVersion } from '../src/config-language/lockfile.js';
import { getValue, type ConfigScalar } from '../src/config-language/tree.js';
import { packageServing, type PackageServing } from '../src/mcp-model/reachability.js';
import { severityRank, type Severity } from '../src/rule-kit/severity.js';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** The versions an advisory affects, as an npm range. */
const affected = (a: Advisory): string => `>=${a.introduced ?? '0.0.0'} <${a.fixed}`;

/** Does the package's own source reach the flaw? */
function reached(a: Advisory, serving: () => PackageServing): boolean {
  if (!a.reachedWhen) return true;
  const s = serving();
  if (a.reachedWhen === 'http-unauthenticated') return s.http && !s.authenticated;
  if (a.reachedWhen === 'http-shared-instance') return s.sharedInstance;
  return s.server && s.resourceTemplates;
}

const worst = (list: Severity[]): Severity => list.sort((a, b) => severityRank(b) - severityRank(a))[0];
const atMost = (s: Severity, cap: Severity): Severity => (severityRank(s) > severityRank(cap) ? cap : s);

const WHY_UNREACHED: Record<NonNullable<Advisory['reachedWhen']>, string> = {
  'http-unauthenticated': 'no unauthenticated HTTP transport',
  'http-shared-instance': 'no server instance shared across HTTP requests',
  'resource-templates': 'no resource templates',
};

/**
 * A dependency on a package with published advisories. What decides the finding, and its severity:
 * - the version installed: the lockfile's (a range the lockfile resolves to a fixed version is silent), an exact pin,
 *   or, with neither, a range — which a fresh install resolves to a fixed version when the range admits one (low: a
 *   stale lockfile elsewhere may not);
 * - reachability from the package's own source: an SDK flaw in HTTP transports is not reached by a stdio-only server,
 *   nor by a client sample (low, or info for a range);
 * - the dependency kind: a devDependency is not shipped (at most low), a peerDependency is the consumer's pick (info).
 */
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
        '`{{package}}` {{where}} `{{range}}`{{installed}} is affected by {{advisories}}{{unreached}}. Require at least {{fixed}}.',
      rangeAdmits:
        '`{{package}}` {{where}} `{{range}}` admits versions affected by {{advisories}}{{unreached}}; a fresh install gets a fixed one, a stale lockfile may not. Raise the floor to {{fixed}}.',
    },
  },
  create(ctx) {
    const filename = ctx.eslint.physicalFilename ?? ctx.eslint.filename;
    let servingFacts: PackageServing | undefined;
    const serving = () => (servingFacts ??= packageServing(filename));
    let lock: ReturnType<typeof findLockfile> | undefined;
    const lockfile = () => (lock === undefined ? (lock = findLockfile(filename, ctx.eslint.cwd)) : lock);

    return {
      ConfigDocument() {
        const config = getMcpConfig(ctx.eslint.sourceCode);
        if (!config) return;
        const isManifest = /(^|[\\/])package\.json$/.test(filename);

        const report = (node: ConfigScalar, pkg: string, range: string, where: string, field: string | null): void => {
          const spec = range.replace(/^workspace:/, '');
          if (!semver.validRange(spec)) return; // a dist-tag, URL or path: not a version statement
          const candidates = ADVISORIES.filter((a) => a.package === pkg && semver.intersects(spec, affected(a)));
          if (candidates.length === 0) return;
          const locked = isManifest && field ? lockfile() : null;
          const version = locked ? lockedVersion(locked, dirname(filename), pkg) : null;
          const exact = semver.valid(spec);
          const installedVersion = version && semver.valid(version) ? version : exact;
          const hits = installedVersion ? candidates.filter((a) => semver.satisfies(installedVersion, affected(a))) : candidates;
          if (hits.length === 0) return; // the lockfile installs a fixed version
          // A client config launches the package as it is: npx runs a cached version that satisfies the range.
          const launched = !isManifest;
          const reachable = launched ? hits : hits.filter((a) => reached(a, serving));
          const unreachedWhy = [...new Set(hits.filter((a) => !reachable.includes(a)).map((a) => WHY_UNREACHED[a.reachedWhen!]))];
          let severity: Severity =
            installedVersion || launched ? (reachable.length ? worst(reachable.map((a) => a.severity)) : 'low') : reachable.length ? 'low' : 'info';
          if (field === 'devDependencies') severity = atMost(severity, 'low');
          if (field === 'peerDependencies') severity = 'info';
          ctx.report({
            loc: node.loc,
            messageId: installedVersion || launched ? 'vulnerable' : 'rangeAdmits',
            data: {
              package: pkg,
              where,
              range,
              installed: version && version !== range ? ` (the lockfile installs ${version})` : '',
              advisories: hits.map((a) => (a.ids.length ? `${a.ids[0]} (${a.summary})` : a.summary)).join(', '),
              unreached: unreachedWhy.length ? ` — not reached from this package's source (${unreachedWhy.join('; ')}), bump it anyway` : '',
              fixed: hits.map((a) => a.fixed).sort(semver.compare).at(-1)!,
            },
            severity,
          });
        };
        for (const field of DEPENDENCY_FIELDS) {
          const deps = getValue(config.root, field);
          if (deps?.type !== 'ConfigObject') continue;
          for (const m of deps.members) {
            if (m.value.type === 'ConfigScalar' && typeof m.value.value === 'string' && ADVISORY_PACKAGES.includes(m.key.name)) {
              report(m.value, m.key.name, m.value.value, `in ${field} at`, field);
            }
          }
        }
        for (const server of config.servers) {
          const launch = packageLaunch(server.command, server.args);
          // No version at all is the unpinned rule's finding.
          if (launch?.launcher.ecosystem === 'npm' && launch.version) {
            report(launch.node, launch.name, launch.version, `launched by ${config.client.name} server "${server.name}" at`, null);
          }
        }
      },
    };
  },
});
