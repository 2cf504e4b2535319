/**
 * Severity of a result: `security-severity` (result, then rule) when it is a score in (0, 10],
 * else the SARIF level (result, then the rule's default, else `warning`).
 */
import type { Severity } from "../findings/finding.js";
import { isRecord } from "./json-guards.js";

export type SarifLevel = "error" | "warning" | "note" | "none";

const LEVEL_SEVERITY: Record<SarifLevel, Severity> = {
  error: "high",
  warning: "medium",
  note: "low",
  none: "note",
};

/** SARIF §3.27.10: a result with no level anywhere is a warning. */
export const DEFAULT_LEVEL: SarifLevel = "warning";

const SCORE_PATTERN = /^\s*\d+(\.\d+)?\s*$/;
const MAX_SCORE = 10;

export function asLevel(value: unknown): SarifLevel | undefined {
  return typeof value === "string" && Object.hasOwn(LEVEL_SEVERITY, value)
    ? (value as SarifLevel)
    : undefined;
}

export function severityFromLevel(level: SarifLevel): Severity {
  return LEVEL_SEVERITY[level];
}

/** A CVSS-like score in (0, 10] from a string or number; "0.0" and junk mean none. */
export function parseSecuritySeverity(value: unknown): number | undefined {
  const score =
    typeof value === "number"
      ? value
      : typeof value === "string" && SCORE_PATTERN.test(value)
        ? Number(value)
        : NaN;
  return Number.isFinite(score) && score > 0 && score <= MAX_SCORE ? score : undefined;
}

export function severityFromScore(score: number): Severity {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  return "low";
}

/** The `security-severity` score of a property bag, if it holds a usable one. */
export function securitySeverityOf(properties: unknown): number | undefined {
  return isRecord(properties) ? parseSecuritySeverity(properties["security-severity"]) : undefined;
}

export interface SeverityInputs {
  resultProperties: unknown;
  ruleProperties: unknown;
  resultLevel: SarifLevel | undefined;
  ruleDefaultLevel: SarifLevel | undefined;
}

export function resultSeverity(inputs: SeverityInputs): Severity {
  const score =
    securitySeverityOf(inputs.resultProperties) ?? securitySeverityOf(inputs.ruleProperties);
  if (score !== undefined) return severityFromScore(score);
  return severityFromLevel(inputs.resultLevel ?? inputs.ruleDefaultLevel ?? DEFAULT_LEVEL);
}
