import { describe, expect, it } from 'vitest';
import { reports, withPythonParser } from '../lint.js';

withPythonParser();

describe('no-jwt-decode-without-verify (Python)', () => {
  const ID = 'no-jwt-decode-without-verify';
  it('reports unverified claims that decide access or become the identity', () => {
    const code = `import jwt
from jose import jwt as jose_jwt

def user_of(token):
    claims = jwt.decode(token, options={"verify_signature": False})
    return claims["sub"]

def is_admin(token):
    return "admin" in jose_jwt.get_unverified_claims(token)["roles"]

def legacy(token):
    payload = jwt.decode(token, verify=False)
    if payload.get("role") != "admin":
        raise PermissionError()
`;
    expect(reports(code, ID)).toEqual([
      [5, 'pyDecoded'],
      [9, 'pyDecoded'],
      [12, 'pyDecoded'],
    ]);
  });
  it('does not report verified decodes, or an unverified header read to pick a key', () => {
    const code = `import jwt
from jose import jwt as jose_jwt
def verify(token, key):
    kid = jose_jwt.get_unverified_header(token)["kid"]
    claims = jose_jwt.decode(token, key, algorithms=["RS256"], audience=AUD, issuer=ISS)
    return claims["sub"]
`;
    expect(reports(code, ID)).toEqual([]);
  });
});

describe('jwt-verify-options (Python)', () => {
  const ID = 'jwt-verify-options';
  it('reports none, mixed algorithm families, and expiry or audience checks switched off', () => {
    const code = `import jwt
def verify(token, key):
    jwt.decode(token, key, algorithms=["none"])
    jwt.decode(token, key, algorithms=["HS256", "RS256"])
    return jwt.decode(token, key, algorithms=["RS256"], options={"verify_exp": False, "verify_aud": False})
`;
    expect(reports(code, ID)).toEqual([
      [3, 'algNone'],
      [4, 'algMix'],
      [5, 'pyNoExpiry'],
      [5, 'pyNoAudience'],
    ]);
  });
  it('does not report one algorithm family, or an audience the function checks itself', () => {
    const code = `import jwt
def verify(token, key):
    claims = jwt.decode(token, key, algorithms=["RS256", "ES256"], options={"verify_aud": False})
    if claims.get("aud") != EXPECTED_AUDIENCE:
        raise ValueError()
    return claims
`;
    expect(reports(code, ID)).toEqual([]);
  });
});

describe('no-presence-only-auth (Python)', () => {
  const ID = 'no-presence-only-auth';
  it('reports verifiers that accept any token, presence-only header checks, and fail-open checks', () => {
    const code = `from mcp.server.auth.provider import TokenVerifier, AccessToken
from fastmcp.server.auth import DebugTokenVerifier

class AnyToken(TokenVerifier):
    async def verify_token(self, token: str) -> AccessToken | None:
        return AccessToken(token=token, client_id="client", scopes=["mcp:read"])

verifier = DebugTokenVerifier()

async def require_key(request):
    key = request.headers.get("x-api-key")
    if not key:
        raise HTTPException(status_code=401)
    return True

class ApiKeyMiddleware:
    async def dispatch(self, request, call_next):
        if not settings.api_key:
            return await call_next(request)
        if not hmac.compare_digest(request.headers.get("x-api-key", ""), settings.api_key):
            return JSONResponse({"error": "unauthorized"}, status_code=401)
        return await call_next(request)
`;
    expect(reports(code, ID)).toEqual([
      [5, 'acceptsAny'],
      [8, 'acceptsAny'],
      [11, 'presenceOnly'],
      [18, 'failOpen'],
    ]);
  });
  it('does not report verifiers and checks that compare or look the token up', () => {
    const code = `from mcp.server.auth.provider import TokenVerifier, AccessToken

class Lookup(TokenVerifier):
    async def verify_token(self, token: str) -> AccessToken | None:
        record = await self.store.find_token(token)
        if record is None:
            return None
        return AccessToken(token=token, client_id=record.client_id, scopes=record.scopes)

async def require_key(request):
    key = request.headers.get("x-api-key")
    if not key or not hmac.compare_digest(key, API_KEY):
        raise HTTPException(status_code=401)
`;
    expect(reports(code, ID)).toEqual([]);
  });
});

describe('secure-session-id (Python)', () => {
  const ID = 'secure-session-id';
  it('reports session ids and tokens from random, uuid1 or the clock', () => {
    const code = `import random, string, time, uuid
session_id = "".join(random.choices(string.ascii_letters, k=16))
api_token = str(uuid.uuid1())
session = Session(session_id=str(int(time.time())))
`;
    expect(reports(code, ID)).toEqual([
      [2, 'pyWeakId'],
      [3, 'pyWeakId'],
      [4, 'pyWeakId'],
    ]);
  });
  it('does not report secrets, uuid4, or random values that let nobody in', () => {
    const code = `import random, secrets, uuid
session_id = secrets.token_urlsafe(32)
api_token = str(uuid.uuid4())
jitter = random.random()
sample_rate = random.choice([0.1, 0.5])
`;
    expect(reports(code, ID)).toEqual([]);
  });
});

describe('no-broad-oauth-scopes (Python)', () => {
  const ID = 'no-broad-oauth-scopes';
  it('reports broad scopes in scope-named lists, keywords and authorize URLs', () => {
    const code = `from google_auth_oauthlib.flow import InstalledAppFlow
SCOPES = ["https://www.googleapis.com/auth/drive"]
flow = InstalledAppFlow.from_client_secrets_file("c.json", scopes=["https://mail.google.com/"])
url = "https://github.com/login/oauth/authorize?client_id=x&scope=repo%20admin:org"
`;
    expect(reports(code, ID).map(([line]) => line)).toEqual([2, 3, 4, 4]);
  });
  it('does not report narrow scopes', () => {
    expect(reports(`SCOPES = ["https://www.googleapis.com/auth/drive.file", "openid", "email"]\n`, ID)).toEqual([]);
  });
});
