import type { AuthRequest, OAuthHelpers } from '@cloudflare/workers-oauth-provider';
import { Hono } from 'hono';

type Env = { OAUTH_PROVIDER: OAuthHelpers; GITHUB_CLIENT_ID: string; GITHUB_CLIENT_SECRET: string };
const app = new Hono<{ Bindings: Env }>();

app.get('/authorize', async (c) => {
  const oauthReqInfo = await c.env.OAUTH_PROVIDER.parseAuthRequest(c.req.raw);
  const url = new URL('https://github.com/login/oauth/authorize');
  url.searchParams.set('client_id', c.env.GITHUB_CLIENT_ID);
  url.searchParams.set('redirect_uri', new URL('/callback', c.req.url).href);
  url.searchParams.set('scope', 'read:user repo');
  url.searchParams.set('state', btoa(JSON.stringify(oauthReqInfo)));
  return c.redirect(url.href);
});

app.get('/callback', async (c) => {
  const oauthReqInfo = JSON.parse(atob(c.req.query('state') ?? '')) as AuthRequest;
  const tokenRes = await fetch('https://github.com/login/oauth/access_token', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: c.env.GITHUB_CLIENT_ID, client_secret: c.env.GITHUB_CLIENT_SECRET, code: c.req.query('code') }),
  });
  const { access_token: accessToken } = (await tokenRes.json()) as { access_token: string };
  const user = (await (await fetch('https://api.github.com/user', { headers: { authorization: `token ${accessToken}`, 'user-agent': 'github-agent-mcp' } })).json()) as { login: string; name: string };

  const { redirectTo } = await c.env.OAUTH_PROVIDER.completeAuthorization({
    request: oauthReqInfo,
    userId: user.login,
    metadata: { label: user.name },
    scope: oauthReqInfo.scope,
    props: { login: user.login, name: user.name, accessToken },
  });
  return c.redirect(redirectTo);
});

export { app as GitHubHandler };
