import { describe, expect, it } from 'vitest';
import { lintPython, withPythonParser } from '../lint.js';

withPythonParser();
const ID = 'require-tool-authorization';
const findings = (code: string) => lintPython(code, ID).filter((m) => m.ruleId === ID).map((m) => [m.line, m.messageId]);

const TOOLS = `import subprocess, shutil
from mcp.server.fastmcp import FastMCP
from mcp.server.auth.middleware.auth_context import get_access_token

mcp = FastMCP("ops")

@mcp.tool()
def run(cmd: str) -> str:
    return subprocess.run(cmd, shell=True, capture_output=True).stdout.decode()

@mcp.tool()
def wipe(folder: str) -> str:
    token = get_access_token()
    if "admin" not in token.scopes:
        raise PermissionError()
    shutil.rmtree(folder)
    return "ok"

@mcp.tool()
def read(path: str) -> str:
    with open(path) as f:
        return f.read()

@mcp.tool(annotations={"readOnlyHint": True})
def cache(value: str) -> str:
    with open(CACHE_FILE, "w") as f:
        f.write(value)
    return "cached"

CACHE_FILE = "/tmp/cache.json"
`;

describe('require-tool-authorization (Python)', () => {
  it('is transport-aware: stdio is process trust (info), HTTP without auth high, authenticated but unchecked medium', () => {
    expect(findings(`${TOOLS}\nmcp.run()\n`)).toEqual([[8, 'stdio']]);
    expect(lintPython(`${TOOLS}\nmcp.run()\n`, ID)[0].message).toMatch(/^Tool 'run' reaches subprocess\.run \(line 9\)/);
    expect(findings(`${TOOLS}\nmcp.run(transport="streamable-http")\n`)).toEqual([[8, 'unauthenticated']]);
    expect(findings(`${TOOLS}\nmcp.settings.auth = None\nmcp2 = FastMCP("x", token_verifier=Verifier(), auth=AuthSettings(issuer_url="https://a"))\nmcp2.run(transport="sse")\n`)).toEqual([[8, 'notAuthorized']]);
    expect(findings(TOOLS)).toEqual([[8, 'unknownTransport']]);
  });

  it('follows low-level call_tool dispatch (if/elif, match on enum members) and helpers to sinks', () => {
    const code = `import os
from enum import Enum
from mcp.server.lowlevel import Server
from mcp.server.stdio import stdio_server

class Tools(str, Enum):
    DELETE = "delete_note"
    LIST = "list_notes"

server = Server("notes")

def remove(path):
    os.remove(path)

@server.call_tool()
async def call_tool(name: str, arguments: dict):
    match name:
        case Tools.DELETE:
            remove(arguments["path"])
        case Tools.LIST:
            return os.listdir(".")
    if name == "purge":
        os.system("rm -rf /tmp/notes")

async def main():
    async with stdio_server() as (read, write):
        await server.run(read, write, server.create_initialization_options())
`;
    expect(findings(code)).toEqual([
      [18, 'stdio'],
      [22, 'stdio'],
    ]);
  });

  it('reads fastmcp 2.x, fastapi-mcp routes and per-tool auth, and counts a spoofable header identity as a check', () => {
    const code = `import requests
from fastapi import FastAPI, Depends
from fastapi_mcp import FastApiMCP
from fastmcp.server.auth import require_scopes

app = FastAPI()

@app.delete("/items/{item_id}")
def delete_item(item_id: int):
    requests.delete(f"https://api.example.com/items/{item_id}")

@app.post("/orders")
def create_order(order: dict, user=Depends(get_current_user)):
    requests.post("https://api.example.com/orders", json=order)

def by_header(request):
    uid = request.headers.get("X-User-ID")
    requests.delete(f"https://api.example.com/u/{uid}")

FastApiMCP(app).mount()
`;
    // the FastAPI app fastapi-mcp mounts is served over HTTP, and nothing gates it
    expect(findings(code)).toEqual([[9, 'unauthenticated']]);
    const fastmcp = `import os
from fastmcp import FastMCP
from fastmcp.server.auth import require_scopes

mcp = FastMCP("files")

@mcp.tool
def drop(path: str) -> None:
    os.remove(path)

@mcp.tool(auth=require_scopes("files:write"))
def drop_checked(path: str) -> None:
    os.remove(path)

def purge(path: str) -> None:
    os.remove(path)

mcp.tool(purge)
mcp.run(transport="http")
`;
    expect(findings(fastmcp)).toEqual([
      [8, 'unauthenticated'],
      [18, 'unauthenticated'],
    ]);
  });
});
