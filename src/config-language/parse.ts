import { parseTree, printParseErrorCode, visit, type Node as JsonNode, type ParseError as JsonParseError } from 'jsonc-parser';
import { isAlias, isMap, isScalar, isSeq, Parser, parseDocument, type Node as YamlNode } from 'yaml';
import { parseTOML, type AST as TomlAST } from 'toml-eslint-parser';
import { maskSecret } from '../rule-kit/mask.js';
import { looksLikeSecretValue, scanForProviderSecrets } from '../rule-kit/secrets.js';
import { LineIndex, NodeFactory, type ConfigComment, type ConfigFormat, type ConfigMember, type ConfigObject, type ConfigValue } from './tree.js';

/** A parse failure: one diagnostic, 1-based line and column. */
export interface ConfigParseError {
  message: string;
  line: number;
  column: number;
}

export type ConfigParseResult =
  | { ok: true; body: ConfigValue | null; comments: ConfigComment[] }
  | { ok: false; error: ConfigParseError };

class Failure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Parse `text` in `format` into the generic tree. Never throws: a failure (duplicate keys included) is a result. */
export function parseConfig(text: string, format: ConfigFormat): ConfigParseResult {
  const lines = new LineIndex(text);
  const make = new NodeFactory(lines);
  try {
    if (format === 'json') return parseJson(text, make);
    if (format === 'yaml') return parseYaml(text, make);
    if (format === 'dotenv') return parseDotenv(text, make);
    return parseToml(text, make);
  } catch (e) {
    const offset = e instanceof Failure ? e.offset : 0;
    const pos = lines.position(Math.min(offset, text.length));
    return { ok: false, error: { message: maskSecretsInMessage((e as Error).message), line: pos.line, column: pos.column + 1 } };
  }
}

/**
 * Parse errors are shown verbatim (ESLint prints a language's parse error as is, in the editor too) and some quote
 * source text: a duplicate key, a YAML alias or tag, a TOML key. Whatever in them looks like a secret is masked.
 */
export function maskSecretsInMessage(message: string): string {
  let out = message;
  for (const hit of scanForProviderSecrets(message)) out = out.split(hit.secret).join(hit.evidence);
  // Words of the message without the quotes and punctuation around them: `"Zq8v…"`, `*Zq8v…:`, `(Zq8v…)`.
  for (const word of out.split(/\s+/)) {
    const bare = word.replace(/^["'`(*&!<[]+|["'`).,:;>\]]+$/g, '');
    if (bare && looksLikeSecretValue(bare, 'secret')) out = out.split(bare).join(maskSecret(bare));
  }
  return out;
}

/** Members of one object, refusing a key seen twice (JSON and YAML parsers do not all do that themselves). */
function uniqueMembers(members: ConfigMember[]): ConfigMember[] {
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.key.name)) throw new Failure(`Duplicate key "${m.key.name}"`, m.key.range[0]);
    seen.add(m.key.name);
  }
  return members;
}

// --- JSON / JSONC: comments and trailing commas allowed (several clients accept them; a linter should not choke). ---

function parseJson(text: string, make: NodeFactory): ConfigParseResult {
  const errors: JsonParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) throw new Failure(printParseErrorCode(errors[0].error), errors[0].offset);
  const comments: ConfigComment[] = [];
  visit(text, {
    onComment(offset, length) {
      const raw = text.slice(offset, offset + length);
      const value = raw.startsWith('//') ? raw.slice(2) : raw.slice(2, -2);
      comments.push(make.comment(value, offset, offset + length));
    },
  });
  const convert = (n: JsonNode): ConfigValue => {
    const end = n.offset + n.length;
    if (n.type === 'object') {
      const members = (n.children ?? []).map((p) => {
        const [k, v] = p.children!;
        return make.member(make.key(String(k.value), k.offset, k.offset + k.length), convert(v));
      });
      return make.object(uniqueMembers(members), n.offset, end);
    }
    if (n.type === 'array') return make.array((n.children ?? []).map(convert), n.offset, end);
    return make.scalar(n.value as string | number | boolean | null, n.offset, end);
  };
  return { ok: true, body: root ? convert(root) : null, comments };
}

