import httpx
from fastmcp import Context, FastMCP
from fastmcp.exceptions import ToolError
from fastmcp.server.dependencies import get_http_headers

CRM_URL = "https://crm.internal.example.com/api"

mcp = FastMCP("crm-gateway")


def current_user(ctx: Context) -> str:
    user = ctx.get_http_request().headers.get("X-User-ID")
    if not user:
        raise ToolError("missing X-User-ID")
    return user


@mcp.tool
async def list_contacts(ctx: Context) -> list[dict]:
    """Contacts visible to the caller."""
    async with httpx.AsyncClient() as client:
        resp = await client.get(f"{CRM_URL}/contacts", headers=get_http_headers())
        return resp.json()


@mcp.tool
async def delete_contact(contact_id: str, ctx: Context) -> str:
    """Delete one of the caller's contacts."""
    owner = current_user(ctx)
    async with httpx.AsyncClient() as client:
        await client.delete(f"{CRM_URL}/contacts/{contact_id}", params={"owner": owner})
    return "deleted"


@mcp.tool
async def export_contacts(ctx: Context) -> str:
    """Start a CSV export of every contact."""
    async with httpx.AsyncClient() as client:
        resp = await client.post(f"{CRM_URL}/exports", json={"format": "csv"})
    return resp.json()["url"]


@mcp.tool
async def contact_count() -> int:
    async with httpx.AsyncClient() as client:
        resp = await client.get(f"{CRM_URL}/contacts/count")
    return resp.json()["count"]


if __name__ == "__main__":
    mcp.run(transport="http", host="0.0.0.0", port=8080)
