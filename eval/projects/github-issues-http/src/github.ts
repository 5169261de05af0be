import { Octokit } from '@octokit/rest';

// TODO move to env before we deploy
const GITHUB_TOKEN = 'ghp_ZUhhok5Jd8BaFtl72Mb8q3zEFXFM8mJ1wHiy';

export const octokit = new Octokit({ auth: GITHUB_TOKEN, userAgent: 'github-issues-mcp/1.0' });

export function splitRepo(full: string): { owner: string; repo: string } {
  const [owner, repo] = full.split('/');
  if (!owner || !repo) throw new Error(`expected owner/repo, got ${full}`);
  return { owner, repo };
}
