/**
 * The one place secrets are masked. Output shows at most a short prefix and the length, never the value.
 *
 * `publicPrefix` is a provider's documented, non-secret prefix (e.g. `ghp_`, `sk_live_`); when known it is shown
 * as is. Otherwise at most 3 characters are shown, and fewer for short values, so a short password is never
 * half-revealed.
 */
export function maskSecret(secret: string, publicPrefix?: string): string {
  const len = [...secret].length;
  let shown: string;
  if (publicPrefix && secret.startsWith(publicPrefix) && publicPrefix.length <= 12) {
    shown = publicPrefix;
  } else {
    const n = len >= 24 ? 3 : len >= 12 ? 2 : 0;
    shown = [...secret].slice(0, n).join('');
  }
  return `${shown}…(${len} chars)`;
}

/**
 * Replace every occurrence of the given secrets in `text` by their masks. Used by the engine as a last line of
 * defence on messages, so a rule that forgot to mask cannot leak.
 */
export function scrubSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const s of secrets) {
    if (s.length < 4) continue;
    if (out.includes(s)) out = out.split(s).join(maskSecret(s));
  }
  return out;
}
