// Every rule, by id. A meta test checks this list against the files in rules/, test/rules/ and docs/rules/.
// A rule with a Python implementation (rules/python/<id>.ts) is composed with it here: one id, both languages.
import { withPython, type McpRuleModule } from '../src/rule-kit/create-rule.js';
import { noHardcodedSecretsPython } from './python/no-hardcoded-secrets.js';
import { noUnverifiedIdentityPython } from './python/no-unverified-identity.js';
import { noPermissiveCorsPython } from './python/no-permissive-cors.js';
import { noUnauthenticatedPublicBindPython } from './python/no-unauthenticated-public-bind.js';
import { requireDnsRebindingProtectionPython } from './python/require-dns-rebinding-protection.js';
import { requireToolAuthorizationPython } from './python/require-tool-authorization.js';
import { noSecretLoggingPython } from './python/no-secret-logging.js';
import { noTlsVerificationDisabledPython } from './python/no-tls-verification-disabled.js';
import { noTimingUnsafeSecretComparePython } from './python/no-timing-unsafe-secret-compare.js';
import { noJwtDecodeWithoutVerifyPython } from './python/no-jwt-decode-without-verify.js';
import { jwtVerifyOptionsPython } from './python/jwt-verify-options.js';
import { noPresenceOnlyAuthPython } from './python/no-presence-only-auth.js';
import { secureSessionIdPython } from './python/secure-session-id.js';
import { noBroadOauthScopesPython } from './python/no-broad-oauth-scopes.js';
import { noTokenPassthroughPython } from './python/no-token-passthrough.js';
import { noSecretInToolResultPython } from './python/no-secret-in-tool-result.js';
import noHardcodedSecrets from './no-hardcoded-secrets.js';
import noBroadOauthScopes from './no-broad-oauth-scopes.js';
import noUnverifiedIdentity from './no-unverified-identity.js';
import noJwtDecodeWithoutVerify from './no-jwt-decode-without-verify.js';
import jwtVerifyOptions from './jwt-verify-options.js';
import noPresenceOnlyAuth from './no-presence-only-auth.js';
import noTimingUnsafeSecretCompare from './no-timing-unsafe-secret-compare.js';
import noTokenPassthrough from './no-token-passthrough.js';
import noSecretLogging from './no-secret-logging.js';
import noSecretInToolResult from './no-secret-in-tool-result.js';
import noTlsVerificationDisabled from './no-tls-verification-disabled.js';
import noSecretsInMcpConfig from './no-secrets-in-mcp-config.js';
import insecureMcpServerUrl from './insecure-mcp-server-url.js';
import noTlsOptOutInMcpConfig from './no-tls-opt-out-in-mcp-config.js';
import unpinnedMcpServerPackage from './unpinned-mcp-server-package.js';
import vulnerableMcpPackage from './vulnerable-mcp-package.js';
import noMcpAutoApprove from './no-mcp-auto-approve.js';
import noBroadOauthScopesInMcpConfig from './no-broad-oauth-scopes-in-mcp-config.js';
import noDangerousMcpServerLaunch from './no-dangerous-mcp-server-launch.js';
import requireToolAuthorization from './require-tool-authorization.js';
import noUnauthenticatedPublicBind from './no-unauthenticated-public-bind.js';
import requireDnsRebindingProtection from './require-dns-rebinding-protection.js';
import noPermissiveCors from './no-permissive-cors.js';
import secureSessionId from './secure-session-id.js';
import noSharedServerInstance from './no-shared-server-instance.js';
import requireAuditTrail from './require-audit-trail.js';
import noSharedStaticToken from './no-shared-static-token.js';

export const rules: Record<string, McpRuleModule> = {
  'require-tool-authorization': withPython(requireToolAuthorization, requireToolAuthorizationPython),
  'no-unauthenticated-public-bind': withPython(noUnauthenticatedPublicBind, noUnauthenticatedPublicBindPython),
  'require-dns-rebinding-protection': withPython(requireDnsRebindingProtection, requireDnsRebindingProtectionPython),
  'no-permissive-cors': withPython(noPermissiveCors, noPermissiveCorsPython),
  'secure-session-id': withPython(secureSessionId, secureSessionIdPython),
  'no-shared-server-instance': noSharedServerInstance,
  'no-hardcoded-secrets': withPython(noHardcodedSecrets, noHardcodedSecretsPython),
  'no-broad-oauth-scopes': withPython(noBroadOauthScopes, noBroadOauthScopesPython),
  'no-unverified-identity': withPython(noUnverifiedIdentity, noUnverifiedIdentityPython),
  'no-jwt-decode-without-verify': withPython(noJwtDecodeWithoutVerify, noJwtDecodeWithoutVerifyPython),
  'jwt-verify-options': withPython(jwtVerifyOptions, jwtVerifyOptionsPython),
  'no-presence-only-auth': withPython(noPresenceOnlyAuth, noPresenceOnlyAuthPython),
  'no-timing-unsafe-secret-compare': withPython(noTimingUnsafeSecretCompare, noTimingUnsafeSecretComparePython),
  'no-token-passthrough': withPython(noTokenPassthrough, noTokenPassthroughPython),
  'no-secret-logging': withPython(noSecretLogging, noSecretLoggingPython),
  'no-secret-in-tool-result': withPython(noSecretInToolResult, noSecretInToolResultPython),
  'no-tls-verification-disabled': withPython(noTlsVerificationDisabled, noTlsVerificationDisabledPython),
  'no-secrets-in-mcp-config': noSecretsInMcpConfig,
  'insecure-mcp-server-url': insecureMcpServerUrl,
  'no-tls-opt-out-in-mcp-config': noTlsOptOutInMcpConfig,
  'unpinned-mcp-server-package': unpinnedMcpServerPackage,
  'vulnerable-mcp-package': vulnerableMcpPackage,
  'no-mcp-auto-approve': noMcpAutoApprove,
  'no-broad-oauth-scopes-in-mcp-config': noBroadOauthScopesInMcpConfig,
  'no-dangerous-mcp-server-launch': noDangerousMcpServerLaunch,
  'require-audit-trail': requireAuditTrail,
  'no-shared-static-token': noSharedStaticToken,
};
