/**
 * Which schema violations stop a file from being read. Real scanners emit harmless ones
 * (KICS: duplicate `taxa`; gosec: `artifactChanges: null`): those are warnings and the findings
 * still count. Only a log whose runs or results cannot be walked is refused.
 */
import type { SchemaViolation } from "./schema-validator.js";

/** How many violations a note lists before summarising the rest as a count. */
export const MAX_LISTED_VIOLATIONS = 5;

const FATAL_TYPE_POINTERS = [
  /^$/, // the log is not an object
  /^\/runs$/,
  /^\/runs\/\d+$/,
  /^\/runs\/\d+\/results$/,
  /^\/runs\/\d+\/results\/\d+$/,
];

export function isFatalViolation(violation: SchemaViolation): boolean {
  if (violation.keyword === "type") {
    return FATAL_TYPE_POINTERS.some((pattern) => pattern.test(violation.pointer));
  }
  return (
    violation.pointer === "" &&
    violation.keyword === "required" &&
    violation.missingProperty === "runs"
  );
}

/** "/runs/0/results: must be array; … (and 3 more)"; "more" is open-ended when not complete. */
export function describeViolations(
  violations: readonly SchemaViolation[],
  complete: boolean = true,
): string {
  const listed = violations
    .slice(0, MAX_LISTED_VIOLATIONS)
    .map(
      (violation) => `${violation.pointer === "" ? "/" : violation.pointer}: ${violation.message}`,
    );
  const rest = violations.length - listed.length;
  const more = complete ? `${rest}` : `at least ${rest}`;
  return rest > 0 || !complete ? `${listed.join("; ")} (and ${more} more)` : listed.join("; ");
}
