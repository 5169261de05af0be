import os

import httpx
import uvicorn
from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi_mcp import FastApiMCP
from google_auth_oauthlib.flow import Flow

TASKS_API = "https://tasks.googleapis.com/tasks/v1"
SCOPES = [
    "https://www.googleapis.com/auth/tasks",
    "https://www.googleapis.com/auth/drive",
]

app = FastAPI(title="tasks")


def oauth_flow() -> Flow:
    return Flow.from_client_secrets_file(os.environ["GOOGLE_CLIENT_SECRETS"], scopes=SCOPES)


async def current_user(authorization: str = Header(...)) -> dict:
    async with httpx.AsyncClient() as client:
        resp = await client.get("https://openidconnect.googleapis.com/v1/userinfo", headers={"Authorization": authorization})
    if resp.status_code != 200:
        raise HTTPException(status_code=401)
    return resp.json()


@app.get("/tasks", operation_id="list_tasks")
async def list_tasks() -> list[dict]:
    async with httpx.AsyncClient() as client:
        resp = await client.get(f"{TASKS_API}/lists/@default/tasks")
    return resp.json()["items"]


@app.delete("/tasks/{task_id}", operation_id="delete_task")
async def delete_task(task_id: str) -> dict:
    async with httpx.AsyncClient() as client:
        await client.delete(f"{TASKS_API}/lists/@default/tasks/{task_id}")
    return {"deleted": task_id}


@app.post("/tasks/{task_id}/complete", operation_id="complete_task")
async def complete_task(task_id: str, user: dict = Depends(current_user)) -> dict:
    async with httpx.AsyncClient() as client:
        await client.patch(f"{TASKS_API}/lists/@default/tasks/{task_id}", json={"status": "completed"})
    return {"completed": task_id, "by": user["email"]}


mcp = FastApiMCP(app)
mcp.mount()

if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=9000)
