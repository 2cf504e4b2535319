/**
 * Which SARIF results are findings (design.md "Findings"): `fail` (the default), and `open` /
 * `review`, which are notes unless the result states a level. `pass`, `notApplicable` and
 * `informational` are not findings; neither is a result whose `baselineState` is `absent`.
 */
import type { Severity } from "../findings/finding.js";
import { asString } from "./json-guards.js";
import { resultSeverity, type SeverityInputs } from "./severity.js";

const NOT_FINDINGS = new Set(["pass", "notApplicable", "informational"]);
const NEEDS_ATTENTION = new Set(["open", "review"]);

export interface KindInputs extends SeverityInputs {
  kind: unknown;
  baselineState: unknown;
}

/** The finding's severity, or null when the result is not a finding. */
export function findingSeverity(inputs: KindInputs): Severity | null {
  const kind = asString(inputs.kind) ?? "fail";
  if (NOT_FINDINGS.has(kind) || asString(inputs.baselineState) === "absent") return null;
  if (NEEDS_ATTENTION.has(kind) && inputs.resultLevel === undefined) return "note";
  return resultSeverity(inputs);
}
