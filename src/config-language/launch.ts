import type { ConfigScalar } from './tree.js';

/**
 * Commands that fetch a package from a registry at launch (reference §6.3 item 2), as data: how the package is
 * named on the command line and what "pinned" means in its ecosystem.
 */
export type Ecosystem = 'npm' | 'pypi' | 'docker';

export interface Launcher {
  /** As shown in messages. */
  name: string;
  /** Executable names (without directory or .exe/.cmd). */
  commands: string[];
  /** Leading arguments that select the launching subcommand (`pnpm dlx`, `docker run`). */
  subcommand: string[];
  ecosystem: Ecosystem;
  /** Options whose value is the package spec (`npx -p pkg`, `uvx --from pkg`). */
  packageOptions: string[];
  /** Other options that take a separate value, so that value is not mistaken for the package. */
  valueOptions: string[];
}

const NPM_PACKAGE = ['-p', '--package'];
const NPM_VALUES = ['-c', '--call', '--registry', '--cache', '--userconfig'];
const UV_VALUES = ['--with', '--python', '-p', '--index', '--index-url', '--extra-index-url'];
const DOCKER_VALUES = [
  '-e', '--env', '--env-file', '-v', '--volume', '--mount', '--name', '--network', '--net', '-p', '--publish', '-w', '--workdir',
  '-u', '--user', '--entrypoint', '--platform', '-l', '--label', '--add-host', '--cpus', '-m', '--memory', '--pull', '-h', '--hostname',
  '--pid', '--ipc', '--cap-add', '--cap-drop', '--security-opt', '--device', '--restart', '--runtime', '--tmpfs', '--ulimit', '--gpus',
];

export const LAUNCHERS: Launcher[] = [
  { name: 'npx', commands: ['npx'], subcommand: [], ecosystem: 'npm', packageOptions: NPM_PACKAGE, valueOptions: NPM_VALUES },
  { name: 'npm exec', commands: ['npm'], subcommand: ['exec'], ecosystem: 'npm', packageOptions: NPM_PACKAGE, valueOptions: NPM_VALUES },
  { name: 'bunx', commands: ['bunx'], subcommand: [], ecosystem: 'npm', packageOptions: NPM_PACKAGE, valueOptions: [] },
  { name: 'bun x', commands: ['bun'], subcommand: ['x'], ecosystem: 'npm', packageOptions: NPM_PACKAGE, valueOptions: [] },
  { name: 'pnpm dlx', commands: ['pnpm'], subcommand: ['dlx'], ecosystem: 'npm', packageOptions: ['--package'], valueOptions: [] },
  { name: 'yarn dlx', commands: ['yarn'], subcommand: ['dlx'], ecosystem: 'npm', packageOptions: NPM_PACKAGE, valueOptions: [] },
  { name: 'uvx', commands: ['uvx'], subcommand: [], ecosystem: 'pypi', packageOptions: ['--from'], valueOptions: UV_VALUES },
  { name: 'uv tool run', commands: ['uv'], subcommand: ['tool', 'run'], ecosystem: 'pypi', packageOptions: ['--from'], valueOptions: UV_VALUES },
  { name: 'pipx run', commands: ['pipx'], subcommand: ['run'], ecosystem: 'pypi', packageOptions: ['--spec'], valueOptions: ['--python', '--pip-args'] },
  { name: 'docker run', commands: ['docker', 'podman'], subcommand: ['run'], ecosystem: 'docker', packageOptions: [], valueOptions: DOCKER_VALUES },
];

/** Lowercase words a file launching a package must contain (prefilter keywords). */
export const LAUNCHER_KEYWORDS: string[] = [...new Set(LAUNCHERS.flatMap((l) => l.commands))];

export interface PackageLaunch {
  launcher: Launcher;
  /** The argument holding the package or image spec. */
  node: ConfigScalar;
  name: string;
  /** Version, tag or digest as written; null when none. */
  version: string | null;
}

/** An executable's name without directory or .exe/.cmd/.bat. */
export const basename = (command: string): string => command.replace(/^.*[\\/]/, '').replace(/\.(exe|cmd|bat)$/i, '');

/** Split a spec into name and version for its ecosystem; null for local paths and URLs (not registry packages). */
function splitSpec(spec: string, ecosystem: Ecosystem): { name: string; version: string | null } | null {
  if (/^[./~]|^[A-Za-z]:[\\/]|^[a-z+]+:/.test(spec)) return null;
  if (ecosystem === 'docker') {
    const digest = spec.indexOf('@');
    if (digest >= 0) return { name: spec.slice(0, digest), version: spec.slice(digest + 1) };
    const colon = spec.lastIndexOf(':');
    return colon > spec.lastIndexOf('/') ? { name: spec.slice(0, colon), version: spec.slice(colon + 1) } : { name: spec, version: null };
  }
  if (ecosystem === 'pypi') {
    const m = /^([A-Za-z0-9_.\-]+(?:\[[^\]]*\])?)\s*(?:(==|@|>=|~=|<=|>|<)\s*(.+))?$/.exec(spec);
    return m ? { name: m[1], version: m[3] ? (m[2] === '==' || m[2] === '@' ? m[3] : `${m[2]}${m[3]}`) : null } : null;
  }
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  return at > 0 ? { name: spec.slice(0, at), version: spec.slice(at + 1) } : { name: spec, version: null };
}

/** The package a server's command launches from a registry, if it does. */
export function packageLaunch(command: ConfigScalar | undefined, args: ConfigScalar[]): PackageLaunch | null {
  if (!command) return null;
  const exe = basename(String(command.value));
  const launcher = LAUNCHERS.find(
    (l) => l.commands.includes(exe) && l.subcommand.every((s, i) => args[i]?.value === s),
  );
  if (!launcher) return null;
  for (let i = launcher.subcommand.length; i < args.length; i++) {
    const arg = String(args[i].value);
    if (launcher.packageOptions.includes(arg) && args[i + 1]) return launch(launcher, args[i + 1]);
    const eq = /^(--?[\w-]+)=(.*)$/.exec(arg);
    if (eq && launcher.packageOptions.includes(eq[1])) return launch(launcher, args[i], eq[2]);
    if (arg === '--') continue;
    if (arg.startsWith('-')) {
      if (!eq && launcher.valueOptions.includes(arg)) i++;
      continue;
    }
    return launch(launcher, args[i]);
  }
  return null;
}

function launch(launcher: Launcher, node: ConfigScalar, spec = String(node.value)): PackageLaunch | null {
  const parts = splitSpec(spec, launcher.ecosystem);
  return parts ? { launcher, node, ...parts } : null;
}

/** Is the launched version fixed? npm/PyPI: an exact version; Docker: a digest, or any tag but `latest`. */
export function isPinned(l: PackageLaunch): boolean {
  if (l.version === null) return false;
  if (l.launcher.ecosystem === 'docker') return l.version !== 'latest';
  return /^v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/.test(l.version);
}
