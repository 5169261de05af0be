import { describe, expect, it } from 'vitest';
import { reports, withPythonParser } from '../lint.js';

withPythonParser();

describe('no-permissive-cors (Python)', () => {
  const ID = 'no-permissive-cors';
  it('reports any origin with credentials, and any origin without auth at low', () => {
    const code = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from dataclasses import dataclass, field

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)
app.add_middleware(CORSMiddleware, allow_origin_regex=".*")

@dataclass
class CorsConfig:
    allow_origins: list = field(default_factory=lambda: ["*"])
    allow_credentials: bool = True
`;
    expect(reports(code, ID)).toEqual([
      [6, 'credentialed'],
      [7, 'wildcard'],
      [11, 'credentialed'],
    ]);
  });
  it('does not report an origin list, or a module with no web server', () => {
    expect(reports(`from fastapi import FastAPI\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)\n`, ID)).toEqual([]);
    expect(reports(`class Settings:\n    allow_origins = ["*"]\n    allow_credentials = True\n`, ID)).toEqual([]);
  });
});

describe('no-unauthenticated-public-bind (Python)', () => {
  const ID = 'no-unauthenticated-public-bind';
  it('reports every interface with no auth gate, with the defaults of uvicorn, FastMCP and env fallbacks', () => {
    const code = `import os, uvicorn
from fastapi import FastAPI
from mcp.server.fastmcp import FastMCP

app = FastAPI()
mcp = FastMCP("x", host="0.0.0.0")

if __name__ == "__main__":
    uvicorn.run(app, host=os.getenv("HOST", "0.0.0.0"), port=8000)
    mcp.run(transport="sse")
`;
    expect(reports(code, ID)).toEqual([
      [6, 'pyPublicBind'],
      [9, 'pyPublicBind'],
    ]);
  });
  it('does not report loopback or default hosts, stdio, hosts from configuration, or gated servers', () => {
    expect(reports(`import uvicorn\nfrom fastapi import FastAPI\napp = FastAPI()\nuvicorn.run(app)\nuvicorn.run(app, host="127.0.0.1")\nuvicorn.run(app, host=os.environ["HOST"])\n`, ID)).toEqual([]);
    expect(reports(`from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("x", host="0.0.0.0")\nmcp.run()\n`, ID)).toEqual([]);
    expect(reports(`from fastmcp import FastMCP\nfrom fastmcp.server.auth.providers.jwt import JWTVerifier\nmcp = FastMCP("x", auth=JWTVerifier(jwks_uri=URI, audience="mcp"))\nmcp.run(transport="http", host="0.0.0.0")\n`, ID)).toEqual([]);
    expect(reports(`import uvicorn\nfrom fastapi import FastAPI, Depends\napp = FastAPI(dependencies=[Depends(verify_api_key)])\nuvicorn.run(app, host="0.0.0.0")\n`, ID)).toEqual([]);
  });
  it('does not take a middleware that only checks an identity header is present for a gate', () => {
    const code = `from fastmcp import FastMCP
from fastmcp.server.middleware import Middleware

class UserAuthMiddleware(Middleware):
    async def on_call_tool(self, context, call_next):
        if not context.fastmcp_context.get_http_request().headers.get("x-user-email"):
            raise ToolError("Authentication required")
        return await call_next(context)

mcp = FastMCP("calc")
mcp.add_middleware(UserAuthMiddleware())
mcp.run(transport="http", host="0.0.0.0", port=3001)
`;
    expect(reports(code, ID)).toEqual([[12, 'pyPublicBind']]);
  });
});

describe('require-dns-rebinding-protection (Python)', () => {
  const ID = 'require-dns-rebinding-protection';
  it('reports protection switched off, and low-level HTTP transports without security settings, on a local server', () => {
    const code = `from mcp.server.fastmcp import FastMCP
from mcp.server.transport_security import TransportSecuritySettings
from mcp.server.sse import SseServerTransport

mcp = FastMCP("x", transport_security=TransportSecuritySettings(enable_dns_rebinding_protection=False))
sse = SseServerTransport("/messages/")
mcp.run(transport="sse")
`;
    expect(reports(code, ID)).toEqual([
      [5, 'pyNoHostValidation'],
      [6, 'pyNoHostValidation'],
    ]);
  });
  it("does not report FastMCP's default on localhost, settings with allow lists, or a public bind", () => {
    expect(reports(`from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("x")\nmcp.run(transport="streamable-http")\n`, ID)).toEqual([]);
    expect(
      reports(`from mcp.server.sse import SseServerTransport\nsse = SseServerTransport("/m/", security_settings=TransportSecuritySettings(enable_dns_rebinding_protection=True, allowed_hosts=["127.0.0.1:*"]))\n`, ID),
    ).toEqual([]);
    expect(reports(`import uvicorn\nfrom mcp.server.sse import SseServerTransport\nsse = SseServerTransport("/m/")\nuvicorn.run(app, host="0.0.0.0")\n`, ID)).toEqual([]);
  });
});
