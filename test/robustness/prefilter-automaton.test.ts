import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prefilter } from '../../src/engine/prefilter.js';
import type { Keyword, McpRuleModule } from '../../src/rule-kit/create-rule.js';

// The prefilter's one-pass automaton must find exactly what searching for every keyword on its own would find.
// Reference: lowercase the text, then indexOf each keyword (a word keyword at some place that is a name word).

const rule = (keywords: Keyword[], keywordsAlso?: Keyword[][]) => ({ meta: { mcpAudit: { keywords, keywordsAlso } } }) as unknown as McpRuleModule;

const ALNUM = /[A-Za-z0-9]/;
const isNameWord = (text: string, at: number, len: number) => {
  const before = text[at - 1] ?? '';
  const after = text[at + len] ?? '';
  const starts = !before || !ALNUM.test(before) || (/[a-z0-9]/.test(before) && /[A-Z]/.test(text[at]));
  const ends = !after || !ALNUM.test(after) || (/[A-Z]/.test(after) && /[a-z0-9]/.test(text[at + len - 1]));
  return starts && ends;
};
const occurs = (text: string, k: Keyword): boolean => {
  const lower = text.toLowerCase();
  if (typeof k === 'string') return lower.includes(k);
  if ('all' in k) return k.all.every((s) => lower.includes(s));
  for (let at = lower.indexOf(k.word); at !== -1; at = lower.indexOf(k.word, at + 1)) if (isNameWord(text, at, k.word.length)) return true;
  return false;
};
const reference = (rules: Array<[string, Keyword[], Keyword[][]]>, text: string) =>
  rules
    .filter(([, own, also]) => (own.length === 0 || own.some((k) => occurs(text, k))) && also.every((g) => g.some((k) => occurs(text, k))))
    .map(([id]) => id)
    .sort();

// Small alphabets, so keywords overlap, nest and share suffixes ("ab" inside "cabab"), and texts hit them often.
const KEY_CHARS = ['a', 'b', 'c', '-', '_', ' ', '\u00a0', '\0'];
const TEXT_CHARS = [...KEY_CHARS, 'A', 'B', 'C', 'x', 'X', '1', '.', '\u212a', '\u3000', 'é'];
const word = fc.string({ unit: fc.constantFrom(...KEY_CHARS), minLength: 1, maxLength: 5 });
const keyword: fc.Arbitrary<Keyword> = fc.oneof(
  word,
  word.filter((w) => /^[a-c]+$/.test(w)).map((w) => ({ word: w })),
  fc.array(word, { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
);
const rules = fc.array(fc.tuple(fc.array(keyword, { maxLength: 4 }), fc.array(fc.array(keyword, { minLength: 1, maxLength: 3 }), { maxLength: 2 })), { minLength: 1, maxLength: 5 });
const text = fc.string({ unit: fc.constantFrom(...TEXT_CHARS), maxLength: 60 });

describe('Prefilter automaton', () => {
  it('selects exactly the rules that a keyword-by-keyword search selects', () => {
    let selectedSome = 0;
    fc.assert(
      fc.property(rules, fc.array(text, { minLength: 1, maxLength: 5 }), (specs, texts) => {
        const named = specs.map(([own, also], i) => [`r${i}`, own, also] as [string, Keyword[], Keyword[][]]);
        const pf = new Prefilter(named.map(([id, own, also]) => [id, rule(own, also)]));
        for (const t of texts) {
          const got = [...pf.select(t)].sort();
          expect(got, JSON.stringify({ named, t })).toEqual(reference(named, t));
          if (got.some((id) => named.find(([n]) => n === id)![1].length > 0)) selectedSome++;
        }
      }),
      { numRuns: 2000 },
    );
    expect(selectedSome).toBeGreaterThan(500); // not vacuous: keyword rules were selected
  });

  it('folds capitals, the Kelvin sign and dotted capital I as toLowerCase does, and nothing else', () => {
    const pf = new Prefilter([
      ['kit', rule(['kit'])],
      ['tab', rule(['a\u00a0b'])],
    ]);
    expect([...pf.select('KIT')]).toEqual(['kit']);
    expect([...pf.select('\u212aIT')]).toEqual(['kit']);
    expect([...pf.select('K\u0130T')]).toEqual(['kit']);
    expect([...pf.select('A\u00a0B')]).toEqual(['tab']);
    expect([...pf.select('kít a b')]).toEqual([]);
  });
});
