import type { ClientSpec } from './clients.js';

/**
 * One generic value tree for every config format (JSON/JSONC, YAML, TOML, dotenv). Every node carries its source range
 * and an ESTree-style `loc` (1-based lines, 0-based columns, the same convention as the JS rules, so createRule's
 * side channel and ESLint agree on positions).
 */
export interface Position {
  line: number;
  column: number;
}
export interface SourceLoc {
  start: Position;
  end: Position;
}

interface BaseNode {
  range: [number, number];
  loc: SourceLoc;
}

export type ConfigFormat = 'json' | 'yaml' | 'toml' | 'dotenv';

export interface ConfigScalar extends BaseNode {
  type: 'ConfigScalar';
  value: string | number | boolean | null;
}
export interface ConfigKey extends BaseNode {
  type: 'ConfigKey';
  name: string;
}
export interface ConfigMember extends BaseNode {
  type: 'ConfigMember';
  key: ConfigKey;
  value: ConfigValue;
}
export interface ConfigObject extends BaseNode {
  type: 'ConfigObject';
  members: ConfigMember[];
}
export interface ConfigArray extends BaseNode {
  type: 'ConfigArray';
  elements: ConfigValue[];
}
export type ConfigValue = ConfigScalar | ConfigObject | ConfigArray;

export interface ConfigComment extends BaseNode {
  type: 'ConfigComment';
  /** Text without the comment markers (`//`, `/* *\/`, `#`). */
  value: string;
}

export interface ConfigDocument extends BaseNode {
  type: 'ConfigDocument';
  format: ConfigFormat;
  /** The client whose config this is (clients.ts); null = not an MCP client config (nothing to check). */
  client: ClientSpec | null;
  body: ConfigValue | null;
  comments: ConfigComment[];
}

export type ConfigNode = ConfigDocument | ConfigValue | ConfigMember | ConfigKey;

export const VISITOR_KEYS: Record<string, string[]> = {
  ConfigDocument: ['body'],
  ConfigObject: ['members'],
  ConfigMember: ['key', 'value'],
  ConfigArray: ['elements'],
  ConfigKey: [],
  ConfigScalar: [],
};

/** Offsets to positions, by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] };
  }
  loc(start: number, end: number): SourceLoc {
    return { start: this.position(start), end: this.position(end) };
  }
}

/** Builds nodes with ranges and locs from offsets. */
export class NodeFactory {
  constructor(private readonly lines: LineIndex) {}
  private base(start: number, end: number): BaseNode {
    return { range: [start, end], loc: this.lines.loc(start, end) };
  }
  scalar(value: ConfigScalar['value'], start: number, end: number): ConfigScalar {
    return { type: 'ConfigScalar', value, ...this.base(start, end) };
  }
  key(name: string, start: number, end: number): ConfigKey {
    return { type: 'ConfigKey', name, ...this.base(start, end) };
  }
  member(key: ConfigKey, value: ConfigValue): ConfigMember {
    return { type: 'ConfigMember', key, value, ...this.base(key.range[0], Math.max(key.range[1], value.range[1])) };
  }
  object(members: ConfigMember[], start: number, end: number): ConfigObject {
    return { type: 'ConfigObject', members, ...this.base(start, end) };
  }
  array(elements: ConfigValue[], start: number, end: number): ConfigArray {
    return { type: 'ConfigArray', elements, ...this.base(start, end) };
  }
  comment(value: string, start: number, end: number): ConfigComment {
    return { type: 'ConfigComment', value, ...this.base(start, end) };
  }
}

/** Member value by key name (last one wins, as in every format's own semantics). */
export function getMember(node: ConfigValue | null | undefined, name: string): ConfigMember | undefined {
  if (node?.type !== 'ConfigObject') return undefined;
  for (let i = node.members.length - 1; i >= 0; i--) if (node.members[i].key.name === name) return node.members[i];
  return undefined;
}

export function getValue(node: ConfigValue | null | undefined, name: string): ConfigValue | undefined {
  return getMember(node, name)?.value;
}

/** Follow a path of keys from `node`. */
export function getPath(node: ConfigValue | null | undefined, path: readonly string[]): ConfigValue | undefined {
  let cur: ConfigValue | undefined = node ?? undefined;
  for (const k of path) cur = getValue(cur, k);
  return cur;
}
