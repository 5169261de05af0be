import type { Severity } from '../rule-kit/severity.js';

/** Published advisories of MCP packages (reference §2.3 and §6.3), as data. `introduced` defaults to 0.0.0. */
export interface Advisory {
  package: string;
  /** CVE first, then GHSA; empty when only the fix is documented. */
  ids: string[];
  summary: string;
  introduced?: string;
  fixed: string;
  severity: Severity;
  /**
   * What a server must do for the flaw to be reached (from its source: src/mcp-model/reachability.ts); absent = any
   * use (developer tools run on a workstation). Unreached, the version is still worth bumping, at low severity.
   */
  reachedWhen?: 'http-unauthenticated' | 'http-shared-instance' | 'resource-templates';
}

export const ADVISORIES: Advisory[] = [
  {
    package: 'mcp-remote',
    ids: ['CVE-2025-6514', 'GHSA-6xpm-ggf7-wc3p'],
    summary: 'OS command injection from a malicious authorization_endpoint',
    introduced: '0.0.5',
    fixed: '0.1.16',
    severity: 'critical',
  },
  {
    package: '@modelcontextprotocol/inspector',
    ids: ['CVE-2025-49596', 'GHSA-7f8r-222p-6f5g'],
    summary: 'unauthenticated proxy allows remote code execution',
    fixed: '0.14.1',
    severity: 'critical',
  },
  {
    package: '@modelcontextprotocol/inspector',
    ids: [],
    summary: 'XSS leading to command execution when connecting to an untrusted server',
    fixed: '0.16.6',
    severity: 'high',
  },
  {
    package: '@modelcontextprotocol/sdk',
    ids: ['CVE-2025-66414', 'GHSA-w48q-cv73-mx4w'],
    summary: 'DNS rebinding protection off by default for HTTP servers',
    fixed: '1.24.0',
    severity: 'high',
    reachedWhen: 'http-unauthenticated',
  },
  {
    package: '@modelcontextprotocol/sdk',
    ids: ['CVE-2026-0621', 'GHSA-8r9q-7v3j-jr4g'],
    summary: 'ReDoS in UriTemplate',
    fixed: '1.25.2',
    severity: 'medium',
    reachedWhen: 'resource-templates',
  },
  {
    package: '@modelcontextprotocol/sdk',
    ids: ['CVE-2026-25536', 'GHSA-345p-7cg4-v4c7'],
    summary: 'cross-client data leak when a server or transport instance is reused',
    introduced: '1.10.0',
    fixed: '1.26.0',
    severity: 'high',
    reachedWhen: 'http-shared-instance',
  },
];

export const ADVISORY_PACKAGES: string[] = [...new Set(ADVISORIES.map((a) => a.package))];