// --- YAML ---

function parseYaml(text: string, make: NodeFactory): ConfigParseResult {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    throw new Failure(err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), err.pos[0]);
  }
  const convert = (n: YamlNode | null | undefined, fallback: number): ConfigValue => {
    if (isMap(n)) {
      const members = n.items.map((pair) => {
        const k = pair.key as YamlNode | null;
        const kr = k?.range ?? [fallback, fallback];
        const key = make.key(isScalar(k) ? String(k.value) : '', kr[0], kr[1]);
        return make.member(key, convert(pair.value as YamlNode | null, kr[1]));
      });
      return make.object(uniqueMembers(members), n.range![0], n.range![1]);
    }
    if (isSeq(n)) return make.array(n.items.map((i) => convert(i as YamlNode, n.range![0])), n.range![0], n.range![1]);
    if (isScalar(n)) {
      const v = n.value;
      const value = v === null || ['string', 'number', 'boolean'].includes(typeof v) ? (v as string | number | boolean | null) : String(v);
      return make.scalar(value, n.range![0], n.range![1]);
    }
    // Aliases and empty values: nothing a rule can read a literal from.
    const r = isAlias(n) ? n.range! : [fallback, fallback];
    return make.scalar(null, r[0], r[1]);
  };
  const comments: ConfigComment[] = [];
  const collect = (token: unknown): void => {
    if (Array.isArray(token)) return token.forEach(collect);
    if (!token || typeof token !== 'object') return;
    const t = token as { type?: string; offset?: number; source?: string };
    if (t.type === 'comment' && typeof t.offset === 'number' && typeof t.source === 'string') {
      comments.push(make.comment(t.source.slice(1), t.offset, t.offset + t.source.length));
      return;
    }
    Object.values(token).forEach(collect);
  };
  for (const token of new Parser().parse(text)) collect(token);
  return { ok: true, body: doc.contents ? convert(doc.contents as YamlNode, 0) : null, comments };
}

// --- TOML: tables and dotted keys are folded into nested objects, so `[mcp_servers.x]` reads like JSON. ---

