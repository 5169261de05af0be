import type { ClientSpec } from './clients.js';
import { getPath, getValue, type ConfigDocument, type ConfigKey, type ConfigObject, type ConfigScalar, type ConfigValue } from './tree.js';

/** A name/value pair of `env` or `headers`. */
export interface ConfigEntry {
  name: string;
  key: ConfigKey;
  value: ConfigValue;
}

/** One MCP server in the client-independent shape. String fields are the scalar nodes, so rules can point at them. */
export interface McpServerEntry {
  name: string;
  /** The server's object; client-specific keys (alwaysAllow, trust, ...) are read from here. */
  node: ConfigObject;
  command?: ConfigScalar;
  args: ConfigScalar[];
  env: ConfigEntry[];
  url?: ConfigScalar;
  headers: ConfigEntry[];
}

export interface McpConfig {
  client: ClientSpec;
  servers: McpServerEntry[];
  root: ConfigValue | null;
}

const cache = new WeakMap<ConfigDocument, McpConfig | null>();

/** The MCP model of a config file, computed once per file and shared by every config rule. Null = not a client config. */
export function getMcpConfig(sourceCode: { ast: unknown }): McpConfig | null {
  const doc = sourceCode.ast as ConfigDocument;
  let model = cache.get(doc);
  if (model === undefined) {
    model = buildModel(doc);
    cache.set(doc, model);
  }
  return model;
}

function buildModel(doc: ConfigDocument): McpConfig | null {
  const client = doc.client;
  if (!client || !doc.body) return null;
  const servers: McpServerEntry[] = [];
  if (client.servers?.length === 0 && doc.body.type === 'ConfigObject') servers.push(serverOf('(settings)', doc.body, client));
  const container = client.servers?.length ? getPath(doc.body, client.servers) : undefined;
  if (container?.type === 'ConfigObject') {
    for (const m of container.members) if (m.value.type === 'ConfigObject') servers.push(serverOf(m.key.name, m.value, client));
  } else if (container?.type === 'ConfigArray') {
    container.elements.forEach((el, i) => {
      if (el.type !== 'ConfigObject') return;
      const name = getValue(el, 'name');
      servers.push(serverOf(name?.type === 'ConfigScalar' ? String(name.value) : `#${i + 1}`, el, client));
    });
  }
  return { client, servers, root: doc.body };
}

function first(node: ConfigObject, keys: string[]): ConfigValue | undefined {
  for (const k of keys) {
    const v = getValue(node, k);
    if (v) return v;
  }
  return undefined;
}

const strings = (node: ConfigValue | undefined): ConfigScalar[] =>
  node?.type === 'ConfigArray' ? node.elements.filter((e): e is ConfigScalar => e.type === 'ConfigScalar' && typeof e.value === 'string') : [];

const str = (node: ConfigValue | undefined): ConfigScalar | undefined =>
  node?.type === 'ConfigScalar' && typeof node.value === 'string' ? node : undefined;

const entries = (node: ConfigValue | undefined): ConfigEntry[] =>
  node?.type === 'ConfigObject' ? node.members.map((m) => ({ name: m.key.name, key: m.key, value: m.value })) : [];

function serverOf(name: string, node: ConfigObject, client: ClientSpec): McpServerEntry {
  let commandNode = first(node, client.fields.command);
  let args = strings(first(node, client.fields.args));
  let env = entries(first(node, client.fields.env));
  // Older Zed form: `"command": { "path", "args", "env" }`.
  if (commandNode?.type === 'ConfigObject') {
    args = strings(getValue(commandNode, 'args'));
    env = entries(getValue(commandNode, 'env'));
    commandNode = getValue(commandNode, 'path');
  }
  let command = str(commandNode);
  // opencode: `command` is the whole argv.
  if (commandNode?.type === 'ConfigArray') {
    const argv = strings(commandNode);
    command = argv[0];
    args = argv.slice(1);
  }
  return { name, node, command, args, env, url: str(first(node, client.fields.url)), headers: entries(first(node, client.fields.headers)) };
}
