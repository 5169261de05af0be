/**
 * What makes an MCP server's startup command dangerous (reference §6.3 items 9-11), as data with examples: shells
 * that run a script, downloads piped into an interpreter, privilege elevation, credential paths, Docker options
 * that hand the host to the container, and filesystem servers rooted at the whole disk or home. Read by the rule
 * no-dangerous-mcp-server-launch; each table's examples are tested in test/config-language/launch-risks.test.ts.
 */

export type LaunchSeverity = 'critical' | 'high' | 'medium';

export interface Examples {
  /** Text (a launch line, an option value, a mount source) the entry must match. */
  match: readonly string[];
  /** Close-looking text it must not match. */
  noMatch: readonly string[];
}

/** Shells given a script to run: `sh -c '…'`, `bash -lc`, `cmd /c`, `powershell -Command`. */
export interface ShellSpec {
  commands: readonly string[];
  /** The option that makes the next argument(s) a script. */
  scriptFlag: RegExp;
  examples: Examples;
}

export const SHELLS: readonly ShellSpec[] = [
  { commands: ['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'fish'], scriptFlag: /^-[a-z]*c[a-z]*$/, examples: { match: ['-c', '-lc', '-ec'], noMatch: ['--config', '-x'] } },
  { commands: ['cmd'], scriptFlag: /^\/[ck]$/i, examples: { match: ['/c', '/C', '/k'], noMatch: ['/q', 'c'] } },
  {
    commands: ['powershell', 'pwsh'],
    scriptFlag: /^-(?:c|command|e|ec|encodedcommand)$/i,
    examples: { match: ['-c', '-Command', '-EncodedCommand'], noMatch: ['-File', '-NoProfile'] },
  },
];

/** Risks found in the launch line (command and arguments joined by spaces). */
export interface LineRisk {
  id: 'pipe-to-shell' | 'elevation' | 'chain';
  pattern: RegExp;
  severity: LaunchSeverity;
  examples: Examples;
}

const FETCH = String.raw`(?:curl|wget|iwr|irm|invoke-webrequest|invoke-restmethod)`;
const INTERPRETER = String.raw`(?:sudo\s+)?(?:sh|bash|zsh|dash|ksh|python3?|node|perl|ruby|iex|invoke-expression)`;

export const LINE_RISKS: readonly LineRisk[] = [
  {
    // A remote script run unseen: `curl … | sh`, `bash <(curl …)`, `iex (irm …)`.
    id: 'pipe-to-shell',
    pattern: new RegExp(String.raw`\b${FETCH}\b[^|;&]*\|\s*${INTERPRETER}\b|\b(?:sh|bash|zsh)\s+<\(\s*${FETCH}\b|\biex\s*\(\s*(?:irm|iwr|invoke-restmethod|invoke-webrequest|new-object\s+net\.webclient)\b[^)]*\)?`, 'i'),
    severity: 'critical',
    examples: {
      match: ['sh -c curl -fsSL https://get.example.dev/mcp.sh | sh', 'bash <(curl -s https://x.dev/i.sh)', 'powershell -c iex (irm https://x.dev/i.ps1)', 'curl https://x.dev/i.sh | sudo bash'],
      noMatch: ['curl -fsSL -o server.sh https://x.dev/s.sh', 'npx -y mcp-server-curl | grep x'],
    },
  },
  {
    id: 'elevation',
    pattern: /(?<=^|[\s;&|(])(?:sudo|doas|pkexec|gsudo|runas)(?=\s|$)/,
    severity: 'high',
    examples: { match: ['sudo node server.js', 'sh -c cd /srv && sudo -E npm start', 'runas /user:Administrator server.exe'], noMatch: ['npx -y sudo-mcp@1.0.0', 'node pseudo.js'] },
  },
  {
    // `&&`, `||`, or `;`/`|` between commands (not `;` inside a connection string such as `Server=a;Database=b`).
    id: 'chain',
    pattern: /&&|\|\||(?<=^|\s)[;|](?=\s|$)|;\s*(?=[a-z][\w.-]*(?:\s|$))/,
    severity: 'medium',
    examples: {
      match: ['npm install && node index.js', 'node a.js ; node b.js', 'cd /srv; node index.js', 'node a.js || true'],
      noMatch: ['mssql-mcp Server=db;Database=app', 'node index.js --filter a|b', 'https://x.dev/mcp?a=1&b=2'],
    },
  },
];

/** Files and directories holding credentials: a path component, so `.env.example` and `my.ssh.txt` do not match. */
export interface SensitivePath {
  what: string;
  pattern: RegExp;
  /** Text just before the match that makes it harmless (loading `.env` into the server's environment is the point). */
  unlessAfter?: RegExp;
  examples: Examples;
}

const component = (name: string): RegExp => new RegExp(String.raw`(?<=^|[\s=:'"/\\])${name.replace(/\./g, '\\.')}(?=$|[\s:'"/\\])`);

export const SENSITIVE_PATHS: readonly SensitivePath[] = [
  { what: 'SSH keys', pattern: component('.ssh'), examples: { match: ['~/.ssh', '-v /home/dev/.ssh:/root/.ssh:ro', 'C:\\Users\\dev\\.ssh'], noMatch: ['/srv/ssh-keys-docs', 'my.ssh.txt'] } },
  { what: 'AWS credentials', pattern: component('.aws'), examples: { match: ['${HOME}/.aws/credentials', '~/.aws'], noMatch: ['aws-mcp', '/srv/.aws-docs'] } },
  { what: 'Google Cloud credentials', pattern: component('gcloud'), examples: { match: ['~/.config/gcloud'], noMatch: ['gcloud-mcp@1.0.0'] } },
  { what: 'Azure credentials', pattern: component('.azure'), examples: { match: ['~/.azure'], noMatch: ['.azure-pipelines.yml'] } },
  { what: 'Kubernetes credentials', pattern: component('.kube'), examples: { match: ['~/.kube/config'], noMatch: ['.kubeconfig-docs'] } },
  { what: 'the GnuPG keyring', pattern: component('.gnupg'), examples: { match: ['~/.gnupg'], noMatch: ['gnupg-docs'] } },
  { what: 'Docker registry credentials', pattern: /(?<=^|[\s=:'"/\\])\.docker[/\\]config\.json\b/, examples: { match: ['~/.docker/config.json'], noMatch: ['docker-config.json'] } },
  { what: 'the system password database', pattern: /\/etc\/(?:shadow|sudoers)\b/, examples: { match: ['/etc/shadow'], noMatch: ['/etc/hosts'] } },
  {
    what: 'the project secrets file',
    pattern: component('.env'),
    unlessAfter: /(?:--env-file[=\s]|--dotenv[=\s]|\bsource\s|(?:^|[\s;&])\.\s)$/,
    examples: { match: ['-v ./.env:/app/.env', 'cat .env'], noMatch: ['.env.example', 'node --env-file=.env server.js', 'docker run --env-file .env img', 'source .env'] },
  },
];

/** Global copies for matchAll, compiled once (matchAll clones them, so sharing is safe). */
const GLOBAL_PATTERNS = new Map(SENSITIVE_PATHS.map((p) => [p, new RegExp(p.pattern.source, 'g')] as const));

/** Credential paths named in `text`: each whole word (`~/.ssh`, `~/.aws:/root/.aws:ro`) once per kind, with its offset. */
export function sensitivePathsIn(text: string): Array<{ path: SensitivePath; word: string; index: number }> {
  const out: Array<{ path: SensitivePath; word: string; index: number }> = [];
  for (const path of SENSITIVE_PATHS) {
    const seen = new Set<number>();
    for (const hit of text.matchAll(GLOBAL_PATTERNS.get(path)!)) {
      if (path.unlessAfter?.test(text.slice(0, hit.index))) continue;
      const index = text.slice(0, hit.index).search(/\S*$/);
      if (seen.has(index)) continue;
      seen.add(index);
      out.push({ path, word: /^\S*/.exec(text.slice(index))![0], index });
    }
  }
  return out;
}

/** Paths that stand for the whole disk or the whole home directory, as a mount source or a filesystem root. */
export const HOST_ROOT = /^(?:\/|\\|[A-Za-z]:[\\/]?)$/;
export const HOME_DIR = /^(?:~|\$HOME|\$\{HOME\}|\$\{userHome\}|%USERPROFILE%|\/root|\/home|\/Users|\/home\/[^/\\]+|\/Users\/[^/\\]+|[A-Za-z]:\\Users(?:\\[^\\]+)?)[/\\]?$/;

/** `docker run` options that give the container the host. `value` tests the option's value (or its mount source). */
export interface DockerRisk {
  options: readonly string[];
  value?: RegExp;
  /** The value is a volume or mount spec: `value` is tested on its source path. */
  mount?: true;
  severity: LaunchSeverity;
  why: string;
  examples: Examples;
}

const MOUNT_OPTIONS = ['-v', '--volume', '--mount'];

export const DOCKER_RISKS: readonly DockerRisk[] = [
  {
    options: ['--privileged'], severity: 'critical',
    why: 'a privileged container has every capability and every host device, so escaping to the host is trivial',
    examples: { match: ['--privileged'], noMatch: [] },
  },
  {
    options: MOUNT_OPTIONS, mount: true, value: /(?:^|\/)docker\.sock$/, severity: 'critical',
    why: 'the Docker socket lets the container start privileged containers of its own: root on the host',
    examples: { match: ['/var/run/docker.sock', '/run/docker.sock'], noMatch: ['/srv/docker.sock.d/notes'] },
  },
  {
    options: MOUNT_OPTIONS, mount: true, value: HOST_ROOT, severity: 'high',
    why: 'the host\'s whole filesystem is mounted into the container',
    examples: { match: ['/', 'C:\\'], noMatch: ['/srv/data', './data'] },
  },
  {
    options: MOUNT_OPTIONS, mount: true, value: HOME_DIR, severity: 'high',
    why: 'the whole home directory (keys, tokens, browser profiles) is mounted into the container',
    examples: { match: ['~', '$HOME', '/Users/dev'], noMatch: ['~/projects/app', '/home/dev/work'] },
  },
  {
    options: ['--pid'], value: /^host$/, severity: 'high',
    why: 'the container sees and can signal every process on the host',
    examples: { match: ['host'], noMatch: ['container:db'] },
  },
  {
    options: ['--cap-add'], value: /^(?:ALL|SYS_ADMIN|SYS_PTRACE|SYS_MODULE|DAC_READ_SEARCH)$/i, severity: 'high',
    why: 'this capability is enough to break out of the container',
    examples: { match: ['ALL', 'SYS_ADMIN'], noMatch: ['NET_BIND_SERVICE'] },
  },
  {
    options: ['--security-opt'], value: /(?:seccomp|apparmor)[=:]unconfined|label[=:]disable/, severity: 'high',
    why: 'the container\'s system-call and MAC confinement is switched off',
    examples: { match: ['seccomp=unconfined', 'apparmor:unconfined'], noMatch: ['no-new-privileges'] },
  },
  {
    options: ['--network', '--net'], value: /^host$/, severity: 'medium',
    why: 'the container shares the host\'s network: it reaches services bound to localhost and binds host ports',
    examples: { match: ['host'], noMatch: ['bridge', 'none'] },
  },
];

/** The source path of a `-v src:dst[:opts]` or `--mount type=bind,source=src,…` value. */
export function mountSource(spec: string): string {
  const named = /(?:^|,)(?:source|src)=([^,]+)/.exec(spec);
  if (named) return named[1];
  const drive = /^[A-Za-z]:[\\/]/.exec(spec)?.[0] ?? '';
  const rest = spec.slice(drive.length);
  const colon = rest.indexOf(':');
  return drive + (colon >= 0 ? rest.slice(0, colon) : rest);
}

/** Filesystem MCP servers: every non-option argument after the package is a directory the server may read and write. */
export const FILESYSTEM_SERVERS: readonly string[] = ['@modelcontextprotocol/server-filesystem'];
