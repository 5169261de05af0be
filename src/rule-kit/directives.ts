import { ConfigCommentParser, Directive } from '@eslint/plugin-kit';

const commentParser = new ConfigCommentParser();
const DIRECTIVES = new Set(['eslint-disable', 'eslint-enable', 'eslint-disable-line', 'eslint-disable-next-line']);

/**
 * `eslint-disable…` directives in the comments of a non-JS language (config files, Python). `value` is a comment's
 * text without its comment marker; a `-line` directive must sit on one line (as in ESLint's JS handling).
 */
export function disableDirectives<C extends object>(comments: readonly C[], value: (c: C) => string, oneLine: (c: C) => boolean): Directive[] {
  const out: Directive[] = [];
  for (const comment of comments) {
    const d = commentParser.parseDirective(value(comment));
    if (!d || !DIRECTIVES.has(d.label)) continue;
    if (d.label === 'eslint-disable-line' && !oneLine(comment)) continue;
    out.push(new Directive({ type: d.label.slice('eslint-'.length) as Directive['type'], node: comment, value: d.value, justification: d.justification }));
  }
  return out;
}
