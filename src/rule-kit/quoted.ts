/**
 * The values of the string literals and substitution-free templates a file can hold, read off its text without
 * parsing it, for text gates: from every quote (`'`, `"`, `` ` ``) to the next one of the same kind that is not
 * escaped (on the same line for `'` and `"`; a template with `${` is not one), cooked as JavaScript cooks escapes,
 * and also as written where that differs (JSX attribute values keep backslashes). A superset: every literal's value
 * is among them, beside some stretches between two literals and quotes inside comments.
 */
export function quotedValues(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const quote = text.charCodeAt(i);
    if ((quote !== 39 && quote !== 34 && quote !== 96) || escaped(text, i)) continue;
    const end = closingQuote(text, i, quote);
    if (end < 0) continue;
    const raw = text.slice(i + 1, end);
    const cooked = raw.includes('\\') ? cook(raw, quote === 96) : raw;
    out.push(cooked);
    if (cooked !== raw) out.push(raw);
  }
  return out;
}

/**
 * After an odd run of backslashes: an escaped quote inside a literal, never one that opens a literal (outside
 * literals, comments and regular expressions a backslash only starts a `\u` escape in a name). Skipping them keeps
 * a long template full of escaped backticks from being read once per backtick.
 */
function escaped(text: string, at: number): boolean {
  let run = 0;
  while (at - run > 0 && text.charCodeAt(at - run - 1) === 92) run++;
  return run % 2 === 1;
}

/** Index of the quote that closes one opened at `open`, or -1 (unterminated, or a template with a substitution). */
function closingQuote(text: string, open: number, quote: number): number {
  for (let k = open + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 92) k++; // a backslash escapes the next character, a line break included
    else if (c === quote) return k;
    else if (quote === 96 ? c === 36 && text.charCodeAt(k + 1) === 123 : c === 10 || c === 13) return -1;
  }
  return -1;
}

const SIMPLE: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** A literal's value from its source between the quotes; a template's invalid escape leaves it as written. */
function cook(raw: string, template: boolean): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\r' && template) {
      out += '\n'; // a template's raw line breaks count as \n
      if (raw[i + 1] === '\n') i++;
      continue;
    }
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = raw[++i] ?? '';
    if (next in SIMPLE) out += SIMPLE[next];
    else if (next === '\r') {
      if (raw[i + 1] === '\n') i++; // line continuation
    } else if (next === '\n' || next === '\u2028' || next === '\u2029') {
      // line continuation
    } else if (next === 'x' || next === 'u') {
      const m = next === 'x' ? /^[0-9a-fA-F]{2}/.exec(raw.slice(i + 1)) : /^(?:[0-9a-fA-F]{4}|\{[0-9a-fA-F]{1,6}\})/.exec(raw.slice(i + 1));
      if (!m) return raw;
      const code = parseInt(m[0].replace(/[{}]/g, ''), 16);
      if (code > 0x10ffff) return raw;
      out += String.fromCodePoint(code);
      i += m[0].length;
    } else if (next >= '0' && next <= '7') {
      if (template && !(next === '0' && !/[0-9]/.test(raw[i + 1] ?? ''))) return raw;
      const m = /^[0-7]{1,3}/.exec(raw.slice(i))!;
      const digits = parseInt(m[0], 8) > 0o377 ? m[0].slice(0, 2) : m[0];
      out += String.fromCharCode(parseInt(digits, 8));
      i += digits.length - 1;
    } else out += next;
  }
  return out;
}
