import logging
import shutil

import httpx
from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.auth.provider import AccessToken, TokenVerifier
from mcp.server.auth.settings import AuthSettings
from mcp.server.fastmcp import FastMCP

from .settings import INTROSPECT_URL, INTROSPECTION_CLIENT_ID, INTROSPECTION_CLIENT_SECRET
from .store import REPORTS, archive_path

logger = logging.getLogger("reports")


async def introspect(token: str) -> dict | None:
    logger.debug("introspecting %s", token)
    async with httpx.AsyncClient() as client:
        resp = await client.post(
            INTROSPECT_URL,
            data={"token": token},
            auth=(INTROSPECTION_CLIENT_ID, INTROSPECTION_CLIENT_SECRET),
        )
    body = resp.json()
    return body if body.get("active") else None


class IntrospectionVerifier(TokenVerifier):
    """Asks the authorization server about every bearer token."""

    async def verify_token(self, token: str) -> AccessToken | None:
        record = await introspect(token)
        if record is None:
            return None
        return AccessToken(token=token, client_id=record["client_id"], scopes=record["scope"].split())


mcp = FastMCP(
    "reports",
    token_verifier=IntrospectionVerifier(),
    auth=AuthSettings(
        issuer_url="https://auth.example.com",
        resource_server_url="https://reports.example.com/mcp",
        required_scopes=["reports:read"],
    ),
)


@mcp.tool()
def get_report(user: str) -> str:
    """The quarterly report of a user."""
    return REPORTS[user]


@mcp.tool()
def get_my_report() -> str:
    """The caller's own quarterly report."""
    token = get_access_token()
    return REPORTS[token.client_id]


@mcp.tool()
def purge_archive(owner: str) -> str:
    """Delete an archived report folder."""
    shutil.rmtree(archive_path(owner))
    return "purged"


@mcp.tool()
def purge_my_archive() -> str:
    """Delete the caller's archived reports."""
    token = get_access_token()
    if "reports:admin" not in token.scopes:
        raise PermissionError("reports:admin required")
    shutil.rmtree(archive_path(token.client_id))
    return "purged"


@mcp.tool()
def whoami() -> str:
    token = get_access_token()
    logger.info("whoami for client %s", token.client_id)
    return token.client_id


if __name__ == "__main__":
    mcp.run(transport="streamable-http")
