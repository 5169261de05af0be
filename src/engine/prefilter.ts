import type { Keyword, McpRuleModule } from '../rule-kit/create-rule.js';

/** A substring to find; `word` ones count only at name-word boundaries. */
interface Term {
  key: string;
  text: string;
  word: boolean;
}

/**
 * A keyword list: it holds when one of its keywords is found. Keywords of one term are looked up by key (a rule can
 * have thousands), those of several (`{ all }`) are checked term by term.
 */
interface Condition {
  single: Set<string>;
  several: Term[][];
}

const conditionOf = (keywords: Keyword[]): Condition => {
  const terms = keywords.map(termsOf);
  return { single: new Set(terms.filter((t) => t.length === 1).map((t) => t[0].key)), several: terms.filter((t) => t.length > 1) };
};

const holds = (c: Condition, found: Set<string>): boolean => {
  for (const key of found) if (c.single.has(key)) return true;
  return c.several.some((terms) => terms.every((t) => found.has(t.key)));
};

/** A text gate that fails decides nothing: the rule runs. */
const passes = (gate: ((text: string) => boolean) | undefined, text: string): boolean => {
  if (!gate) return true;
  try {
    return gate(text);
  } catch {
    return true;
  }
};

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
  private readonly automaton: Automaton | null;
  /** Per rule: its own keywords (null = always), its keywordsAlso groups and its text gate. */
  private readonly rules: Array<{ id: string; own: Condition | null; also: Condition[]; gate?: (text: string) => boolean }> = [];
  /** Per keyword text (the automaton's output index): whether it counts as a substring, as a name word, or both. */
  private readonly texts: Array<{ text: string; plain: boolean; word: boolean }> = [];
  private readonly termCount: number;

  constructor(rules: Array<[string, McpRuleModule]>) {
    const keys = new Set<string>();
    const byText = new Map<string, { text: string; plain: boolean; word: boolean }>();
    for (const [id, rule] of rules) {
      const { keywords, keywordsAlso, textGate } = rule.meta.mcpAudit;
      this.rules.push({ id, own: keywords.length === 0 ? null : conditionOf(keywords), also: (keywordsAlso ?? []).map(conditionOf), gate: textGate });
      for (const t of [...keywords, ...(keywordsAlso ?? []).flat()].flatMap(termsOf)) {
        keys.add(t.key);
        let entry = byText.get(t.text);
        if (!entry) byText.set(t.text, (entry = { text: t.text, plain: false, word: false }));
        if (t.word) entry.word = true;
        else entry.plain = true;
      }
    }
    this.termCount = keys.size;
    this.texts = [...byText.values()];
    this.automaton = this.texts.length ? buildAutomaton(this.texts.map((t) => t.text)) : null;
  }

  /** Ids of the rules worth running on `text`: their keywords occur, and their text gate (if any) passes. */
  select(text: string): Set<string> {
    const found = this.found(text);
    const selected = new Set<string>();
    for (const { id, own, also, gate } of this.rules) {
      if ((own === null || holds(own, found)) && also.every((c) => holds(c, found)) && passes(gate, text)) selected.add(id);
    }
    return selected;
  }

  /**
   * Keys of every term that occurs in `text`, in one pass of an Aho-Corasick automaton over the text, folded to
   * lowercase as it goes. It reports every keyword ending at each position, so overlapping keywords ("auth" in
   * "authorization", "token" in "x-auth-token") are all seen.
   */
  private found(text: string): Set<string> {
    const found = new Set<string>();
    const a = this.automaton;
    if (!a) return found;
    const { delta, width, out, ascii, other } = a;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      state = delta[state * width + (c < 128 ? ascii[c] : (other.get(c) ?? 0))];
      const ends = out[state];
      if (ends === null) continue;
      for (const k of ends) {
        const { text: kw, plain, word } = this.texts[k];
        if (plain) found.add(kw);
        if (word && isNameWord(text, i + 1 - kw.length, kw.length)) found.add(`=${kw}`);
      }
      if (found.size === this.termCount) break;
    }
    return found;
  }
}

interface Automaton {
  /** state * width + character class → next state: a complete DFA, failure links folded in. */
  delta: Int32Array;
  width: number;
  /** Per state: indexes of the keywords that end there (its own and those of its failure chain), or null. */
  out: Array<number[] | null>;
  /** Character class of an ASCII code, folded to lowercase; 0 = in no keyword. */
  ascii: Uint8Array;
  /** Character class of the other characters keywords have (non-ASCII whitespace), and of `İ` and the Kelvin sign. */
  other: Map<number, number>;
}

/**
 * Aho-Corasick over the (lowercase) keywords, as a complete transition table over character classes: one class per
 * character some keyword has, and class 0 for all others. The text is folded as `toLowerCase` would fold it
 * where that can make a keyword character: ASCII capitals, `İ` to `i`, the Kelvin sign to `k`.
 */
function buildAutomaton(words: string[]): Automaton {
  const classOf = new Map<number, number>();
  for (const w of words) {
    for (let i = 0; i < w.length; i++) if (!classOf.has(w.charCodeAt(i))) classOf.set(w.charCodeAt(i), classOf.size + 1);
  }
  const width = classOf.size + 1;
  const ascii = new Uint8Array(128);
  for (let c = 0; c < 128; c++) ascii[c] = classOf.get(c >= 65 && c <= 90 ? c | 32 : c) ?? 0;
  const other = new Map([...classOf].filter(([c]) => c >= 128));
  for (const [c, lower] of [[0x130, 105], [0x212a, 107]]) {
    const cls = classOf.get(lower);
    if (cls !== undefined) other.set(c, cls);
  }

  const goto: Array<Map<number, number>> = [new Map()];
  const ends: number[][] = [[]];
  words.forEach((w, k) => {
    let state = 0;
    for (let i = 0; i < w.length; i++) {
      const cls = classOf.get(w.charCodeAt(i))!;
      let next = goto[state].get(cls);
      if (next === undefined) {
        next = goto.length;
        goto.push(new Map());
        ends.push([]);
        goto[state].set(cls, next);
      }
      state = next;
    }
    ends[state].push(k);
  });
  const delta = new Int32Array(goto.length * width);
  const fail = new Int32Array(goto.length);
  // Breadth first: a state's failure target is shallower, so its row and outputs are complete when it is used.
  const queue: number[] = [];
  for (const [cls, next] of goto[0]) {
    delta[cls] = next;
    queue.push(next);
  }
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q];
    ends[state].push(...ends[fail[state]]);
    for (let cls = 0; cls < width; cls++) {
      const next = goto[state].get(cls);
      const viaFail = delta[fail[state] * width + cls];
      if (next === undefined) delta[state * width + cls] = viaFail;
      else {
        fail[next] = viaFail;
        delta[state * width + cls] = next;
        queue.push(next);
      }
    }
  }
  return { delta, width, out: ends.map((e) => (e.length ? e : null)), ascii, other };
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
