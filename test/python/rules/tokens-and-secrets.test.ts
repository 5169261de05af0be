import { describe, expect, it } from 'vitest';
import { reports, withPythonParser } from '../lint.js';

withPythonParser();

describe('no-secret-logging (Python)', () => {
  const ID = 'no-secret-logging';
  it('reports credentials written to logs, print and a Context\'s MCP log', () => {
    const code = `import logging
logger = logging.getLogger(__name__)

async def exchange(request, code, ctx: Context):
    token_payload = {"client_secret": CLIENT_SECRET, "code": code}
    print(f"payload: {token_payload}")
    logger.info("auth header %s", request.headers.get("Authorization"))
    logging.debug(f"token={api_token}")
    await ctx.info(f"using {get_access_token().token}")
    logger.info("headers: %s", dict(request.headers))
`;
    expect(reports(code, ID)).toEqual([
      [6, 'logged'],
      [7, 'logged'],
      [8, 'logged'],
      [9, 'logged'],
      [10, 'logged'],
    ]);
  });
  it('does not report redacted values, counts, lexical tokens, other headers, or a terminal CLI showing its user', () => {
    expect(
      reports(`def f(request, token, logger, text):
    logger.debug("token %s", mask_sensitive(token, 8))
    logger.info("have token: %s", token is not None)
    logger.info("len %d", len(token))
    for token in text.split(","):
        logger.warning("bad entry %s", token)
    logger.info("ua %s", request.headers.get("User-Agent"))
    logger.info("page %s", page_token)
`, ID),
    ).toEqual([]);
    expect(reports(`secret = input("client secret: ")\nprint(f"CLIENT_SECRET={secret}")\n`, ID)).toEqual([]);
  });
});

describe('no-secret-in-tool-result (Python)', () => {
  const ID = 'no-secret-in-tool-result';
  it('reports the environment, secret variables, the inbound Authorization and secret files returned from a tool', () => {
    const code = `import os
from mcp.server.fastmcp import FastMCP, Context
mcp = FastMCP("x")

@mcp.tool()
def env() -> dict:
    return dict(os.environ)

@mcp.tool()
def key() -> str:
    return f"key: {os.getenv('OPENAI_API_KEY')}"

@mcp.tool()
def whoami(ctx: Context) -> str:
    return ctx.request_context.request.headers.get("authorization")

@mcp.resource("config://env")
def dotenv() -> str:
    return open(".env").read()
`;
    expect(reports(code, ID)).toEqual([
      [7, 'returned'],
      [11, 'returned'],
      [15, 'returned'],
      [19, 'returned'],
    ]);
  });
  it('does not report results computed with a credential, or non-secret settings', () => {
    const code = `import os, requests
from mcp.server.fastmcp import FastMCP
mcp = FastMCP("x")

@mcp.tool()
def weather(city: str) -> dict:
    return requests.get(URL, params={"q": city, "key": os.getenv("WEATHER_API_KEY")}).json()

@mcp.tool()
def region() -> str:
    return os.getenv("AWS_REGION", "us-east-1")
`;
    expect(reports(code, ID)).toEqual([]);
  });
});

describe('no-token-passthrough (Python)', () => {
  const ID = 'no-token-passthrough';
  it('reports the inbound token or header bag forwarded upstream', () => {
    const code = `import httpx
from fastmcp.server.dependencies import get_http_headers, get_access_token

async def proxy(request, url):
    auth = request.headers.get("authorization")
    async with httpx.AsyncClient() as client:
        await client.get(url, headers={"Authorization": auth})
    httpx.post(url, headers=get_http_headers())
    return Github(auth=get_access_token().token)
`;
    expect(reports(code, ID)).toEqual([
      [7, 'passthrough'],
      [8, 'passthrough'],
      [9, 'passthrough'],
    ]);
  });
  it('does not report a separate upstream credential or the server\'s own response', () => {
    const code = `import httpx, os
def call(request, url):
    httpx.get(url, headers={"Authorization": f"Bearer {os.environ['UPSTREAM_TOKEN']}"})
    return JSONResponse({"ok": True}, headers={"X-Request-ID": request.headers.get("x-request-id")})
`;
    expect(reports(code, ID)).toEqual([]);
  });
  it('does not report a proxy\'s copy of the headers it takes the credential out of; does report one it keeps it in', () => {
    const code = `async def proxy(self, request, url):
    headers = dict(request.headers)
    for name in ["host", "content-length", "authorization"]:
        headers.pop(name, None)
    return await self.client.request("POST", url, headers=headers)

async def leaky(self, request, url):
    headers = dict(request.headers)
    headers.pop("host", None)
    return await self.client.request("POST", url, headers=headers)
`;
    expect(reports(code, ID)).toEqual([[10, 'passthrough']]);
  });
});

describe('no-tls-verification-disabled (Python)', () => {
  const ID = 'no-tls-verification-disabled';
  it('reports verify=False, unverified contexts, CERT_NONE and PYTHONHTTPSVERIFY=0', () => {
    const code = `import ssl, os, requests, httpx
requests.get(url, verify=False)
client = httpx.AsyncClient(verify=False)
ctx = ssl._create_unverified_context()
ctx2 = ssl.create_default_context()
ctx2.check_hostname = False
ctx2.verify_mode = ssl.CERT_NONE
os.environ["PYTHONHTTPSVERIFY"] = "0"
`;
    expect(reports(code, ID)).toEqual([
      [2, 'option'],
      [3, 'option'],
      [4, 'pyContext'],
      [6, 'pyContext'],
      [7, 'pyContext'],
      [8, 'env'],
    ]);
  });
  it('does not report verification on or configured', () => {
    expect(reports(`import requests\nrequests.get(url, verify=True)\nrequests.get(url, verify="/etc/ca.pem")\nrequests.get(url, verify=settings.verify_ssl)\n`, ID)).toEqual([]);
  });
});

describe('no-timing-unsafe-secret-compare (Python)', () => {
  const ID = 'no-timing-unsafe-secret-compare';
  it('reports keys, tokens and signatures compared with == or !=', () => {
    const code = `def check(request, body):
    if request.headers.get("x-api-key") != API_KEY:
        raise HTTPException(401)
    if compute(body) == request.headers["x-hub-signature-256"]:
        return True
    return token == expected_token
`;
    expect(reports(code, ID)).toEqual([
      [2, 'pyCompare'],
      [4, 'pyCompare'],
      [6, 'pyCompare'],
    ]);
  });
  it('does not report compare_digest, presence and scheme checks, or test assertions', () => {
    const code = `import hmac
def check(token, scheme):
    if token is None or token == "":
        return False
    if scheme == "Bearer":
        return hmac.compare_digest(token, API_TOKEN)

def test_token():
    assert token == "abc123def"
`;
    expect(reports(code, ID)).toEqual([]);
  });
  it('does not report a key compared with the placeholder of an example config, nor a value picked by a comparison', () => {
    const code = `import os
def get_key():
    api_key = os.getenv("NEWS_API_KEY")
    if not api_key or api_key == "your_news_api_key":
        raise ToolError("not configured")
    return api_key

def rotate(new_refresh_token, request):
    return new_refresh_token if new_refresh_token != request.refresh_token else None
`;
    expect(reports(code, ID)).toEqual([]);
  });
});
