import hmac
import os
import random
import string

import jwt
import uvicorn
from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.middleware.cors import CORSMiddleware
from mcp.server.fastmcp import FastMCP

API_KEY = os.environ["NOTES_API_KEY"]
ADMIN_KEY = os.environ["NOTES_ADMIN_KEY"]

mcp = FastMCP("notes", stateless_http=True)
NOTES: dict[str, list[str]] = {}


def require_api_key(x_api_key: str = Header(...)) -> None:
    if not hmac.compare_digest(x_api_key, API_KEY):
        raise HTTPException(status_code=401)


def require_admin(x_admin_key: str = Header(...)) -> None:
    if x_admin_key != ADMIN_KEY:
        raise HTTPException(status_code=403)


def author_of(authorization: str = Header(...)) -> str:
    claims = jwt.decode(authorization.removeprefix("Bearer "), options={"verify_signature": False})
    return claims["email"]


def new_share_token() -> str:
    share_token = "".join(random.choices(string.ascii_letters + string.digits, k=24))
    return share_token


@mcp.tool()
def list_notes(topic: str) -> list[str]:
    """Notes on a topic."""
    return NOTES.get(topic, [])


@mcp.tool()
def count_notes() -> int:
    return sum(len(v) for v in NOTES.values())


app = FastAPI(dependencies=[Depends(require_api_key)])
app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    expose_headers=["Mcp-Session-Id"],
)
app.mount("/mcp", mcp.streamable_http_app())


@app.post("/admin/share", dependencies=[Depends(require_admin)])
def share(topic: str, author: str = Depends(author_of)) -> dict:
    return {"topic": topic, "author": author, "token": new_share_token()}


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=8000)
