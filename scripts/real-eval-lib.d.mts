// Types of scripts/real-eval-lib.mjs, for test/eval/real-code.test.ts.
import type { ScanOptions, ScanReport } from '../src/index.js';

export interface RealLabel {
  set: string;
  repo: string;
  commit: string;
  path: string;
  line: number;
  category: string;
  kind: 'TP' | 'NEAR_MISS';
  note: string;
  rule?: string;
  replaces?: string;
  source: 'label' | 'overlay';
  replacesLabel?: boolean;
}
export interface RealFinding {
  set: string;
  repo: string;
  ruleId: string;
  file: string;
  line: number;
  severity: string;
  message: string;
  verdict: 'TP' | 'FP' | 'untriaged';
  onLabel: boolean;
  label?: RealLabel;
}
export interface RealResult {
  set: string;
  findings: RealFinding[];
  truths: Array<{ label: RealLabel; found: boolean }>;
  loc: number;
  nonTestLoc: number;
  heldBack: { total: number; byReason: Record<string, number> };
}
export interface RealSummary {
  set: string;
  tp: number;
  fp: number;
  untriaged: number;
  precision: number | null;
  labeledPrecision: number | null;
  fpPer10kNonTestLoc: number;
  recall: Record<'js' | 'py', { found: number; total: number; recall: number | null }>;
  [key: string]: unknown;
}
export const REAL_CODE_DIR: string;
export const REAL_FLOORS_FILE: string;
export const REAL_SETS: Record<string, { archive: string; labels: string; folder: string }>;
export const CATEGORY_RULES: Record<string, string[]>;
export function realCodeAvailable(): boolean;
export function loadOverrides(dir?: string): RealLabel[];
export function evaluateSet(
  set: string,
  scan: (options: ScanOptions) => Promise<ScanReport>,
  options?: { classify?: (rel: string, text: string) => string; repos?: string[] },
): Promise<RealResult>;
export function summarize(result: RealResult): RealSummary;
export function formatSummary(summary: RealSummary): string;
export function loadRealFloors(): unknown;
export function realFloorViolations(summary: RealSummary, result: RealResult, floors: unknown): string[];
export function realFloorsFrom(summary: RealSummary, result: RealResult): unknown;
