import { createHash } from 'node:crypto';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

/**
 * Fingerprints identify a finding across edits: rule, file, message id and a rule-chosen key (or the masked
 * evidence, or the whitespace-normalised source of the reported line), plus the occurrence index among identical
 * keys in the file. No line numbers, so code moving up or down keeps the fingerprint. A secret enters only as a
 * hash of a hash, so the fingerprint never carries it.
 */
export class FingerprintBuilder {
  private seen = new Map<string, number>();

  make(parts: { ruleId: string; file: string; messageId: string; key?: string; secret?: string; lineText: string }): string {
    const key = parts.key ?? (parts.secret ? `secret:${sha(sha(parts.secret))}` : `src:${parts.lineText.replace(/\s+/g, ' ').trim()}`);
    const base = `${parts.ruleId}\0${parts.file}\0${parts.messageId}\0${key}`;
    const n = this.seen.get(base) ?? 0;
    this.seen.set(base, n + 1);
    return sha(`${base}\0${n}`).slice(0, 32);
  }
}
