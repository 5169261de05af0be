import { createRule } from '../src/rule-kit/create-rule.js';
import { getMcpConfig, type McpServerEntry } from '../src/config-language/model.js';
import { basename, packageLaunch } from '../src/config-language/launch.js';
import {
  DOCKER_RISKS,
  FILESYSTEM_SERVERS,
  HOME_DIR,
  HOST_ROOT,
  LINE_RISKS,
  mountSource,
  sensitivePathsIn,
  SHELLS,
  type LineRisk,
} from '../src/config-language/launch-risks.js';
import { locInValue, SERVER_KEYWORDS } from '../src/config-language/rule-support.js';
import type { ConfigScalar, SourceLoc } from '../src/config-language/tree.js';

const risk = (id: LineRisk['id']): LineRisk => LINE_RISKS.find((r) => r.id === id)!;
const PIPE_TO_SHELL = risk('pipe-to-shell');
const ELEVATION = risk('elevation');
const CHAIN = risk('chain');

/**
 * The launch line: command and arguments joined by spaces, so patterns see `curl … | sh` whether it is one string
 * or spread over `args`, with a way back from a position in the line to the argument and column it came from.
 */
class LaunchLine {
  readonly text: string;
  private readonly starts: number[] = [];
  constructor(readonly parts: ConfigScalar[]) {
    let text = '';
    parts.forEach((p, i) => {
      if (i > 0) text += ' ';
      this.starts.push(text.length);
      text += String(p.value);
    });
    this.text = text;
  }
  /** The argument holding line position `index`, and the offset inside it. */
  at(index: number): { part: ConfigScalar; offset: number } {
    let i = this.starts.length - 1;
    while (i > 0 && this.starts[i] > index) i--;
    return { part: this.parts[i], offset: index - this.starts[i] };
  }
}

export default createRule('no-dangerous-mcp-server-launch', {
  meta: {
    severity: 'high',
    language: 'config',
    description: 'MCP server launch commands that pipe downloads into a shell, elevate, chain commands, expose credentials or the host (Docker, filesystem roots)',
    cwe: ['CWE-78', 'CWE-250', 'CWE-732'],
    owasp: ['MCP05', 'MCP02'],
    keywords: SERVER_KEYWORDS,
    messages: {
      pipeToShell:
        '{{client}} server "{{server}}" pipes a download into an interpreter at launch (`{{match}}`): whoever controls that URL, or the network path to it, runs code on this machine every time the client starts. Install a pinned, verified package and launch its executable directly.',
      shellWrapper:
        '{{client}} server "{{server}}" starts through `{{match}}`, which runs a command line as a script: chained commands, expansions and quoting all execute with your rights, and the launch is hard to review. Launch the server\'s executable directly, with its arguments in `args`.',
      commandChain:
        '{{client}} server "{{server}}" chains commands (`{{match}}`): the launch runs more than the server, unseen at every start. Launch the server\'s executable directly and do setup steps outside the client config.',
      elevated:
        '{{client}} server "{{server}}" runs under `{{match}}`: the server, and every tool a prompt can reach through it, gets administrator rights. Run it as your own user, and grant only the specific access it needs.',
      sensitivePath:
        '{{client}} server "{{server}}" is given {{what}} (`{{match}}`): the server, and any prompt injection reaching its tools, can read them. Pass only the files and directories the server needs.',
      dockerOption:
        '{{client}} server "{{server}}" runs its container with `{{match}}`: {{why}}. Remove it; give the container only the project directories the server needs, read-only where possible.',
      broadFilesystemRoot:
        '{{client}} server "{{server}}" lets `{{package}}` read and write `{{match}}` ({{what}}): every file, keys and credentials included, is one tool call away. List only the project directories the server needs.',
    },
  },
  create(ctx) {
    const sourceCode = ctx.eslint.sourceCode;

    const check = (server: McpServerEntry, data: { client: string; server: string }) => {
      if (!server.command) return;
      const line = new LaunchLine([server.command, ...server.args]);
      const locOf = (index: number, length: number): SourceLoc => {
        const { part, offset } = line.at(index);
        return locInValue(sourceCode, part, offset, Math.min(length, String(part.value).length - offset));
      };
      const reportMatch = (m: RegExpExecArray | null | undefined, messageId: 'pipeToShell' | 'commandChain' | 'elevated', severity: LineRisk['severity']) => {
        if (!m) return false;
        const match = m[0].trim();
        ctx.report({ loc: locOf(m.index, match.length), messageId, data: { ...data, match }, severity });
        return true;
      };

      // One finding for "runs a shell pipeline": the download piped to a shell, else the shell, else the chain.
      const exe = basename(String(server.command.value)).toLowerCase();
      const shell = SHELLS.find((s) => s.commands.includes(exe));
      const flag = shell ? server.args.find((a) => shell.scriptFlag.test(String(a.value))) : undefined;
      if (!reportMatch(PIPE_TO_SHELL.pattern.exec(line.text), 'pipeToShell', PIPE_TO_SHELL.severity)) {
        if (flag) {
          ctx.report({ loc: flag.loc, messageId: 'shellWrapper', data: { ...data, match: `${exe} ${String(flag.value)}` }, severity: 'medium' });
        } else {
          reportMatch(CHAIN.pattern.exec(line.text), 'commandChain', CHAIN.severity);
        }
      }
      reportMatch(ELEVATION.pattern.exec(line.text), 'elevated', ELEVATION.severity);

      for (const { path, word, index } of sensitivePathsIn(line.text)) {
        ctx.report({ loc: locOf(index, word.length), messageId: 'sensitivePath', data: { ...data, what: path.what, match: word }, severity: 'high' });
      }

      const launch = packageLaunch(server.command, server.args);
      if (!launch) return;
      const pkgAt = server.args.indexOf(launch.node);
      if (launch.launcher.ecosystem === 'docker') {
        // Options before the image are docker's; after it, the server's.
        for (let i = 0; i < pkgAt; i++) {
          const arg = String(server.args[i].value);
          const eq = arg.indexOf('=');
          const option = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
          const valueNode = eq > 0 && option !== arg ? server.args[i] : server.args[i + 1];
          const value = option !== arg ? arg.slice(eq + 1) : String(server.args[i + 1]?.value ?? '');
          for (const r of DOCKER_RISKS) {
            if (!r.options.includes(option)) continue;
            if (!r.value) {
              // A switch: `--privileged`, `--privileged=true`; not `--privileged=false`.
              const off = option !== arg && value === 'false';
              if (!off) ctx.report({ loc: server.args[i].loc, messageId: 'dockerOption', data: { ...data, match: arg, why: r.why }, severity: r.severity });
              continue;
            }
            if (!valueNode || !r.value.test(r.mount ? mountSource(value) : value)) continue;
            ctx.report({ loc: valueNode.loc, messageId: 'dockerOption', data: { ...data, match: `${option} ${value}`, why: r.why }, severity: r.severity });
          }
        }
      }
      if (FILESYSTEM_SERVERS.includes(launch.name)) {
        for (const root of server.args.slice(pkgAt + 1)) {
          const value = String(root.value);
          const what = HOST_ROOT.test(value) ? 'the whole disk' : HOME_DIR.test(value) ? 'the whole home directory' : null;
          if (what) ctx.report({ loc: root.loc, messageId: 'broadFilesystemRoot', data: { ...data, package: launch.name, match: value, what }, severity: 'high' });
        }
      }
    };

    return {
      ConfigDocument() {
        const config = getMcpConfig(sourceCode);
        if (!config) return;
        for (const server of config.servers) check(server, { client: config.client.name, server: server.name });
      },
    };
  },
});
