import type { Severity } from '../severity.js';

/**
 * Provider secret formats, kept as data (gitleaks-style): each entry carries its own true and false examples,
 * checked by test/rule-kit/secret-patterns.test.ts. Formats follow gitleaks' public config where it has them;
 * regexes here are our own, with bounded quantifiers so no input can make them backtrack badly.
 * Order matters: when two entries match the same text, the earlier (more specific) one wins.
 */
export interface SecretPattern {
  /** kebab-case, e.g. 'github-pat-classic'. */
  id: string;
  provider: string;
  title: string;
  /** Matches the secret inside a larger string; not anchored; no /g (the matcher adds it). */
  regex: RegExp;
  /** Capture group holding the secret part (e.g. the password of a DB URL); default: the whole match. */
  secretGroup?: number;
  /** Lowercase; the regex only runs when the text (or the name it is assigned to) contains one of them. */
  keywords: string[];
  /** Documented non-secret prefix shown in masked output. */
  publicPrefix?: string;
  severity: Severity;
  /** Only report when the value is assigned to a name matching this (formats without a distinctive prefix). */
  nameHint?: RegExp;
  /** Minimum Shannon entropy (bits/char) of the secret part. */
  minEntropy?: number;
  /** Extra structural check on the secret part. */
  validate?: (secret: string) => boolean;
  /**
   * The secret part is chosen by a person (a connection URL's password), not generated in a format that names its
   * issuer: in test code such a value is a fixture as often as a leak, so it is held back there with the rest.
   */
  chosenByPerson?: boolean;
  /** Documented example values of this format: never reported by any check (see isKnownNonSecret). */
  allow?: RegExp[];
  rotateUrl?: string;
  /** Each string is a whole literal value. */
  examples: { match: string[]; noMatch: string[] };
}

