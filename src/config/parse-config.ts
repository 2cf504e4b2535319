import { guardrailConfigSchema, type GuardrailConfig } from "./schema.js";
import { describeIssue } from "./describe-issue.js";

export type ParseConfigResult =
  { ok: true; config: GuardrailConfig } | { ok: false; error: string };

/** A config with many mistakes still yields a short message; fixing these reveals the rest. */
const MAX_REPORTED_PROBLEMS = 5;

/** Validates a parsed `.github/guardrail.yml`; null/undefined (no file, empty file) means defaults. */
export function parseConfig(raw: unknown): ParseConfigResult {
  const input = raw ?? {};
  if (typeof input !== "object" || Array.isArray(input)) {
    return { ok: false, error: "(top level): expected a mapping of keys, got a " + kindOf(input) };
  }
  const result = guardrailConfigSchema.safeParse(input);
  if (result.success) {
    // `_extends` was for the loader; the rest of the app never needs it.
    const config = { ...result.data };
    delete config._extends;
    return { ok: true, config };
  }
  const lines = result.error.issues.flatMap((issue) => describeIssue(issue, input).split("\n"));
  const shown = lines.slice(0, MAX_REPORTED_PROBLEMS);
  if (lines.length > shown.length) shown.push(`…and ${lines.length - shown.length} more`);
  return { ok: false, error: shown.join("\n") };
}

function kindOf(value: unknown): string {
  return Array.isArray(value) ? "list" : typeof value;
}
