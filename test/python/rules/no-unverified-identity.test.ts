import { describe, expect, it } from 'vitest';
import { reports, withPythonParser } from '../lint.js';

withPythonParser();
const ID = 'no-unverified-identity';

describe('no-unverified-identity (Python)', () => {
  it('reports a header identity at its read, whatever it is used for', () => {
    const code = `from fastmcp import Context
from fastmcp.exceptions import ToolError

def caller(ctx: Context) -> str:
    request = ctx.get_http_request()
    user_id = request.headers.get("X-User-ID")
    if not user_id:
        raise ToolError("missing user")
    return user_id

def admin_only(request):
    if request.headers["x-forwarded-email"] != "admin@example.com":
        raise PermissionError()

async def load(request, db):
    return await db.users.find_one({"email": request.headers.get("X-Auth-Request-Email")})

def uuid_of(ctx):
    bag = {k.decode().lower(): v.decode() for k, v in ctx.request_context.request.headers.raw}
    return bag.get("user_uuid")
`;
    expect(reports(code, ID)).toEqual([
      [6, 'pyUnverified'],
      [12, 'pyUnverified'],
      [16, 'pyUnverified'],
      [20, 'pyUnverified'],
    ]);
  });

  it('reports a FastAPI Header() parameter and a loop over headers.raw', () => {
    const code = `from fastapi import Header, HTTPException

async def route(x_user_id: str = Header(None)):
    if x_user_id is None:
        raise HTTPException(401)

async def on_call_tool(self, context, call_next):
    email = None
    for name, value in context.fastmcp_context.get_http_request().headers.raw:
        if name.decode().lower() == "x-user-email":
            email = value.decode()
    if not email:
        raise ToolError("Authentication required")
`;
    expect(reports(code, ID)).toEqual([
      [3, 'pyUnverified'],
      [10, 'pyUnverified'],
    ]);
  });

  it('tells a tool that trusts a caller-named user from its twin that uses the verified caller', () => {
    const code = `from mcp.server.fastmcp import FastMCP
from mcp.server.auth.middleware.auth_context import get_access_token

mcp = FastMCP("reports")
REPORTS = {"alice": "q3 numbers", "bob": "salary review"}

@mcp.tool()
def get_report(user: str) -> str:
    return REPORTS[user]

@mcp.tool()
def get_my_report() -> str:
    token = get_access_token()
    return REPORTS[token.client_id]

@mcp.tool()
def delete_as(user_id: str, role: str) -> str:
    if role == "admin":
        return "deleted"
    return "denied"

@mcp.tool()
def checked(user: str) -> str:
    if user != get_access_token().client_id:
        raise PermissionError()
    return REPORTS[user]

mcp.run(transport="streamable-http")
`;
    expect(reports(code, ID)).toEqual([
      [9, 'pyModelSupplied'],
      [18, 'pyModelSupplied'],
    ]);
  });

  it('does not report headers that are not identities, identities only logged or forwarded, or test assertions', () => {
    const code = `def f(request, logger, client):
    rid = request.headers.get("X-Request-ID")
    if not rid:
        raise ValueError()
    user = request.headers.get("X-User-ID")
    logger.info("user %s", user)
    client.post("/audit", headers={"X-User-ID": user})

def test_forwarding(headers):
    assert headers["x-user-id"] == "u1"

def from_response(response):
    if response.headers.get("x-user-id") != "me":
        return None
`;
    expect(reports(code, ID)).toEqual([]);
  });
});