/** Decode a JWT's payload; null when it is not one. */
function jwtPayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return json && typeof json === 'object' ? (json as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A PEM body must be real base64 of some length, not `...` or a short stand-in. */
function hasKeyMaterial(pem: string): boolean {
  const body = pem
    .replace(/-----(?:BEGIN|END)[^-]{0,60}-----/g, '')
    .replace(/\\[nr]/g, '\n')
    .split('\n')
    .filter((line) => !line.includes(':'))
    .join('')
    .replace(/\s+/g, '');
  return /^[A-Za-z0-9+/=]{64,}$/.test(body) && new Set(body).size >= 20;
}

/** Default or dummy passwords seen in sample connection strings; not worth reporting as leaked secrets. */
const DUMMY_DB_PASSWORDS = new Set([
  'password', 'pass', 'passwd', 'pwd', 'secret', 'changeme', 'postgres', 'mysql', 'mariadb', 'mongo', 'mongodb',
  'redis', 'root', 'admin', 'user', 'username', 'guest', 'test', 'example', 'sa',
]);

export const SECRET_PATTERNS: SecretPattern[] = [
  // --- GitHub ---
  {
    id: 'github-pat-classic',
    provider: 'GitHub',
    title: 'personal access token (classic)',
    regex: /\bghp_[0-9A-Za-z]{36}\b/,
    keywords: ['ghp_'],
    publicPrefix: 'ghp_',
    severity: 'high',
    rotateUrl: 'https://github.com/settings/tokens',
    examples: {
      match: ['ghp_HY1IzG50R28ZOmOx31iiYgZXA13roxObXEaz', 'token ghp_rRCL19offj8Uyt9zctvY5XYDvuqUaw65Rb9p'],
      noMatch: ['ghp_y5jafBvUcEdMdUtJKhU4DbuzNQduMUvoJ7h', 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'ghx_fjUnWh0n3Xa8TsX31EpR2LO4DewholEdBfmr', 'ghp_9eCDPtQM18f15AskVhuB5xS8sG7NzyhWJ7amQ'],
    },
  },
  {
    id: 'github-pat-fine-grained',
    provider: 'GitHub',
    title: 'fine-grained personal access token',
    regex: /\bgithub_pat_[0-9A-Za-z_]{82}\b/,
    keywords: ['github_pat_'],
    publicPrefix: 'github_pat_',
    severity: 'high',
    rotateUrl: 'https://github.com/settings/personal-access-tokens',
    examples: {
      match: ['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'],
      noMatch: ['github_pat_Hy5mNKfnAcqeStCrKnhesS_an74GnKKhSGrBaxpLGFutHRtEeZMpze4vdci3Mrc', 'github_pat_<your-token>'],
    },
  },
  {
    id: 'github-oauth-token',
    provider: 'GitHub',
    title: 'OAuth access token',
    regex: /\bgho_[0-9A-Za-z]{36}\b/,
    keywords: ['gho_'],
    publicPrefix: 'gho_',
    severity: 'high',
    examples: { match: ['gho_pIerrLVFw8QMEzJP5kZNbVNyksBLtdYViyXY'], noMatch: ['gho_fbG4UVUodTFzG1vhXIzXT72PXsy4kc', 'gho_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'] },
  },
  {
    id: 'github-user-to-server-token',
    provider: 'GitHub',
    title: 'GitHub App user-to-server token',
    regex: /\bghu_[0-9A-Za-z]{36}\b/,
    keywords: ['ghu_'],
    publicPrefix: 'ghu_',
    severity: 'high',
    examples: { match: ['ghu_7F62tEugniWicsi9cLqujh5P9cFrsrDCHTFU'], noMatch: ['ghu_a4QiNjcYAcmry05EOd1M', 'ghu_'] },
  },
  {
    id: 'github-server-to-server-token',
    provider: 'GitHub',
    title: 'GitHub App installation (server-to-server) token',
    regex: /\bghs_[0-9A-Za-z]{36}\b/,
    keywords: ['ghs_'],
    publicPrefix: 'ghs_',
    severity: 'high',
    examples: { match: ['ghs_xxaWArjRT3zdgScX4i8bKShsvfVjmpY0XlSa'], noMatch: ['ghs_5BGVEN8aHkpLZUP2oNZiCoSGhfETHhKFx82v_x', 'ghs_abcdefghijklmnopqrstuvwxyz0123456789'] },
  },
  {
    id: 'github-refresh-token',
    provider: 'GitHub',
    title: 'GitHub App refresh token',
    regex: /\bghr_[0-9A-Za-z]{36,76}\b/,
    keywords: ['ghr_'],
    publicPrefix: 'ghr_',
    severity: 'high',
    examples: { match: ['ghr_MqMgLPUWQyxysMZAUIkux8tmjXD1HfDr1AAbOdU47CkzLcMTb7Eaeu9sctoRFeb1HohvaK5C6HrU'], noMatch: ['ghr_KjGXQkQN5HHt'] },
  },
  // --- GitLab ---
  {
    id: 'gitlab-pat',
    provider: 'GitLab',
    title: 'personal access token',
    regex: /\bglpat-(?:[0-9A-Za-z_-]{27,300}\.[0-9a-z]{9}|[0-9A-Za-z_-]{20})(?![0-9A-Za-z_-])/,
    keywords: ['glpat-'],
    publicPrefix: 'glpat-',
    severity: 'high',
    rotateUrl: 'https://docs.gitlab.com/user/profile/personal_access_tokens/',
    examples: {
      match: ['glpat-i2qMN1WeHxtKVlKKC9dh', 'glpat-kgpwBivj233DmLa888I_Hn64R0S.01o35b4hy'],
      noMatch: ['glpat-L0voQXC2ZXhfJsTsXZB', 'glpat-xxxxxxxxxxxxxxxxxxxx', 'glpat-NVEUsUpZcG6tSBrkAQcPm5'],
    },
  },
  {
    id: 'gitlab-deploy-token',
    provider: 'GitLab',
    title: 'deploy token',
    regex: /\bgldt-[0-9A-Za-z_-]{20,64}(?![0-9A-Za-z_-])/,
    keywords: ['gldt-'],
    publicPrefix: 'gldt-',
    severity: 'high',
    examples: { match: ['gldt-egF8CWOB208jH6XGOeBh'], noMatch: ['gldt-2rKZ4tDlrwCt', 'gldt-<token>'] },
  },
  {
    id: 'gitlab-runner-token',
    provider: 'GitLab',
    title: 'runner authentication token',
    regex: /\bglrt-[0-9A-Za-z_-]{20,64}(?![0-9A-Za-z_-])/,
    keywords: ['glrt-'],
    publicPrefix: 'glrt-',
    severity: 'high',
    examples: { match: ['glrt-Fh4A7yIjMKAIbXwDf6qV', 'glrt-t1_vDNI0o6MI4pnoqh8sfGxm24ctPQ'], noMatch: ['glrt-jFrPw_3cNl'] },
  },
  {
    id: 'gitlab-pipeline-trigger-token',
    provider: 'GitLab',
    title: 'pipeline trigger token',
    regex: /\bglptt-[0-9a-f]{40}\b/,
    keywords: ['glptt-'],
    publicPrefix: 'glptt-',
    severity: 'high',
    examples: { match: ['glptt-ecd0c6ab4e8592066243dd49ede1f93ed83957e6'], noMatch: ['glptt-e4f7f24f2b77202137b8373aa6a223c6842dfb3', 'glptt-JYDRAeLIywqD3kdzVuuVszIBoBVb3lKeRoojD5H9Z'] },
  },
  {
    id: 'gitlab-oauth-app-secret',
    provider: 'GitLab',
    title: 'OAuth application secret',
    regex: /\bgloas-[0-9A-Za-z_-]{64}(?![0-9A-Za-z_-])/,
    keywords: ['gloas-'],
    publicPrefix: 'gloas-',
    severity: 'high',
    examples: { match: ['gloas-faKIkxshNhMRx6aJWxMMSk5J_8A3vYaIdNf9Je-YSMDS1VBj7ztBmPPdxpPWUIDy'], noMatch: ['gloas-DHCNb1qrXFrZ4raBcw2v7xrw2-1GaadICbt-Tu2PJ3x_z0Wuki'] },
  },
  // --- Slack ---
  {
    id: 'slack-bot-token',
    provider: 'Slack',
    title: 'bot token',
    regex: /\bxoxb-[0-9]{10,13}-[0-9]{10,13}-[0-9A-Za-z]{20,40}\b/,
    keywords: ['xoxb-'],
    publicPrefix: 'xoxb-',
    severity: 'high',
    rotateUrl: 'https://api.slack.com/authentication/rotation',
    examples: {
      match: ['xoxb-792604377876-1098339835087-nl3nu9uG7osVMrjcuelgU0UT'],
      noMatch: ['xoxb-372756858726-gTtHZfUMguZ6jumHpCYpRIYJ', 'xoxb-your-bot-token', 'xoxb-528012961604-0675553506914-xxxxxxxxxxxxxxxxxxxxxxxx'],
    },
  },
  {
    id: 'slack-user-token',
    provider: 'Slack',
    title: 'user token',
    regex: /\bxox[pe]-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[0-9A-Za-z]{28,34}\b/,
    keywords: ['xoxp-', 'xoxe-'],
    publicPrefix: 'xoxp-',
    severity: 'high',
    examples: {
      match: ['xoxp-874263292207-881983090193-2330790131884-7e4f7ba084d64adbb4f8ca096347d57c', 'xoxe-61678337682-822318682856-0088577104432-171528e0c001686edca46bfa16010b32'],
      noMatch: ['xoxp-613906212555-706063543287-fd97e6fbe277ba6868477883c901da02', 'xoxa-172324549466-676939581691-1826773673534-7b7e70bc9ddf4feaa1ffad3bcbe3aecb'],
    },
  },
  {
    id: 'slack-app-token',
    provider: 'Slack',
    title: 'app-level token',
    regex: /\bxapp-[0-9]-[A-Z0-9]{8,15}-[0-9]{10,16}-[a-f0-9]{32,80}\b/i,
    keywords: ['xapp-'],
    publicPrefix: 'xapp-',
    severity: 'high',
    examples: {
      match: ['xapp-1-A393BBX8DZW-6816207800151-f2f2f6e3c11d229452ad781e2df672ea964f5cc77343e9bc4a86b47b95fe92ae'],
      noMatch: ['xapp-1-A17NOYEZ9UH-4534082101395', 'xapp-your-app-token'],
    },
  },
  {
    id: 'slack-config-token',
    provider: 'Slack',
    title: 'configuration token',
    regex: /\bxoxe(?:\.xox[bp])?-[0-9]-[A-Za-z0-9]{140,170}\b/,
    keywords: ['xoxe.', 'xoxe-'],
    publicPrefix: 'xoxe',
    severity: 'high',
    examples: {
      match: ['xoxe.xoxp-1-ur5ijOKbtzeOAjYP4icb9Bfxn2IVJccBxCYLmg7pfssRJsaWaTlz1VXN9o4kQzhtV9o11CLLgvFl91pIEXgkizi5juNSXVPY7gCjXUWBQ4uNdWCm3oKGfg1AAKCa5hwqXeCvANSq4QxdLw8rDWZwH61zIqW4C1mQW80J', 'xoxe-1-KjrexazE5ZpCxhwLNwowSrjZ431AzXSvxannBwsiLW8Zc8pedHg3yEgpSYjhojIFQLhfXEO24dYmiHJ0no3xoGIEM4m1akNx5CVefGUUpjdPF1IXIvjENhXiNrpbp0kS9ydl9oHV4RypNpw9Md'],
      noMatch: ['xoxe.xoxp-1-ehL7JlPDDeVOcRPfZChib2fSCYa7L5QZey6WZSJt', 'xoxe.xoxa-1-HZrwUJLTYsdTnJsNpKnrEIykM7PgGxKoZGwOEFDe6ceobr8ULJlaiKcT2YtcPFBgoGCkeNcUaNCmYbu4vsG7jOmvNW6rTkaTBIlMJ2PUybUNlU9EeFYGcdx7FM5ZPRthlaM7mqEl2HNvMaojvaKa0yl0ZZIGFp5wxzfx'],
    },
  },
  {
    id: 'slack-webhook-url',
    provider: 'Slack',
    title: 'incoming webhook URL',
    regex: /\bhooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/]{43,56}(?![A-Za-z0-9+/])/,
    keywords: ['hooks.slack.com'],
    severity: 'medium',
    examples: {
      match: ['https://hooks.slack.com/services/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'],
      noMatch: [
        'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
        'https://hooks.slack.com/services/',
        'https://api.slack.com/messaging/webhooks',
      ],
    },
  },
  // --- Payments ---
  {
    id: 'stripe-live-secret-key',
    provider: 'Stripe',
    title: 'live secret key',
    regex: /\bsk_(?:live|prod)_[0-9A-Za-z]{24,247}\b/,
    keywords: ['sk_live_', 'sk_prod_'],
    publicPrefix: 'sk_live_',
    severity: 'critical',
    rotateUrl: 'https://dashboard.stripe.com/apikeys',
    examples: {
      match: ['sk_live_n4jvDnRty5AiZnUZ0B2qr0rZ', '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', 'sk_prod_dhLrwCejc5GHmiwgsnu0Ph8s9cGxuPvi'],
      noMatch: ['sk_test_CSj8asdOMIG0SIq5jnKbJ8V4', 'pk_live_Fni6Jxqbgn2Amzv84Ayg3xGy', 'sk_live_1234567890abcdefghijklmn', 'sk_live_...'],
    },
  },
  {
    id: 'stripe-restricted-key',
    provider: 'Stripe',
    title: 'live restricted key',
    regex: /\brk_(?:live|prod)_[0-9A-Za-z]{24,247}\b/,
    keywords: ['rk_live_', 'rk_prod_'],
    publicPrefix: 'rk_live_',
    severity: 'critical',
    rotateUrl: 'https://dashboard.stripe.com/apikeys',
    examples: { match: ['rk_live_Fs1eYQw9DO8OngV2EJZT4xVL', 'rk_prod_a6bsWLrihyeGc31XTIshMw5K0eyBnI2HIMQMQjOA'], noMatch: ['rk_test_t6j5OElP2ovLEwI1B6pMRado', 'rk_live_gufXoJk11m'] },
  },
  {
    id: 'stripe-webhook-secret',
    provider: 'Stripe',
    title: 'webhook signing secret',
    regex: /\bwhsec_[0-9A-Za-z+/=]{32,88}(?![0-9A-Za-z+/=])/,
    keywords: ['whsec_'],
    publicPrefix: 'whsec_',
    severity: 'high',
    examples: { match: ['whsec_39d6Z16PAfHmB7speQHm99Gd1h0Qoigu'], noMatch: ['whsec_wLIxYxBITx3XqFVD', 'whsec_...'] },
  },
  // --- AI providers ---
  {
    id: 'openai-admin-key',
    provider: 'OpenAI',
    title: 'admin API key',
    regex: /\bsk-admin-[0-9A-Za-z_-]{20,200}T3BlbkFJ[0-9A-Za-z_-]{20,200}(?![0-9A-Za-z_-])/,
    keywords: ['t3blbkfj'],
    publicPrefix: 'sk-admin-',
    severity: 'critical',
    rotateUrl: 'https://platform.openai.com/settings/organization/admin-keys',
    examples: { match: ['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'], noMatch: ['sk-admin-Gm8hQ-n6QEAUstQiCPKHq5ygmBAMkEQe9HRV0BYoPsSNf37ReXmi0SayTH', 'sk-admin-...'] },
  },
  {
    id: 'openai-project-key',
    provider: 'OpenAI',
    title: 'project or service-account API key',
    regex: /\bsk-(?:proj|svcacct)-[0-9A-Za-z_-]{20,200}T3BlbkFJ[0-9A-Za-z_-]{20,200}(?![0-9A-Za-z_-])/,
    keywords: ['t3blbkfj'],
    publicPrefix: 'sk-proj-',
    severity: 'high',
    rotateUrl: 'https://platform.openai.com/api-keys',
    examples: {
      match: ['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', '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'],
      noMatch: ['sk-proj-kZcMAyYSrnJum7ixhVuTGWuTuEKUZ99zKak5-fa053pvUaTafORCuZDSMD7bB_zf0pvj3uDIXN', 'sk-proj-...', 'sk-proj-xxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxx'],
    },
  },
  {
    id: 'openai-legacy-key',
    provider: 'OpenAI',
    title: 'user API key (legacy)',
    regex: /\bsk-[0-9A-Za-z]{20}T3BlbkFJ[0-9A-Za-z]{20}\b/,
    keywords: ['t3blbkfj'],
    publicPrefix: 'sk-',
    severity: 'high',
    rotateUrl: 'https://platform.openai.com/api-keys',
    examples: { match: ['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'], noMatch: ['sk-HQKd3QQSbJDl3haMUaGJ8OYEpbJgS0fGMB9Owq3NBVb0swFj', 'sk-...'] },
  },
  {
    id: 'anthropic-admin-key',
    provider: 'Anthropic',
    title: 'admin API key',
    regex: /\bsk-ant-admin01-[0-9A-Za-z_-]{93}AA(?![0-9A-Za-z_-])/,
    keywords: ['sk-ant-admin01-'],
    publicPrefix: 'sk-ant-admin01-',
    severity: 'critical',
    rotateUrl: 'https://console.anthropic.com/settings/admin-keys',
    examples: { match: ['sk-ant-admin01-kHoeFey1qlg-oVClrY5dSFNgjeTmIYP2RNsye2ULpmtYkMcalDvWxkQZO8W5I3tIScTXYV95in8MpBKPLFrkPGrPuqmkYAA'], noMatch: ['sk-ant-admin01-N5PinHQh6lu_EQMSI3UuQ6d_n5hcXQPeFXRe0BeJAA', 'sk-ant-admin01-...'] },
  },
  {
    id: 'anthropic-api-key',
    provider: 'Anthropic',
    title: 'API key',
    regex: /\bsk-ant-api03-[0-9A-Za-z_-]{93}AA(?![0-9A-Za-z_-])/,
    keywords: ['sk-ant-api03-'],
    publicPrefix: 'sk-ant-api03-',
    severity: 'high',
    rotateUrl: 'https://console.anthropic.com/settings/keys',
    examples: {
      match: ['sk-ant-api03-XxEzRvubi7DIn41wSGIqH22Pdh7N2LtVE5z2cXYUUvKPnbjbzNz_RRvwz0IWJfTRH10Viw7FPcyvb40WDb4Ljh0TEBTCcAA'],
      noMatch: ['sk-ant-api03-ljWjXwRHyyMVN0yzRb9X4vi-S0FOMmSi9QSGFSA8H4_pHoLf2HPD1ORvXLqdAblttEV8biPcPdyX0MqCjBmvefRI679ro', 'sk-ant-api03-...', 'sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxAA'],
    },
  },
  {
    id: 'openrouter-api-key',
    provider: 'OpenRouter',
    title: 'API key',
    regex: /\bsk-or-v1-[0-9a-f]{64}\b/,
    keywords: ['sk-or-v1-'],
    publicPrefix: 'sk-or-v1-',
    severity: 'high',
    rotateUrl: 'https://openrouter.ai/settings/keys',
    examples: {
      match: ['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'],
      noMatch: ['sk-or-v1-d14bb9cc016ae7f090e6cf1fba83b46f93accacadeac41383f133804', 'sk-or-v1-...', 'sk-or-v2-d14bb9cc016ae7f090e6cf1fba83b46f93accacadeac41383f13380457c60505'],
    },
  },
  {
    id: 'groq-api-key',
    provider: 'Groq',
    title: 'API key',
    regex: /\bgsk_[0-9A-Za-z]{52}\b/,
    keywords: ['gsk_'],
    publicPrefix: 'gsk_',
    severity: 'high',
    examples: { match: ['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'], noMatch: ['gsk_m3eioUSIgsVW8uBHQyuRAYRz5JYkqDnO95yThDyS', 'gsk_your_key_here'] },
  },
  {
    id: 'perplexity-api-key',
    provider: 'Perplexity',
    title: 'API key',
    regex: /\bpplx-[0-9A-Za-z]{48}\b/,
    keywords: ['pplx-'],
    publicPrefix: 'pplx-',
    severity: 'high',
    examples: { match: ['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'], noMatch: ['pplx-0cj4WMbDUQkoUzZXmHMYbzXg2NuZbHWT', 'pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'] },
  },
  {
    id: 'replicate-api-token',
    provider: 'Replicate',
    title: 'API token',
    regex: /\br8_[0-9A-Za-z]{37}\b/,
    keywords: ['r8_'],
    publicPrefix: 'r8_',
    severity: 'high',
    examples: { match: ['r8_5lPKEWYZ5IfuVSP2hT9Wsc0aUPQSSMIf2v6OW'], noMatch: ['r8_ZMebKfdF8yGQizIhEzov', 'r8_<token>'] },
  },
  {
    id: 'huggingface-token',
    provider: 'Hugging Face',
    title: 'access token',
    regex: /\b(?:hf|api_org)_[A-Za-z]{34}\b/,
    keywords: ['hf_', 'api_org_'],
    publicPrefix: 'hf_',
    severity: 'high',
    rotateUrl: 'https://huggingface.co/settings/tokens',
    examples: { match: ['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', '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'], noMatch: ['hf_EetuZXenbVFSSSRsmcHR', 'hf_juYfKxuX2xvnraumC9b1RDxgfQYLaZ8LJr1', 'hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'] },
  },
  {
    id: 'mistral-api-key',
    provider: 'Mistral',
    title: 'API key',
    // 32 alphanumerics with no prefix: only meaningful when the name says Mistral.
    regex: /(?<![0-9A-Za-z])[0-9A-Za-z]{32}(?![0-9A-Za-z])/,
    keywords: ['mistral'],
    severity: 'high',
    nameHint: /mistral.{0,20}(?:key|token|secret)/i,
    minEntropy: 3.8,
    examples: { match: ['iAzgULsTkC6tAxfCV6zVwaOq6NzgLtBu'], noMatch: ['6bMR0MTBAuIjWjRx2VFLb0FMvuvtuuF', 'abcdefghijklmnopqrstuvwxyz012345'] },
  },
  // --- Cloud ---
  {
    id: 'aws-access-key-id',
    provider: 'AWS',
    title: 'access key ID',
    regex: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/,
    keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
    publicPrefix: 'AKIA',
    severity: 'high',
    allow: [/EXAMPLE$/],
    rotateUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
    examples: {
      match: ['AKIARXEMN5HRRAV4BQ4Z', 'ASIARLM3M6XQSO6JAOOO', 'ABIA7PTNUB2FEQZOUYQA', 'ACCAKZS4VAI3WYDDBEGA', 'A3TXRSQERBXRU6RRH7MB'],
      noMatch: ['AKIAIOSFODNN7EXAMPLE', 'AKIA4BX6S6R7IZUR', 'AKIALBNY2VMZ4UHZFUCU9', 'akiaUPMV2FWMPKTAYRRR'],
    },
  },
  {
    id: 'aws-secret-access-key',
    provider: 'AWS',
    title: 'secret access key',
    regex: /(?<![0-9A-Za-z/+])[0-9A-Za-z/+]{40}(?![0-9A-Za-z/+=])/,
    keywords: ['secret', 'aws'],
    severity: 'critical',
    nameHint: /aws.{0,20}secret|secret.?access.?key/i,
    minEntropy: 4,
    validate: (s) => /[0-9/+]/.test(s) && /[a-z]/.test(s) && /[A-Z]/.test(s),
    allow: [/EXAMPLEKEY$/],
    rotateUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
    examples: {
      match: ['ZLKnLE6duiERKWNv4d/lrVcgv1YXe+7UzSYb6fH8'],
      noMatch: ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'iZposLlCFtsXwkVehXYpDE1O4dOs9z', 'ddf0355f3dff6e2e89cb3046cd18701b1d542c56'],
    },
  },
  {
    id: 'google-api-key',
    provider: 'Google',
    title: 'API key',
    regex: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/,
    keywords: ['aiza'],
    publicPrefix: 'AIza',
    severity: 'high',
    rotateUrl: 'https://console.cloud.google.com/apis/credentials',
    examples: { match: ['AIzaCwpuHG-sT_3lbf7AZA-skRibzcikI_kBvgA'], noMatch: ['AIzaqbTQ3c2dUigZzJCq9xACDzH9UadaMG', 'AIzaxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'] },
  },
  {
    id: 'google-oauth-client-secret',
    provider: 'Google',
    title: 'OAuth client secret',
    regex: /\bGOCSPX-[0-9A-Za-z_-]{28}(?![0-9A-Za-z_-])/,
    keywords: ['gocspx-'],
    publicPrefix: 'GOCSPX-',
    severity: 'high',
    rotateUrl: 'https://console.cloud.google.com/apis/credentials',
    examples: {
      match: ['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'],
      noMatch: ['GOCSPX-yjnfnNmef1T9pEm3Fvnj', '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_extra', 'GOCSPX-<client-secret>'],
    },
  },
  {
    id: 'google-oauth-refresh-token',
    provider: 'Google',
    title: 'OAuth refresh token',
    // `1//0` then about a hundred URL-safe characters: long-lived access to the account that granted it.
    regex: /(?<![0-9A-Za-z_/-])1\/\/0[0-9A-Za-z_-]{60,300}(?![0-9A-Za-z_-])/,
    keywords: ['1//0'],
    publicPrefix: '1//0',
    severity: 'high',
    minEntropy: 4,
    rotateUrl: 'https://myaccount.google.com/permissions',
    examples: {
      match: ['1//0ctYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA-2O76UMFxFkM-R5Kjp1vRt_1fjORS-6ilI8ihN5KXSc7Tvo-hBKqFYY-kv5Z'],
      noMatch: ['1//0abc', 'https://1//0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '1//0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
    },
  },
  {
    id: 'google-oauth-access-token',
    provider: 'Google',
    title: 'OAuth access token',
    regex: /\bya29\.[0-9A-Za-z_-]{50,2000}(?![0-9A-Za-z_-])/,
    keywords: ['ya29.'],
    publicPrefix: 'ya29.',
    severity: 'medium',
    minEntropy: 4,
    rotateUrl: 'https://myaccount.google.com/permissions',
    examples: { match: ['Bearer ya29.a0Jr3J1TWDtkwtDDb_xHKas1VOqg6YYZYn9ZhyiA4uoRgnatmUdjAWtGSU8po_799NksnRH9ucAUsdMlHUvTCQCyEZDz-TddJ8HyS5SUkCnD8zRA9a9SkpXz9w'], noMatch: ['ya29.short', 'ya29.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'] },
  },
  {
    id: 'gcp-service-account-key',
    provider: 'Google Cloud',
    title: 'service-account private key',
    // A service-account JSON key (as text); the bare PEM is caught by `private-key` below.
    regex:
      /"type"\s{0,8}:\s{0,8}"service_account"[\s\S]{0,2000}?"private_key"\s{0,8}:\s{0,8}"(-----BEGIN PRIVATE KEY-----[^"]{64,10000}-----END PRIVATE KEY-----(?:\\n)?)"/,
    secretGroup: 1,
    keywords: ['service_account'],
    severity: 'critical',
    validate: hasKeyMaterial,
    rotateUrl: 'https://cloud.google.com/iam/docs/keys-create-delete',
    examples: {
      match: [
        '{"type": "service_account", "project_id": "demo-proj-4821", "private_key_id": "808833b71e8ae1f9cdb8e8c5485143fa0382121b", "private_key": "-----BEGIN PRIVATE KEY-----\\nbnVrU5cx7aS81xMwV0TiT0keE2TxzTGxyc7QO11ab6QKzGqeQzFsEFskQoxEcQ6a\\nruHME5cXew40gr5FLbYcr9431MdB8zTCWZrZD2F9abkZ2BewoEbakhP7FcWjYOmS\\n/EzTT+p+XzGoX8YMWaLm==\\n-----END PRIVATE KEY-----\\n", "client_email": "bot@demo-proj-4821.iam.gserviceaccount.com"}',
      ],
      noMatch: [
        '{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"}',
        '{"type": "authorized_user", "client_secret": "none"}',
      ],
    },
  },
  {
    id: 'private-key',
    provider: 'PEM',
    title: 'private key',
    regex:
      /-----BEGIN (?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----[\s\S]{64,20000}?-----END (?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----/,
    keywords: ['private key'],
    severity: 'critical',
    validate: hasKeyMaterial,
    examples: {
      match: [
        // Zero bytes encode as runs of 'A': key material, not a placeholder.
        '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACAeSF0jEvMtzvfyw00Tv5jcigmly/KdFOgGsT4Ngx3/ref34JuJ2fVEQJeu\nAAAAAAAAAAAA6x3tfvJy/VQqAj6kgfUi11DoMLdK1CX0rfRbLdtU09WtSAj4E9eCRLDYpm\nUllI1o122h2aNy7/872pShGqGw3uQqdmt94nJNhFOEpfP6ihaUl7rZad8sUrAAAAAA==\n-----END OPENSSH PRIVATE KEY-----\n',
        '-----BEGIN RSA PRIVATE KEY-----\nCaou3in7FAPx0LWBARtJpoHPnVuI2yd63JqH4qWdaLckRmzN1vOP/fPJwts1ceIB\nXJRR8GzfBD0TCsUX7FWPcy9e+6QuXpusYMoJ1lgTk2QOVYt1zk5LWiHhBeoDLhZM\niXNUc+PYHmdYxjUJHr9AvWUM6FpbyN==\n-----END RSA PRIVATE KEY-----',
        '-----BEGIN OPENSSH PRIVATE KEY-----\n76kLBxwKHRntOUeCPbMMz042WD0ekb2A0pcSGf73o4f8XiMyolqgECyAs6J+9833\n+CpqswvsJpkLCQVcLciRr0y257ri9enoKkjMrm9AYQMASUoiBNqqCWXffmcv7I5J\n-----END OPENSSH PRIVATE KEY-----\n',
        '-----BEGIN EC PRIVATE KEY-----\\nDlHxdgb2TwrRlqyOxqLZX3EZYZn5e8UleFbwbs5bnN5LFIvsjNjzpTgeCVZKAryY\\nwh9ZLV7eY0b8mRIMY97RgSp35SLrp5SujvAflnmE\\n-----END EC PRIVATE KEY-----',
        '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n02UPlWUMY9G8U82yk11csfwbYwY9D1/i1PPD7kQylVkf1BmDyvBIkPpww3qglDaS\niO6wM4bGdySQulRHmqiFgVqM34fpxlmDHezqss+EoO8ISAft0ooqEzTUNVonHCWI\n=HhCH\n-----END PGP PRIVATE KEY BLOCK-----',
        '-----BEGIN ENCRYPTED PRIVATE KEY-----\nqljC0Y+adNyQiQOcQNPIi0hqP7kFKxYSgH+pb/Xc6Tn61FL1UnA17Zj0i3t7kOgv\nvaYmA7lVfh7ifZgm0Zm0R0H2aEdItN7xO03I/7OM37iVOtzIW5I9PEcOjdL8BOm9\n-----END ENCRYPTED PRIVATE KEY-----',
      ],
      noMatch: [
        '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
        '-----BEGIN PUBLIC KEY-----\nJL8cYUefrlOTlaQ9CMFPtwftGPiolP0xR7oNuPlIEwkYFHtIkAKMA8Bwomt/oC7F\nBKni7OyvXIX0rWN8GFRNoqZgiBF8J48pPGBNs4Jpd/0u6Ac7FamwX7LNIIL4YX/P\n-----END PUBLIC KEY-----',
        '-----BEGIN PRIVATE KEY-----\n<your private key here, it is usually very long and spans lines>\n-----END PRIVATE KEY-----',
      ],
    },
  },
  {
    id: 'azure-ad-client-secret',
    provider: 'Azure',
    title: 'Entra ID (Azure AD) client secret',
    regex: /(?<![0-9A-Za-z_~.-])[0-9A-Za-z_~.]{3}[0-9]Q~[0-9A-Za-z_~.-]{31,34}(?![0-9A-Za-z_~.-])/,
    keywords: ['q~'],
    severity: 'high',
    examples: { match: ['kHF8Q~DNK7Ynrx5whPXd6zlnRQPbkY9Y1xAar1iH'], noMatch: ['y4v8Q~fmfhSD9U36iHvvihjzcD', 'zhr8Z~nSCnTAWYVPdyEGSmZXNa518XgOgeOjGuLq'] },
  },
  {
    id: 'azure-storage-account-key',
    provider: 'Azure',
    title: 'storage account key',
    regex: /AccountKey=([0-9A-Za-z+/]{86}==)/,
    secretGroup: 1,
    keywords: ['accountkey='],
    severity: 'critical',
    // Azurite's documented development key.
    allow: [/^Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq\/K1SZFPTOtr\/KBHBeksoGMGw==$/],
    examples: {
      match: ['DefaultEndpointsProtocol=https;AccountName=demostore;AccountKey=aitrpFyLxBhx3+SoxHJRBWJ8AyQobCsA8LvcCOsTW04ywbASf+P6ab1RoAx3AgsspFk/diJPruYe3aD0sN0Cps==;EndpointSuffix=core.windows.net'],
      noMatch: [
        'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;',
        'DefaultEndpointsProtocol=https;AccountName=demostore;AccountKey=<key>',
      ],
    },
  },
  {
    id: 'digitalocean-token',
    provider: 'DigitalOcean',
    title: 'API token',
    regex: /\bdo[opr]_v1_[0-9a-f]{64}\b/,
    keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    publicPrefix: 'dop_v1_',
    severity: 'critical',
    examples: { match: ['dop_v1_94470d5f98ead65b3185a096b70a429949793d4d713e8cba56f639af0f01b6b6', 'doo_v1_5aee6c0e619a92cf7da989d62099a567bcda1171a5c88deef8d2c8c767302c97', 'dor_v1_adc3116c8d9e1c0c7c703c7d0ffc969afc18818038b178cce68a75165a0282b3'], noMatch: ['dop_v1_4c434f0a753e39aec1d0fecc28ee88b65c42c239', 'dox_v1_79ca1d77a2458dd5b44de0d6fd12ca551bed007ff726be32b7e75c4e14ebf1c9'] },
  },
  {
    id: 'heroku-api-key',
    provider: 'Heroku',
    title: 'API key',
    regex: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/,
    keywords: ['heroku'],
    severity: 'high',
    nameHint: /heroku.{0,20}(?:key|token|secret)/i,
    examples: {
      match: ['680cb7c2-97bd-45e8-a7d0-de76913e7ed8'],
      noMatch: ['00000000-0000-0000-0000-000000000000', 'ca10b4a0-ea26-20af'],
    },
  },
  {
    id: 'heroku-api-key-v2',
    provider: 'Heroku',
    title: 'API key',
    regex: /\bHRKU-AA[0-9A-Za-z_-]{58}(?![0-9A-Za-z_-])/,
    keywords: ['hrku-'],
    publicPrefix: 'HRKU-',
    severity: 'high',
    examples: { match: ['HRKU-AA9NF4ehInXSSY-cWyClXOMSAfV-Mm9JJ4FdWh9nvYcKhJpMGGgAhwNXbBUe'], noMatch: ['HRKU-AAaMUiTB_Nrq15yN4gmj8FWzvlMzwdd4'] },
  },
  {
    id: 'vercel-token',
    provider: 'Vercel',
    title: 'access token',
    regex: /(?<![0-9A-Za-z])[0-9A-Za-z]{24}(?![0-9A-Za-z])/,
    keywords: ['vercel'],
    severity: 'high',
    nameHint: /vercel.{0,20}(?:key|token|secret)/i,
    minEntropy: 3.5,
    examples: { match: ['evwK3xHJf0KXrhwuNmU6kTMn'], noMatch: ['9gtKWrqtkGKqQ88KApSG', 'your_vercel_token_here12'] },
  },
  {
    id: 'cloudflare-api-token',
    provider: 'Cloudflare',
    title: 'API token',
    regex: /(?<![0-9A-Za-z_-])[0-9A-Za-z_-]{40}(?![0-9A-Za-z_-])/,
    keywords: ['cloudflare', 'cf_api'],
    severity: 'high',
    nameHint: /cloudflare.{0,20}(?:key|token|secret)|(?:^|[^a-z])cf_api/i,
    minEntropy: 3.8,
    examples: { match: ['nnfPFwypBTJf_SC9ZtVC7iZ1Do7vtmVz4AZj-62z'], noMatch: ['BiO2Mtlbn6gIt9_O2aBCPhErChNQuLO1', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'] },
  },
  {
    id: 'databricks-token',
    provider: 'Databricks',
    title: 'personal access token',
    regex: /\bdapi[0-9a-f]{32}(?:-[0-9])?\b/,
    keywords: ['dapi'],
    publicPrefix: 'dapi',
    severity: 'high',
    examples: { match: ['dapi9f04bfac2f513073748450d2b7c83d4b', 'dapie7838baf6102172bb0a8dbaabf2f1fc2-2'], noMatch: ['dapi5e7f5f905fa2df2460ef', 'dapi5KciklBdcyGUSx6CWYxGuiZCL6UAszFGZ'] },
  },
  {
    id: 'doppler-token',
    provider: 'Doppler',
    title: 'API token',
    regex: /\bdp\.(?:st|sa|ct|scim|audit|pt)\.[0-9A-Za-z_-]{40,44}(?![0-9A-Za-z_-])/,
    keywords: ['dp.'],
    publicPrefix: 'dp.st.',
    severity: 'high',
    examples: { match: ['dp.st.KTJwUbe31grxKatYcmW6PrygkOmOTk4gWEzDnQVlbl4', 'dp.pt.XjHumONUj5JwUod40qETDzvemIOmnCcejpEMdWSkrlD'], noMatch: ['dp.xx.0s6vncEnX0oc2Pi8kLna9AFIkM2etmQIJWTV4UcoLdx', 'dp.st.irfKbKsxvgUI7Tz38NoS'] },
  },
  {
    id: 'terraform-cloud-token',
    provider: 'HashiCorp Terraform',
    title: 'API token',
    regex: /\b[0-9A-Za-z]{14}\.atlasv1\.[0-9A-Za-z_=-]{60,70}(?![0-9A-Za-z_=-])/,
    keywords: ['atlasv1'],
    severity: 'high',
    examples: { match: ['nsuLAiVQYIS1K6.atlasv1.lr29NHMRNQxgYMYWmzxxhpEsXL0zgzgu5Vs5L0ssxfZM9w2qvG1Mpsq5KAHWb6InZYC'], noMatch: ['8J29nlW3CxMF7W.atlasv1.batutp0Afz024CjMy3nu', 'be6X5ZDahNNJS9.atlasv2.6jMSxv1J9tz3soJOEHqas5rj2FkBbiGyKrzlcyGfBXDFhxdNPPo93GfGaUzsaDzDLGV'] },
  },
  {
    id: 'pulumi-access-token',
    provider: 'Pulumi',
    title: 'access token',
    regex: /\bpul-[0-9a-f]{40}\b/,
    keywords: ['pul-'],
    publicPrefix: 'pul-',
    severity: 'high',
    rotateUrl: 'https://app.pulumi.com/account/tokens',
    examples: { match: ['pul-da7ce6d251d92841ec18e4283112c9ce06c83094'], noMatch: ['pul-da7ce6d251d92841ec18e4283112c9ce06c8', 'pul-DA7CE6D251D92841EC18E4283112C9CE06C83094'] },
  },
  {
    id: 'planetscale-token',
    provider: 'PlanetScale',
    title: 'password or service token',
    regex: /\bpscale_(?:tkn|pw|oauth)_[0-9A-Za-z_.=-]{32,64}(?![0-9A-Za-z_.=-])/,
    keywords: ['pscale_'],
    publicPrefix: 'pscale_',
    severity: 'high',
    examples: { match: ['pscale_pw_XGVlcy2ZZTaljJNdS1BoeKlMCvLWwY4Z-zuXU1lm8ao', 'pscale_tkn_VymwazRhGZUnllLifxupzz7lnOaY2lVpAjZElwXspcu'], noMatch: ['pscale_pw_1p_HnQOaMuAcqHhv4He3', 'pscale_xx_uIW18QbzCbiP41JLURTgEUrbQSXfyN0DBVeVWaG5UYR'] },
  },
  {
    id: 'supabase-service-role-key',
    provider: 'Supabase',
    title: 'service_role JWT',
    regex: /\beyJ[0-9A-Za-z_-]{10,500}\.eyJ[0-9A-Za-z_-]{10,2000}\.[0-9A-Za-z_-]{20,500}/,
    keywords: ['eyj'],
    severity: 'critical',
    // Only the service_role key bypasses row-level security; the anon key is meant to ship to browsers.
    validate: (jwt) => jwtPayload(jwt)?.role === 'service_role',
    rotateUrl: 'https://supabase.com/docs/guides/api/api-keys',
    examples: { match: ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6Im5nZ3J1amhrZG5sZ2t2ZWdzdm53Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTczMTUxMzkzOCwiZXhwIjoyMDQ2NDA4NDU4fQ.bibd73HvPzQSci9LtIrBQIdGg4TVi0Ur1nVWfRFRN86'], noMatch: ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6Im1mdGtzZnJza3VwaHRsYmJnd2lyIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MzE1NjMyNTMsImV4cCI6MjA0Njk2ODU5M30.q6Sp2DELydruXMkUHVqCWryxGg4baf0G2cjpe5vd9nh', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InJhYWZ4ZnlobXhtbGlxdW56dnJqIiwicm9sZSI6ImF1dGhlbnRpY2F0ZWQiLCJpYXQiOjE3MzE5MDkyNzksImV4cCI6MjA0Njg3MDEyNX0.r4xZaHPN3NVgxXJq2Cu6JVQfbum2lvh7F66TYJaHYCr'] },
  },
  {
    id: 'supabase-secret-key',
    provider: 'Supabase',
    title: 'secret API key',
    regex: /\bsb_secret_[0-9A-Za-z_-]{31,64}(?![0-9A-Za-z_-])/,
    keywords: ['sb_secret_'],
    publicPrefix: 'sb_secret_',
    severity: 'critical',
    rotateUrl: 'https://supabase.com/docs/guides/api/api-keys',
    examples: { match: ['sb_secret_FGR8I2jFmVaYl5S0QOUwHEauMckeGNv'], noMatch: ['sb_publishable_MyXBi1dlMyZyaRRlI8aJguLqXVenvj7', 'sb_secret_...'] },
  },
  {
    id: 'supabase-access-token',
    provider: 'Supabase',
    title: 'personal access token',
    // Management API token (`supabase login`, MCP `--access-token`): every project of every organization of the user.
    regex: /\bsbp_(?:oauth_)?[0-9a-f]{40}\b/,
    keywords: ['sbp_'],
    publicPrefix: 'sbp_',
    severity: 'critical',
    rotateUrl: 'https://supabase.com/dashboard/account/tokens',
    examples: {
      match: ['sbp_0b15d5d56b6a7a838680d47708ce99fb07888a4f', 'sbp_oauth_1a01e0f25affc951b81a4a47b11ad4d89927aa52'],
      noMatch: ['sbp_bc738d9d8e5dbb75fc2f005b1f6075e8bee6e5', 'sbp_BC738D9D8E5DBB75FC2F005B1F6075E8BEE6E5B8', 'sbp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'sbp_<your-access-token>'],
    },
  },
  {
    id: 'database-url-password',
    provider: 'Database',
    title: 'connection URL with password',
    regex:
      /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql):\/\/([^:@/\s'"`]{0,128}):([^@/\s'"`]{1,256})@[0-9A-Za-z[]/,
    secretGroup: 2,
    keywords: ['postgres', 'mysql', 'mariadb', 'mongodb', 'redis', 'amqp', 'mssql'],
    severity: 'high',
    chosenByPerson: true,
    validate: (password) => password.length >= 4 && !DUMMY_DB_PASSWORDS.has(password.toLowerCase()),
    examples: {
      match: [
        'postgres://app_user:qNk8E2pp4mCasb7MAOk9@db.internal.example.com:5432/app',
        'postgresql://svc:EQDm0Sl62vk0wqSo@10.0.3.4/orders',
        'mysql://root:Ds7nn16jxrTUuA@localhost:3306/shop',
        'mariadb://web:x0WVOzgHoMU1nLuHj3@mariadb:3306/site',
        'mongodb+srv://admin:vOiHW7i0EfzsDBgum2En@cluster0.ab1cd.mongodb.net/test',
        'mongodb://ops:x082asPK6fVa74vk@mongo-1:27017',
        'redis://:q2toKgVhMiWcptJEAxfVQHQE@cache.internal:6379/0',
        'rediss://default:JGIs1xIjF7oEYOKIOOrUPz8R@redis.example.net:6380',
        'amqp://worker:Cf4SxIXNxdhxTr8U@rabbit:5672/%2f',
        'amqps://worker:2hJ5FJyR5oeI3D9i@mq.example.org/vhost',
        'mssql://sa_app:YM1ilRnTbDvuFHL6@sql.internal:1433/main',
      ],
      noMatch: [
        'postgres://user:password@localhost:5432/db',
        'postgres://user:pass@localhost/db',
        'postgres://user:<password>@localhost/db',
        'postgres://user:${DB_PASS}@localhost/db',
        'mysql://user:****@localhost/db',
        'postgres://localhost:5432/db',
        'redis://cache:6379',
        'amqp://guest:guest@localhost:5672',
      ],
    },
  },
  // --- Messaging and email ---
  {
    id: 'twilio-api-key',
    provider: 'Twilio',
    title: 'API key SID',
    regex: /\bSK[0-9a-f]{32}\b/,
    keywords: ['sk'],
    publicPrefix: 'SK',
    severity: 'high',
    examples: { match: ['SKc79fa2b8bd455846256f84cd882ead34'], noMatch: ['SKfb38121416117fa3309e', 'SK00000000000000000000000000000000', 'SK0a8c5d1e3dc9c2ad9bfd4474366d1f760'] },
  },
  {
    id: 'twilio-auth-token',
    provider: 'Twilio',
    title: 'auth token',
    regex: /\b[0-9a-f]{32}\b/,
    keywords: ['twilio'],
    severity: 'high',
    nameHint: /twilio.{0,20}(?:auth|token|secret)|(?:auth|token|secret).{0,20}twilio/i,
    minEntropy: 3,
    examples: { match: ['93c0f44b5289cf20b52fe439f52f6ae8'], noMatch: ['6bcfd8f3695ef55ec1d1f135fadac2d', '00000000000000000000000000000000'] },
  },
  {
    id: 'sendgrid-api-key',
    provider: 'SendGrid',
    title: 'API key',
    regex: /\bSG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43}(?![0-9A-Za-z_-])/,
    keywords: ['sg.'],
    publicPrefix: 'SG.',
    severity: 'high',
    examples: { match: ['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'], noMatch: ['SG.bzSn6_xnXq2Z1NlsK6YTVz', 'SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'] },
  },
  {
    id: 'mailgun-api-key',
    provider: 'Mailgun',
    title: 'private API key',
    regex: /\bkey-[0-9a-f]{32}\b/,
    keywords: ['key-'],
    publicPrefix: 'key-',
    severity: 'high',
    examples: { match: ['key-382124cce7f1368fca0a9197c547d02e'], noMatch: ['key-ba7ffb606adda5239697', 'key-JkZGJttFsySImm6AOwUduWjZ9evHnFPKZ'] },
  },
  {
    id: 'mailchimp-api-key',
    provider: 'Mailchimp',
    title: 'API key',
    regex: /\b[0-9a-f]{32}-us[0-9]{1,2}\b/,
    keywords: ['-us'],
    severity: 'high',
    examples: { match: ['d2a9644ca4b83b55d7415054a5ef6b3a-us21'], noMatch: ['66d6821938ad0b44cf26c8e0013666af', 'fa1842be6ebc84330836-us21'] },
  },
  {
    id: 'discord-bot-token',
    provider: 'Discord',
    title: 'bot token',
    // The first part is the base64 of a numeric user id, hence the fixed first two characters. With no distinctive
    // prefix to prefilter on, the name must say Discord.
    regex: /\b(?:M[DTjz]|N[DTjz]|O[DT])[0-9A-Za-z_-]{21,25}\.[0-9A-Za-z_-]{6}\.[0-9A-Za-z_-]{27,38}(?![0-9A-Za-z_-])/,
    keywords: ['discord'],
    severity: 'high',
    nameHint: /discord.{0,20}(?:key|token|secret)/i,
    minEntropy: 4,
    examples: { match: ['MTARisbB9mDkEuajZTVQkbvC71.aYaaPS.9znnGYOT0h4OOZEG3_HxGXT8d84BW_o4OSSS0g', 'Bot NzEJ557ldEEsm34oDa_5MvMSD.MqzniK.wVIIsiRNxjz3P6e8n3jnSLeQMtT'], noMatch: ['MTAmu7p4SP1Uze8c_Kj7Vtw3qJ.tQWw9X', 'XTAAI85WBOxim-g4mGMTZ-zleL.Y4-Axy.h7wGJ0-UPEbLmTrR2_TiGIKacfnVYtokWoiJhE'] },
  },
  {
    id: 'discord-webhook-url',
    provider: 'Discord',
    title: 'webhook URL',
    regex: /\bdiscord(?:app)?\.com\/api\/webhooks\/[0-9]{17,20}\/[0-9A-Za-z_-]{60,68}(?![0-9A-Za-z_-])/,
    keywords: ['discord'],
    severity: 'medium',
    examples: {
      match: ['https://discord.com/api/webhooks/1418647633945490875/oDGUdZaJUYhYoWToyah7mPRgzGFvTURt3s8eqGtYgdhZBZXdS3JvFVoXTqj9NILCIuRg'],
      noMatch: ['https://discord.com/api/webhooks/1579061856365073686/', 'https://discord.com/api/webhooks/{id}/{token}'],
    },
  },
  {
    id: 'telegram-bot-token',
    provider: 'Telegram',
    title: 'bot token',
    regex: /\b[0-9]{8,10}:AA[0-9A-Za-z_-]{33}(?![0-9A-Za-z_-])/,
    keywords: [':aa'],
    severity: 'high',
    examples: { match: ['7558330634:AAzSr5lPUuAb8BZx10jKBo60A_CZ3w6Dul6'], noMatch: ['7408034733:ABpGDELAEc5RM4hJVLR0ekibG8o97Yfy9yK', '7955820511:AAyF1Y2WoR4XvKbN6IiESc'] },
  },
  {
    id: 'linear-api-key',
    provider: 'Linear',
    title: 'API key',
    regex: /\blin_api_[0-9A-Za-z]{40}\b/,
    keywords: ['lin_api_'],
    publicPrefix: 'lin_api_',
    severity: 'high',
    examples: { match: ['lin_api_Y5cmq6WP2j0yO1B61qeOJha8m6CxeOxWpXBQ5jE5'], noMatch: ['lin_api_7jeyGxmJ6zUm5qc6PH92plO1fNJZJN', 'lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'] },
  },
  {
    id: 'notion-token',
    provider: 'Notion',
    title: 'integration token',
    regex: /\bntn_[0-9]{11}[0-9A-Za-z]{35}\b/,
    keywords: ['ntn_'],
    publicPrefix: 'ntn_',
    severity: 'high',
    examples: { match: ['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'], noMatch: ['ntn_erJG5Aol1LpQjauzQJqF1Lx5zf2f2iVvt78NQYTA8juzhiX', 'ntn_77632928721'] },
  },
  {
    id: 'notion-legacy-token',
    provider: 'Notion',
    title: 'integration token (legacy secret_)',
    regex: /\bsecret_[0-9A-Za-z]{43}\b/,
    keywords: ['notion'],
    publicPrefix: 'secret_',
    severity: 'high',
    nameHint: /notion.{0,20}(?:key|token|secret)/i,
    examples: { match: ['secret_0WeFlHAlgMrlTcOyXdyE0yv05ZwW99Ifizra8n4P8VO'], noMatch: ['secret_UWjla2Mb2Z9j27R2Z1Wu', 'secret_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'] },
  },
  {
    id: 'atlassian-api-token',
    provider: 'Atlassian',
    title: 'API token',
    regex: /\bATATT3[0-9A-Za-z_=-]{186}(?![0-9A-Za-z_=-])/,
    keywords: ['atatt3'],
    publicPrefix: 'ATATT3',
    severity: 'high',
    examples: { match: ['ATATT3xFfGF0hoiK0oDDeopATGCXxB-P7z1EXtLh_RGguYt0Oud7fBcDV5RU0VNpXWHKyunjMuIRSXeb90Fnd7J_QwgF-zJQTuTk5Khsj7K0uNEGEGLXRKJjsOkfE4fsN_qw87FCa05YCi415AFhkCTj3rzUJftMvfg68l0AhocdOCDbWrkHEfm=83EABA40'], noMatch: ['ATATT3LE0hLl46-EjH_2CSURGCD7uFT1PaKPS6k7y3PAp8ZX0YzX78WfAa4AsR2Mj0Lrxu30yWfmQGEt3kWNpHjv67fmmJdOhLxF8U_V8g', 'ATATT3xxxxxxxx'] },
  },
  {
    id: 'shopify-token',
    provider: 'Shopify',
    title: 'app access token or shared secret',
    regex: /\bshp(?:at|ca|pa|ss)_[0-9a-fA-F]{32}\b/,
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    publicPrefix: 'shpat_',
    severity: 'high',
    examples: {
      match: ['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', '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', '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', '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'],
      noMatch: ['shpat_646cfdfbabffbb1b8f3d', 'shpxx_2e7f76dcd764f672d11caf16fc18fd20', 'shpat_0D68tTuH8RRT9i4MzgDBFCF29N24x84jZ'],
    },
  },
  // --- Package registries ---
  {
    id: 'npm-access-token',
    provider: 'npm',
    title: 'access token',
    regex: /\bnpm_[0-9A-Za-z]{36}\b/,
    keywords: ['npm_'],
    publicPrefix: 'npm_',
    severity: 'critical',
    rotateUrl: 'https://docs.npmjs.com/revoking-access-tokens',
    examples: { match: ['npm_tI3NQA3clts1nzaaDI1NFOI96TbOS3EBs3BP'], noMatch: ['npm_OiMeSCPrWyVPLovm3Br1', 'npm_config_registry', 'npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'] },
  },
  {
    id: 'pypi-upload-token',
    provider: 'PyPI',
    title: 'upload token',
    regex: /\bpypi-AgEIcHlwaS5vcmc[0-9A-Za-z_-]{50,1000}(?![0-9A-Za-z_-])/,
    keywords: ['pypi-ageichlwas5vcmc'],
    publicPrefix: 'pypi-',
    severity: 'critical',
    rotateUrl: 'https://pypi.org/manage/account/token/',
    examples: { match: ['pypi-AgEIcHlwaS5vcmcPNg3AQUg18oPNTi6HvXllMXbOrsJ2TtBk4WXNJX2-UOSnFKWNpFJcXVggAge5Pig7-gGX4Z0gsFCR8Jf'], noMatch: ['pypi-AgEIcHlwaS5vcmczXnnz0sHwvp96Hd_kCRn', 'pypi-<token>'] },
  },
  // --- Observability and developer tools ---
  {
    id: 'sentry-token',
    provider: 'Sentry',
    title: 'user or organization auth token',
    regex: /\b(?:sntryu_[0-9a-f]{64}|sntrys_eyJpYXQiO[0-9A-Za-z+/=_-]{60,400})(?![0-9A-Za-z+/=_-])/,
    keywords: ['sntryu_', 'sntrys_'],
    publicPrefix: 'sntry',
    severity: 'high',
    examples: {
      match: ['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', 'sntrys_eyJpYXQiO9znxhn58ykcZdPstqa8aqbj0bAlH5oOKkLY3DxiKRt5uOy0uV3kqV9O+ihMxbu0H3+nvk5kUQ8M5oP01/ypbh81oEqv+b8zfLNTXgHUztkibk2yS5+w7R3+E_4RJ3P3vQXNMewuUB058zYf66wogSb/8f4b9HL64ne5W'],
      noMatch: ['sntryu_92e7a203f486987d362733380ad04a9ab2c0c58d', 'sntrys_Hr/KAiR4caOvol+hyD04vVLdIYzhoGJSXrxtkwN3ZaoPMAWW1j/q8sbU9TwPTp4tYdxo7MtfdlkZWPai'],
    },
  },
  {
    id: 'grafana-token',
    provider: 'Grafana',
    title: 'service account or cloud token',
    regex: /\b(?:glsa_[0-9A-Za-z]{32}_[0-9a-fA-F]{8}|glc_[0-9A-Za-z+/]{32,400}={0,2})(?![0-9A-Za-z+/=_])/,
    keywords: ['glsa_', 'glc_'],
    publicPrefix: 'gl',
    severity: 'high',
    examples: { match: ['glsa_WX2TM1IKLYLupPz5THDdLmDLCkCbFKiP_fafd1999', 'glc_eyJDNR1baajVWxgPH2GDFyKBmgyt2pY46GDaelZS5ySgug5/Jj1caMVd1vPziNKZ7jEBZzaDVhRtFjPQXV3pH0PCnEd9pKzBbNAv='], noMatch: ['glsa_3lc5nwApvb5GylQUFbetGoPJfG9XAbHo', 'glc_SpEgIT5i6ByeXyQQaHSg'] },
  },
  {
    id: 'new-relic-user-api-key',
    provider: 'New Relic',
    title: 'user API key',
    regex: /\bNRAK-[0-9A-Z]{27}\b/,
    keywords: ['nrak-'],
    publicPrefix: 'NRAK-',
    severity: 'high',
    examples: { match: ['NRAK-UQTLWXYRZ5AVRWSI1O7GXN2YO7R'], noMatch: ['NRAK-FFEPB4KK1PXYE2AF66X0', 'NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX'] },
  },
  {
    id: 'datadog-api-key',
    provider: 'Datadog',
    title: 'API or application key',
    regex: /\b[0-9a-f]{32}(?:[0-9a-f]{8})?\b/,
    keywords: ['datadog', 'dd_api', 'dd_app'],
    severity: 'high',
    nameHint: /datadog.{0,20}(?:key|token)|(?:^|[^a-z])dd_(?:api|app)/i,
    minEntropy: 3,
    examples: { match: ['4a0bfafc9cc7796ac621099f17efa8ed', 'd0e3e748cab7f03bb24c2179fa9939d701e70a5c'], noMatch: ['997746687902c645c261bdd6f1a7ac5feb56', 'bf801dd94b35cd824058'] },
  },
  {
    id: 'postman-api-key',
    provider: 'Postman',
    title: 'API key',
    regex: /\bPMAK-[0-9a-f]{24}-[0-9a-f]{34}\b/,
    keywords: ['pmak-'],
    publicPrefix: 'PMAK-',
    severity: 'high',
    examples: { match: ['PMAK-38d33ae4ac640712e52f2099-ed805284b3390c2142090f094b49a77847'], noMatch: ['PMAK-4831413370db089e5b2c9a2d', 'PMAK-d71484b97a09aef2c33a6799-a3c665671eb5abac39a4'] },
  },
];

/**
 * Values that look like credentials but are documented as safe to publish (publishable keys, anon keys) or as test
 * keys that cannot reach live data. Neither the catalog nor the name-based checks report them; each entry matches the
 * whole (trimmed) value and carries its own examples, checked by test/rule-kit/secret-patterns.test.ts.
 */
export interface NonSecretFormat {
  id: string;
  provider: string;
  /** Why publishing it is harmless. */
  reason: string;
  test: (value: string) => boolean;
  /** Each string is a whole literal value. */
  examples: { match: string[]; noMatch: string[] };
}

export const NON_SECRET_FORMATS: NonSecretFormat[] = [
  {
    id: 'stripe-test-key',
    provider: 'Stripe',
    reason: 'test-mode secret and restricted keys only reach test data and cannot move money',
    test: (v) => /^[rs]k_test_[0-9A-Za-z]{10,247}$/.test(v),
    examples: {
      match: ['sk_test_51ZwNmuoIfN2FYy6LIvMcEvi9cHR7lZb', 'rk_test_KvxbCnQzUjgJhg0qQdAupP1c'],
      noMatch: ['sk_live_51ZwNmuoIfN2FYy6LIvMcEvi9cHR7lZb', 'rk_live_KvxbCnQzUjgJhg0qQdAupP1c', 'Xsk_test_51ZwNmuoIfN2FYy6LIvMcEvi9cHR7lZb'],
    },
  },
  {
    id: 'publishable-key',
    provider: 'Stripe',
    // Clerk's publishable keys share the prefix (and are base64 of the frontend host, hence `=` and `$`).
    reason: 'publishable keys are meant to ship in browser code',
    test: (v) => /^pk_(?:live|test)_[0-9A-Za-z_=$-]{10,300}$/.test(v),
    examples: {
      match: ['pk_live_PgkVMK2NLsfS055jHVvduleA', 'pk_test_G5txyJAoNnKcCS6qQPpvxiwnpfoXCwzqYmNCgh2e'],
      noMatch: ['sk_live_PgkVMK2NLsfS055jHVvduleA', 'pk_prod_PgkVMK2NLsfS055jHVvduleA'],
    },
  },
  {
    id: 'supabase-publishable-key',
    provider: 'Supabase',
    reason: 'publishable keys are meant to ship to browsers; row-level security guards the data',
    test: (v) => /^sb_publishable_[0-9A-Za-z_-]{20,64}$/.test(v),
    examples: { match: ['sb_publishable_uqvway-LGv9HVy9OcbOvFYyHFumWu1y'], noMatch: ['sb_secret_uqvway-LGv9HVy9OcbOvFYyHFumWu1y'] },
  },
  {
    id: 'supabase-anon-key',
    provider: 'Supabase',
    reason: 'the anon JWT is meant to ship to browsers; row-level security guards the data',
    test: (v) => {
      if (!/^eyJ[0-9A-Za-z_-]{10,500}\.eyJ[0-9A-Za-z_-]{10,2000}\.[0-9A-Za-z_-]{20,500}$/.test(v)) return false;
      const payload = jwtPayload(v);
      return payload?.role === 'anon' && typeof payload.iss === 'string' && payload.iss.startsWith('supabase');
    },
    examples: {
      match: [
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImhpbnR0a2dzeWpnZmZ4c21zd2hiIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MzE1MDAwMDAsImV4cCI6MjA0Njg2MDAwMH0.gD2GTEgg3Skc10a8f3V-qwTL386jDxWhMmd7FrWJQq_',
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.ShpQ0zv5w9KdRrLGs3pcIr04F3Y7xpfx2ybR8qBvftm',
      ],
      noMatch: [
        // role anon, but not issued by Supabase: some other system's token.
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0Iiwicm9sZSI6ImFub24ifQ.HOZVOJLBHZpk4luUF6ecPgAVljMJx56zqbNbcwz_lDW',
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6Im5nZ3J1amhrZG5sZ2t2ZWdzdm53Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTczMTUxMzkzOCwiZXhwIjoyMDQ2NDA4NDU4fQ.bibd73HvPzQSci9LtIrBQIdGg4TVi0Ur1nVWfRFRN86',
      ],
    },
  },
  {
    id: 'mapbox-public-token',
    provider: 'Mapbox',
    reason: 'public (pk.) tokens are meant for browser maps; secret tokens start with sk.',
    test: (v) => /^pk\.eyJ[0-9A-Za-z_-]{10,300}\.[0-9A-Za-z_-]{10,100}$/.test(v),
    examples: {
      match: ['pk.eyJ1IjoiZGVtby11c2VyIiwiYSI6Imd6b3FkOGQza2xzbm1zNXptY2xoNTY3cmsifQ.eyNLuXD3-d_XdF5nIkNaYJ'],
      noMatch: ['sk.eyJ1IjoiZGVtby11c2VyIiwiYSI6Im5obDc3cTc2ZHRnbnR2aTU1N3FvbmJycXIifQ.EXBtKos9dN8Pj9esB_L7LO'],
    },
  },
  {
    id: 'posthog-project-key',
    provider: 'PostHog',
    reason: 'project API keys only ingest events and are meant for browser code (personal keys start with phx_)',
    test: (v) => /^phc_[0-9A-Za-z]{30,60}$/.test(v),
    examples: { match: ['phc_FFFzCnmuxwO7cfvY8b3nji4iFuv9IxTQUVK7DzDJcsk'], noMatch: ['phx_FFFzCnmuxwO7cfvY8b3nji4iFuv9IxTQUVK7DzDJcsk'] },
  },
];
