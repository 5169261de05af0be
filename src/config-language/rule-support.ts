import type { Rule } from 'eslint';
import { CLIENTS, type ClientSpec } from './clients.js';
import { REFERENCE_SYNTAXES, type ReferenceSyntaxId } from './references.js';
import type { ConfigScalar, SourceLoc } from './tree.js';

/** Helpers shared by the config rules. */

/**
 * Lowercase words some file of a client with servers must contain: the key of its servers container, or the field
 * names of a settings-only file. Prefilter keywords of the server-reading rules (a true superset by construction).
 */
export const SERVER_KEYWORDS: string[] = [
  ...new Set(
    CLIENTS.flatMap((c) => (c.servers === null ? [] : c.servers.length ? [c.servers[c.servers.length - 1]] : Object.values(c.fields).flat())).map(
      (k) => k.toLowerCase(),
    ),
  ),
];

/** The location of `needle` inside the source of the node at `range` (the whole node when not found verbatim). */
export function locWithin(sourceCode: Rule.RuleContext['sourceCode'], node: { range: [number, number]; loc: SourceLoc }, needle: string): SourceLoc {
  const at = needle ? sourceCode.text.slice(node.range[0], node.range[1]).indexOf(needle) : -1;
  if (at < 0) return node.loc;
  const start = node.range[0] + at;
  return { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(start + needle.length) };
}

/**
 * The location of `length` characters at `offset` in the value of a string scalar. The whole node when the value is
 * not spelled verbatim in the source (escapes), so a finding never points at the wrong characters.
 */
export function locInValue(sourceCode: Rule.RuleContext['sourceCode'], node: ConfigScalar, offset: number, length: number): SourceLoc {
  const at = sourceCode.text.slice(node.range[0], node.range[1]).indexOf(String(node.value));
  if (at < 0) return node.loc;
  const start = node.range[0] + at + offset;
  return { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(start + length) };
}

export function clientExpands(client: ClientSpec, syntax: ReferenceSyntaxId): boolean {
  return client.expands === 'unknown' || client.expands.includes(syntax);
}

/** How to keep a secret out of this client's file, for messages. */
export function secretFixHint(client: ClientSpec): string {
  if (client.byName) return `${client.byName.map((k) => `\`${k}\``).join(' / ')} (names of environment variables)`;
  if (client.expands === 'unknown') return 'a reference to an environment variable';
  const examples = REFERENCE_SYNTAXES.filter((s) => s.forSecrets !== false && clientExpands(client, s.id)).map((s) => `\`${s.examples[0]}\``);
  return examples.length
    ? `a reference such as ${examples.join(' or ')}`
    : `an environment variable set outside the file (${client.name} expands no reference syntax)`;
}