function parseToml(text: string, make: NodeFactory): ConfigParseResult {
  let program: TomlAST.TOMLProgram;
  try {
    program = parseTOML(text);
  } catch (e) {
    const err = e as { message: string; index?: number };
    throw new Failure(err.message, err.index ?? 0);
  }
  const root = make.object([], 0, text.length);
  const keyName = (k: TomlAST.TOMLBare | TomlAST.TOMLQuoted): string => (k.type === 'TOMLBare' ? k.name : k.value);

  /** The object at `keys` under `from`, created on the way (an array of tables resolves to its last element). */
  const descend = (from: ConfigObject, keys: Array<TomlAST.TOMLBare | TomlAST.TOMLQuoted>, end: number): ConfigObject => {
    let cur = from;
    for (const k of keys) {
      const name = keyName(k);
      let next = cur.members.find((m) => m.key.name === name)?.value;
      if (!next) {
        next = make.object([], k.range[0], end);
        cur.members.push(make.member(make.key(name, k.range[0], k.range[1]), next));
      }
      if (next.type === 'ConfigArray') next = next.elements[next.elements.length - 1];
      if (next?.type !== 'ConfigObject') throw new Failure(`Key "${name}" is not a table`, k.range[0]);
      cur = next;
    }
    return cur;
  };
  const addPairs = (target: ConfigObject, pairs: TomlAST.TOMLKeyValue[]): void => {
    for (const kv of pairs) {
      const keys = kv.key.keys;
      const last = keys[keys.length - 1];
      const parent = descend(target, keys.slice(0, -1), kv.range[1]);
      parent.members.push(make.member(make.key(keyName(last), last.range[0], last.range[1]), value(kv.value)));
    }
  };
  const value = (n: TomlAST.TOMLContentNode): ConfigValue => {
    if (n.type === 'TOMLArray') return make.array(n.elements.map(value), n.range[0], n.range[1]);
    if (n.type === 'TOMLInlineTable') {
      const obj = make.object([], n.range[0], n.range[1]);
      addPairs(obj, n.body);
      return obj;
    }
    const v = n.value;
    return make.scalar(typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number' ? v : String(v), n.range[0], n.range[1]);
  };
  for (const item of program.body[0].body) {
    if (item.type === 'TOMLKeyValue') {
      addPairs(root, [item]);
      continue;
    }
    const keys = item.key.keys;
    let table: ConfigObject;
    if (item.kind === 'array') {
      const parent = descend(root, keys.slice(0, -1), item.range[1]);
      const last = keys[keys.length - 1];
      let arr = parent.members.find((m) => m.key.name === keyName(last))?.value;
      if (!arr) {
        arr = make.array([], item.range[0], item.range[1]);
        parent.members.push(make.member(make.key(keyName(last), last.range[0], last.range[1]), arr));
      }
      if (arr.type !== 'ConfigArray') throw new Failure(`Key "${keyName(last)}" is not an array of tables`, last.range[0]);
      table = make.object([], item.range[0], item.range[1]);
      arr.elements.push(table);
    } else {
      table = descend(root, keys, item.range[1]);
    }
    addPairs(table, item.body);
  }
  const comments = program.comments.map((c) => make.comment(c.value, c.range[0], c.range[1]));
  return { ok: true, body: root, comments };
}

// --- dotenv templates (`.env.example`): one flat object of string values. ---

const DOTENV_LINE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*/gm;
const DOTENV_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t' };

/**
 * `KEY=VALUE` lines, `export KEY=`, `#` comments (whole-line, or after whitespace in an unquoted value), and
 * single, double or backtick quotes (double quotes may span lines and expand `\n`). As in the dotenv libraries,
 * other lines are ignored and a repeated key is kept (lookups take the last one).
 */
function parseDotenv(text: string, make: NodeFactory): ConfigParseResult {
  const members: ConfigMember[] = [];
  const comments: ConfigComment[] = [];
  const comment = (hash: number): number => {
    const end = lineEnd(text, hash);
    comments.push(make.comment(text.slice(hash + 1, end), hash, end));
    return end;
  };
  let pos = 0;
  while (pos < text.length) {
    const start = pos;
    const first = /[^ \t]/.exec(text.slice(pos, lineEnd(text, pos)));
    if (first && text[pos + first.index] === '#') {
      pos = nextLine(text, comment(pos + first.index));
      continue;
    }
    DOTENV_LINE.lastIndex = start;
    const m = DOTENV_LINE.exec(text);
    if (!m || m.index !== start) {
      pos = nextLine(text, lineEnd(text, pos));
      continue;
    }
    const keyStart = text.indexOf(m[1], start);
    const key = make.key(m[1], keyStart, keyStart + m[1].length);
    const vStart = start + m[0].length;
    const quote = text[vStart];
    let value: string;
    let vEnd: number;
    const close = quote === '"' || quote === "'" || quote === '`' ? text.indexOf(quote, vStart + 1) : -1;
    if (close > 0 && (quote === '"' || !text.slice(vStart, close).includes('\n'))) {
      const raw = text.slice(vStart + 1, close);
      value = quote === '"' ? raw.replace(/\\([nrt])/g, (_, c: string) => DOTENV_ESCAPES[c]) : raw;
      vEnd = close + 1;
    } else {
      const end = lineEnd(text, vStart);
      const hash = /(?:^|[ \t])#/.exec(text.slice(vStart, end));
      const stop = hash ? vStart + hash.index + hash[0].length - 1 : end;
      value = text.slice(vStart, stop).trimEnd();
      vEnd = vStart + value.length;
    }
    members.push(make.member(key, make.scalar(value, vStart, vEnd)));
    const end = lineEnd(text, vEnd);
    const hash = text.indexOf('#', vEnd);
    pos = nextLine(text, hash >= 0 && hash < end ? comment(hash) : end);
  }
  return { ok: true, body: make.object(members, 0, text.length), comments };
}

const lineEnd = (text: string, from: number): number => {
  const m = /\r\n|\r|\n/g;
  m.lastIndex = from;
  const hit = m.exec(text);
  return hit ? hit.index : text.length;
};

const nextLine = (text: string, end: number): number => (text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1);
