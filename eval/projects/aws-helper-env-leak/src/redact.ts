const SECRET_NAME = /(secret|token|password|key|credential)/i;

/** Environment for diagnostics with every secret-looking value replaced. */
export function safeEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    out[name] = SECRET_NAME.test(name) ? '[redacted]' : value;
  }
  return out;
}
