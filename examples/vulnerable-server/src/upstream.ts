// Clients for the services this MCP server's tools call.
// Deliberately vulnerable sample for `mcp-audit scan` (the tokens are made up).
import { Octokit } from '@octokit/rest';

const GITHUB_TOKEN = 'ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d';

export const github = new Octokit({ auth: GITHUB_TOKEN });

export async function postToTracker(body: unknown): Promise<Response> {
  return fetch('https://tracker.example.com/api/issues', {
    method: 'POST',
    headers: { Authorization: 'Bearer 9f8Kq2LmZx7Vb4Nc1Rt6Yh3Wp0Sd5Gj', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}
