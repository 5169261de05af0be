import { describe, expect, it } from 'vitest';
import { reports, withPythonParser } from '../lint.js';

withPythonParser();

// Every value below is made up; each only has the shape of its provider's format.
const GITHUB = 'ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d';
const STRIPE_TEST = 'sk_test_51ZwNmuoIfN2FYy6LIvMcEvi9cHR7lZb';
const RANDOM = '9f8Kq2LmZx7Vb4Nc1Rt6Yh3Wp0Sd5Gj';
const ID = 'no-hardcoded-secrets';

describe('no-hardcoded-secrets (Python)', () => {
  it.each([
    [`GITHUB_TOKEN = "${GITHUB}"`, 'provider'],
    [`client = Github("${GITHUB}")`, 'provider'],
    [`API_KEY: str = "${RANDOM}"`, 'pyCredential'],
    [`self.api_key = "${RANDOM}"`, 'pyCredential'],
    [`config["client_secret"] = "${RANDOM}"`, 'pyCredential'],
    [`creds = {"password": "insecure_pass!"}`, 'pyCredential'],
    [`connect(host="db", password="Tr0ub4dor&3")`, 'pyCredential'],
    [`def login(user, password="Tr0ub4dor&3"): ...`, 'pyCredential'],
    [`API_TOKEN = os.getenv("API_TOKEN", "${RANDOM}")`, 'pyCredential'],
    [`token = os.environ.get("X") or "${RANDOM}"`, 'pyCredential'],
    [`headers = {"Authorization": "Bearer ${RANDOM}"}`, 'pyAuthScheme'],
    [`token = jwt.encode(claims, "${RANDOM}", algorithm="HS256")`, 'pyCredential'],
    [`sig = hmac.new(b"${RANDOM}", body, hashlib.sha256)`, 'pyCredential'],
    [`SECRET_KEY = hashlib.sha256(b"theved.ai").digest()`, 'derivedKey'],
    [`KEYS = {"user": {"key": hashlib.sha256(b"user_key_1").hexdigest()}}`, 'derivedKey'],
    [`# token = "${GITHUB}"`, 'provider'],
  ])('reports %s', (code, messageId) => {
    expect(reports(`import os, hashlib, hmac, jwt\n${code}\n`, ID)).toEqual([[2, messageId]]);
  });

  it.each([
    'GITHUB_TOKEN = os.environ["GITHUB_TOKEN"]',
    'API_KEY = os.getenv("API_KEY")',
    'api_key = "your-api-key-here"',
    'password = "changeme"',
    `STRIPE_SECRET_KEY = "${STRIPE_TEST}"`,
    'token_url = "https://oauth2.googleapis.com/token"',
    'max_tokens = "4096"',
    'headers = {"Authorization": f"Bearer {token}"}',
    `value = "${RANDOM}" or API_KEY`,
    'cache_key = hashlib.sha256(b"listing").hexdigest()',
    'digest = hashlib.sha256(data).hexdigest()',
    '# see https://docs.example.com/tokens for how to make one',
    `note = """docs mention {"password": "x"}"""`,
  ])('does not report %s', (code) => {
    expect(reports(`import os, hashlib\n${code}\n`, ID)).toEqual([]);
  });
});
