import type { McpRuleModule } from '../rule-kit/create-rule.js';

/**
 * gitleaks-style keyword prefilter: one pass per file decides which rules can possibly report, so most files of a
 * large repo are never parsed. A rule with no keywords always runs on its language.
 */
export class Prefilter {
  private readonly regex: RegExp | null;
  private readonly byKeyword = new Map<string, string[]>();
  private readonly always: string[] = [];

  /** Rules whose `keywordsAlso` groups must each be matched too. */
  private readonly groups = new Map<string, string[][]>();
  private readonly keywordsOf = new Map<string, string[]>();
  /** Keywords by first character, so a match position is checked only against keywords that can start there. */
  private readonly byFirstChar = new Map<string, string[]>();

  constructor(rules: Array<[string, McpRuleModule]>) {
    for (const [id, rule] of rules) {
      const { keywords, keywordsAlso } = rule.meta.mcpAudit;
      if (keywords.length === 0) this.always.push(id);
      if (keywordsAlso?.length) this.groups.set(id, keywordsAlso.map((g) => g.map((k) => k.toLowerCase())));
      this.keywordsOf.set(id, keywords.map((k) => k.toLowerCase()));
      for (const kw of [...keywords, ...(keywordsAlso ?? []).flat()]) {
        const k = kw.toLowerCase();
        const list = this.byKeyword.get(k) ?? [];
        if (!list.includes(id)) list.push(id);
        this.byKeyword.set(k, list);
      }
    }
    const words = [...this.byKeyword.keys()].sort((a, b) => b.length - a.length);
    this.regex = words.length ? new RegExp(words.map(escape).join('|'), 'g') : null;
    for (const w of words) {
      const bucket = this.byFirstChar.get(w[0]);
      if (bucket) bucket.push(w);
      else this.byFirstChar.set(w[0], [w]);
    }
  }

  /** Ids of the rules worth running on `text`. */
  select(text: string): Set<string> {
    const found = this.found(text);
    const selected = new Set(this.always);
    for (const [kw, ids] of this.byKeyword) {
      if (!found.has(kw)) continue;
      for (const id of ids) selected.add(id);
    }
    for (const [id, groups] of this.groups) {
      if (selected.has(id) && !groups.every((g) => g.some((k) => found.has(k)))) selected.delete(id);
    }
    // A rule selected only through a keywordsAlso word still needs one of its own keywords.
    for (const id of selected) {
      const rule = this.keywordsOf.get(id);
      if (rule && rule.length > 0 && !rule.some((k) => found.has(k))) selected.delete(id);
    }
    return selected;
  }

  /** Every keyword that occurs in `text`, in one pass of one regex. */
  private found(text: string): Set<string> {
    const found = new Set<string>();
    if (!this.regex) return found;
    const lower = text.toLowerCase();
    this.regex.lastIndex = 0;
    for (let m = this.regex.exec(lower); m; m = this.regex.exec(lower)) {
      // Keywords can overlap ("auth" starts "authorization", "token" sits inside "x-auth-token"): look at every
      // keyword starting here, then resume one character later rather than after the match.
      for (const kw of this.byFirstChar.get(lower[m.index]) ?? []) {
        if (!found.has(kw) && lower.startsWith(kw, m.index)) found.add(kw);
      }
      if (found.size === this.byKeyword.size) break;
      this.regex.lastIndex = m.index + 1;
    }
    return found;
  }
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
