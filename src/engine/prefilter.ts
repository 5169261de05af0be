import type { McpRuleModule } from '../rule-kit/create-rule.js';

/**
 * gitleaks-style keyword prefilter: one pass per file decides which rules can possibly report, so most files of a
 * large repo are never parsed. A rule with no keywords always runs on its language.
 */
export class Prefilter {
  private readonly regex: RegExp | null;
  private readonly byKeyword = new Map<string, string[]>();
  private readonly always: string[] = [];

  constructor(rules: Array<[string, McpRuleModule]>) {
    for (const [id, rule] of rules) {
      const kws = rule.meta.mcpAudit.keywords;
      if (kws.length === 0) this.always.push(id);
      for (const kw of kws) {
        const k = kw.toLowerCase();
        const list = this.byKeyword.get(k) ?? [];
        list.push(id);
        this.byKeyword.set(k, list);
      }
    }
    const words = [...this.byKeyword.keys()].sort((a, b) => b.length - a.length);
    this.regex = words.length ? new RegExp(words.map(escape).join('|'), 'g') : null;
  }

  /** Ids of the rules worth running on `text`. */
  select(text: string): Set<string> {
    const selected = new Set(this.always);
    if (!this.regex) return selected;
    const lower = text.toLowerCase();
    const remaining = new Set(this.byKeyword.keys());
    this.regex.lastIndex = 0;
    for (let m = this.regex.exec(lower); m; m = this.regex.exec(lower)) {
      // Keywords can overlap ("auth" starts "authorization", "token" sits inside "x-auth-token"): look at every
      // keyword starting here, then resume one character later rather than after the match.
      for (const kw of remaining) {
        if (lower.startsWith(kw, m.index)) {
          for (const id of this.byKeyword.get(kw)!) selected.add(id);
          remaining.delete(kw);
        }
      }
      if (remaining.size === 0) break;
      this.regex.lastIndex = m.index + 1;
    }
    return selected;
  }
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
