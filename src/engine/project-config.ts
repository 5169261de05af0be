import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isSeverity, type Severity } from '../rule-kit/severity.js';

/**
 * `.mcp-audit.json`: the project's own settings. Data only — it is parsed as JSON, never executed.
 *
 * {
 *   "rules": { "<rule-id>": "off" | "<severity>" },
 *   "ignore": ["glob", ...],          // extra paths to skip, relative to the scan root
 *   "failOn": "<severity>",            // default threshold when --fail-on is not given
 *   "maxFileSize": 1048576,            // bytes; larger files are reported and skipped
 *   "showHeldBack": false              // show findings in test, generated and vendored code
 * }
 */
export interface ProjectConfig {
  rules: Record<string, 'off' | Severity>;
  ignore: string[];
  failOn?: Severity;
  maxFileSize?: number;
  showHeldBack?: boolean;
}

export const CONFIG_FILE_NAME = '.mcp-audit.json';

export class ConfigError extends Error {}

const KNOWN_KEYS = new Set(['$schema', 'rules', 'ignore', 'failOn', 'maxFileSize', 'showHeldBack']);

/** Validate a parsed config. Throws ConfigError with every problem listed. */
export function validateProjectConfig(raw: unknown, knownRuleIds: readonly string[], source: string): ProjectConfig {
  const problems: string[] = [];
  const out: ProjectConfig = { rules: {}, ignore: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(`${source}: the config must be a JSON object`);
  }
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!KNOWN_KEYS.has(key)) problems.push(`unknown key "${key}" (expected one of: rules, ignore, failOn, maxFileSize, showHeldBack)`);
  }
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) {
      problems.push('"rules" must be an object mapping rule ids to "off" or a severity');
    } else {
      for (const [id, value] of Object.entries(obj.rules as Record<string, unknown>)) {
        if (!knownRuleIds.includes(id)) problems.push(`unknown rule "${id}" in "rules" (see \`mcp-audit rules\`)`);
        else if (value === 'off' || isSeverity(value)) out.rules[id] = value;
        else problems.push(`rule "${id}": expected "off", "critical", "high", "medium", "low" or "info", got ${JSON.stringify(value)}`);
      }
    }
  }
  if (obj.ignore !== undefined) {
    if (!Array.isArray(obj.ignore) || !obj.ignore.every((g) => typeof g === 'string' && g.length > 0)) {
      problems.push('"ignore" must be an array of non-empty glob strings');
    } else out.ignore = obj.ignore as string[];
  }
  if (obj.failOn !== undefined) {
    if (isSeverity(obj.failOn)) out.failOn = obj.failOn;
    else problems.push(`"failOn" must be a severity, got ${JSON.stringify(obj.failOn)}`);
  }
  if (obj.maxFileSize !== undefined) {
    if (typeof obj.maxFileSize === 'number' && Number.isInteger(obj.maxFileSize) && obj.maxFileSize > 0) {
      out.maxFileSize = obj.maxFileSize;
    } else problems.push('"maxFileSize" must be a positive integer (bytes)');
  }
  if (obj.showHeldBack !== undefined) {
    if (typeof obj.showHeldBack === 'boolean') out.showHeldBack = obj.showHeldBack;
    else problems.push('"showHeldBack" must be true or false');
  }
  if (problems.length > 0) throw new ConfigError(`${source}: invalid config:\n  - ${problems.join('\n  - ')}`);
  return out;
}

export function loadProjectConfig(path: string, knownRuleIds: readonly string[]): ProjectConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`${path}: cannot read config (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  return validateProjectConfig(raw, knownRuleIds, path);
}

/** The project config for a scan: an explicit path, none (`false`), or `<root>/.mcp-audit.json` when present. */
export function resolveProjectConfig(root: string, configPath: string | false | undefined, knownRuleIds: readonly string[]): ProjectConfig {
  if (configPath === false) return { rules: {}, ignore: [] };
  const path = configPath ?? resolve(root, CONFIG_FILE_NAME);
  if (configPath === undefined && !existsSync(path)) return { rules: {}, ignore: [] };
  return loadProjectConfig(path, knownRuleIds);
}
