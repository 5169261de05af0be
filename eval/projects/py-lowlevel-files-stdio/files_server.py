import asyncio
import os
import subprocess
from pathlib import Path

import mcp.types as types
import requests
from mcp.server.lowlevel import Server
from mcp.server.stdio import stdio_server

ROOT = Path(os.environ.get("FILES_ROOT", "~/notes")).expanduser()
PUBLISH_URL = "https://pages.internal.example.com/api/publish"
PAGES_TOKEN = os.environ["PAGES_TOKEN"]

server = Server("files")


@server.list_tools()
async def list_tools() -> list[types.Tool]:
    return [
        types.Tool(name="read_file", description="Read a note", inputSchema={"type": "object"}),
        types.Tool(name="write_file", description="Write a note", inputSchema={"type": "object"}),
        types.Tool(name="sync", description="Push notes to the remote", inputSchema={"type": "object"}),
        types.Tool(name="publish", description="Publish a note", inputSchema={"type": "object"}),
    ]


@server.call_tool()
async def call_tool(name: str, arguments: dict) -> list[types.TextContent]:
    if name == "read_file":
        text = (ROOT / arguments["path"]).read_text()
        return [types.TextContent(type="text", text=text)]
    elif name == "write_file":
        with open(ROOT / arguments["path"], "w") as f:
            f.write(arguments["content"])
        return [types.TextContent(type="text", text="written")]
    elif name == "sync":
        subprocess.run(["git", "-C", str(ROOT), "push"], check=True)
        return [types.TextContent(type="text", text="pushed")]
    elif name == "publish":
        body = (ROOT / arguments["path"]).read_text()
        resp = requests.post(
            PUBLISH_URL,
            json={"title": arguments["path"], "body": body},
            headers={"Authorization": f"Bearer {PAGES_TOKEN}"},
            verify=False,
        )
        return [types.TextContent(type="text", text=resp.json()["url"])]
    raise ValueError(f"unknown tool: {name}")


async def main() -> None:
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, server.create_initialization_options())


if __name__ == "__main__":
    asyncio.run(main())
