// Types of scripts/eval-lib.mjs, for test/eval/eval.test.ts.
import type { ScanOptions, ScanReport } from '../src/index.js';

export interface Label {
  ruleId: string;
  file: string;
  line: number;
  /** Text on the labeled line, so a label that drifts from its code fails the labels check. */
  at: string;
  why?: string;
}
export interface ProjectLabels {
  description: string;
  framework: string;
  transport: string;
  /** Labels written before the tool was first run on the project. */
  blind: boolean;
  /** Labeling round (projects of one round were written and labeled together, then run). */
  batch: number;
  /** Labels changed after a run, with the reason. */
  revisions?: string[];
  expected: Label[];
  nearMisses: Label[];
}
export interface Labels {
  projects: Record<string, ProjectLabels>;
}
export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  fpPer10kLoc: number;
}
export interface EvalFinding {
  ruleId: string;
  file: string;
  line: number;
  message: string;
  nearMiss?: string;
}
export interface EvalResults {
  loc: number;
  projects: number;
  total: Score;
  rules: Record<string, Score & { category: string }>;
  categories: Record<string, Score>;
  /** Findings and labels in Python files alone. */
  languages: { python: Score };
  details: Array<{ name: string; blind: boolean; loc: number; tp: EvalFinding[]; fp: EvalFinding[]; fn: Label[] }>;
}
export type Floors = Record<'rules' | 'categories', Record<string, { precision: number | null; recall: number | null }>> & {
  languages?: Record<string, { precision: number | null; recall: number | null }>;
};

export const EVAL_DIR: string;
export const PROJECTS_DIR: string;
export const RULE_CATEGORIES: Record<string, string>;
export const CATEGORIES: string[];
export const SCORED_SEVERITIES: Set<string>;
export function loadLabels(file?: string): Labels;
export function loadFloors(file?: string): Floors;
export function projectFiles(dir: string): string[];
export function linesOfCode(text: string): number;
export function checkLabels(labels: Labels, ruleIds: string[]): string[];
export function evaluate(scan: (options: ScanOptions) => Promise<ScanReport>, labels?: Labels): Promise<EvalResults>;
export function floorViolations(results: EvalResults, floors: Floors): string[];
export function floorsFrom(results: EvalResults): Floors;
export function formatTable(results: EvalResults): string;
