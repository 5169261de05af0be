import type { AuthRequest, OAuthHelpers } from '@cloudflare/workers-oauth-provider';

type Env = { OAUTH_PROVIDER: OAuthHelpers; ACCESS_TEAM_DOMAIN: string };

const GRANTABLE = new Set(['weather:read']);

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== '/authorize') return new Response('not found', { status: 404 });
    const oauthReqInfo: AuthRequest = await env.OAUTH_PROVIDER.parseAuthRequest(request);
    // Cloudflare Access has authenticated the user before this Worker runs; the JWT is validated by Access.
    const email = request.headers.get('cf-access-authenticated-user-email');
    if (!email) return new Response('forbidden', { status: 403 });
    const { redirectTo } = await env.OAUTH_PROVIDER.completeAuthorization({
      request: oauthReqInfo,
      userId: email,
      metadata: {},
      scope: oauthReqInfo.scope.filter((s) => GRANTABLE.has(s)),
      props: { email },
    });
    return Response.redirect(redirectTo, 302);
  },
};
