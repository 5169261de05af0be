// Programmatic API: the engine is a library; the CLI is a thin host over it.
export { scan, type ScanOptions } from './engine/scan.js';
export type { Finding, Diagnostic, ScanReport, ScanSummary, RelatedFindingLocation, Suppression, HeldBack } from './engine/types.js';
export { classifyFile, type FileClass, type FileClassification } from './rule-kit/file-class.js';
export { formatPretty } from './reporters/pretty.js';
export { formatJson, JSON_SCHEMA_VERSION } from './reporters/json.js';
export { formatSarif } from './reporters/sarif.js';
export { rules } from '../rules/index.js';
export { SEVERITIES, type Severity } from './rule-kit/severity.js';
export { default as plugin } from './plugin/index.js';
