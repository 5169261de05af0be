import type { Keyword, McpRuleModule } from '../rule-kit/create-rule.js';

/** A substring to find; `word` ones count only at name-word boundaries. */
interface Term {
  key: string;
  text: string;
  word: boolean;
}

/** Keywords as the terms that must all be found, one inner list per keyword. */
type Condition = Term[][];

const termsOf = (k: Keyword): Term[] =>
  typeof k === 'string'
    ? [{ key: k.toLowerCase(), text: k.toLowerCase(), word: false }]
    : 'word' in k
      ? [{ key: `=${k.word.toLowerCase()}`, text: k.word.toLowerCase(), word: true }]
      : k.all.map((s) => ({ key: s.toLowerCase(), text: s.toLowerCase(), word: false }));

/**
 * gitleaks-style keyword prefilter: one pass per file decides which rules can possibly report, so most files of a
 * large repo are never parsed. A rule with no keywords always runs on its language.
 */
export class Prefilter {
  private readonly regex: RegExp | null;
  /** Per rule: its own keywords (null = always) and its keywordsAlso groups. */
  private readonly rules: Array<{ id: string; own: Condition | null; also: Condition[] }> = [];
  /** Distinct texts by first character, so a match position is checked only against texts that can start there. */
  private readonly byFirstChar = new Map<string, string[]>();
  private readonly plainTexts = new Set<string>();
  private readonly wordTexts = new Set<string>();
  private readonly termCount: number;

  constructor(rules: Array<[string, McpRuleModule]>) {
    const keys = new Set<string>();
    for (const [id, rule] of rules) {
      const { keywords, keywordsAlso } = rule.meta.mcpAudit;
      const own = keywords.length === 0 ? null : keywords.map(termsOf);
      const also = (keywordsAlso ?? []).map((g) => g.map(termsOf));
      this.rules.push({ id, own, also });
      for (const t of [...(own ?? []), ...also.flat()].flat()) {
        keys.add(t.key);
        (t.word ? this.wordTexts : this.plainTexts).add(t.text);
      }
    }
    this.termCount = keys.size;
    const texts = [...new Set([...this.plainTexts, ...this.wordTexts])].sort((a, b) => b.length - a.length);
    this.regex = texts.length ? new RegExp(trieSource(texts), 'g') : null;
    for (const w of texts) {
      const bucket = this.byFirstChar.get(w[0]);
      if (bucket) bucket.push(w);
      else this.byFirstChar.set(w[0], [w]);
    }
  }

  /** Ids of the rules worth running on `text`. */
  select(text: string): Set<string> {
    const found = this.found(text);
    const holds = (c: Condition) => c.some((terms) => terms.every((t) => found.has(t.key)));
    const selected = new Set<string>();
    for (const { id, own, also } of this.rules) {
      if ((own === null || holds(own)) && also.every(holds)) selected.add(id);
    }
    return selected;
  }

  /** Keys of every term that occurs in `text`, in one pass of one regex. */
  private found(text: string): Set<string> {
    const found = new Set<string>();
    if (!this.regex) return found;
    const lower = text.toLowerCase();
    // Case folding that changes lengths (rare non-ASCII letters) misaligns offsets: count every word as found then.
    const aligned = lower.length === text.length;
    this.regex.lastIndex = 0;
    for (let m = this.regex.exec(lower); m; m = this.regex.exec(lower)) {
      // Keywords can overlap ("auth" starts "authorization", "token" sits inside "x-auth-token"): look at every
      // keyword starting here, then resume one character later rather than after the match.
      for (const kw of this.byFirstChar.get(lower[m.index]) ?? []) {
        if (!lower.startsWith(kw, m.index)) continue;
        if (this.plainTexts.has(kw)) found.add(kw);
        if (this.wordTexts.has(kw) && (!aligned || isNameWord(text, m.index, kw.length))) found.add(`=${kw}`);
      }
      if (found.size === this.termCount) break;
      this.regex.lastIndex = m.index + 1;
    }
    return found;
  }
}

const ALNUM = /[A-Za-z0-9]/;
const LOWER_OR_DIGIT = /[a-z0-9]/;
const UPPER = /[A-Z]/;

/**
 * Is text[at, at+length) a whole word of the name around it, as nameWords splits names (at camel humps
 * `aB`/`1B` and at anything not a letter or digit)? A superset: other separators count as boundaries too.
 */
function isNameWord(text: string, at: number, length: number): boolean {
  const end = at + length;
  const before = at > 0 ? text[at - 1] : '';
  const after = end < text.length ? text[end] : '';
  const startsWord = !before || !ALNUM.test(before) || (LOWER_OR_DIGIT.test(before) && UPPER.test(text[at]));
  const endsWord = !after || !ALNUM.test(after) || (UPPER.test(after) && LOWER_OR_DIGIT.test(text[end - 1]));
  return startsWord && endsWord;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/**
 * One regex for many keywords, shaped as their trie (`a(?:uth(?:orization)?|pi)|…`): V8 then tries one branch per
 * character instead of every keyword in turn (a flat alternation of ~400 words cost a third of the scan's prefilter
 * time). It matches wherever some keyword starts, which is all `found` needs.
 */
function trieSource(words: string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const w of words) {
    let node = root;
    for (const ch of w) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: TrieNode): string => {
    const branches = [...node.next].map(([ch, child]) => escape(ch) + emit(child));
    if (branches.length === 0) return '';
    // A keyword ends here: the rest is optional (the shorter keyword already matches).
    if (node.end) return '';
    return branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
  };
  return emit(root);
}
