/**
 * The organisation's `enforce:` on top of a repository's config: its gate is kept beside the
 * repository's (each finding takes the stricter verdict, src/policy/verdict.ts), its required
 * tools add to the repository's, its suppression settings are minimums. Nothing the repository
 * writes — `_extends` included — reaches this: the enforced part is read from the organisation's
 * own file.
 */
import type { GuardrailConfig } from "./schema.js";
import { isRecord } from "../sarif/json-guards.js";
import { mergeMinimums } from "./minimums.js";

export type EnforceConfig = NonNullable<GuardrailConfig["enforce"]>;

export function applyEnforce(
  config: GuardrailConfig,
  enforce: EnforceConfig | undefined,
  /** `enforce` as written, so that only the suppression keys the organisation set are minimums. */
  enforceRaw: unknown,
): GuardrailConfig {
  const rest = { ...config };
  delete rest.enforce;
  if (enforce === undefined) return rest;
  const rawSuppressions = isRecord(enforceRaw) ? enforceRaw["suppressions"] : undefined;
  return {
    ...rest,
    enforce,
    required_tools: union(config.required_tools, enforce.required_tools ?? []),
    suppressions:
      enforce.suppressions === undefined
        ? config.suppressions
        : mergeMinimums(config.suppressions, enforce.suppressions, rawSuppressions),
  };
}

/** Tool names compare case-insensitively (as SARIF tool.driver.name is matched). */
function union(own: readonly string[], enforced: readonly string[]): string[] {
  const seen = new Set(own.map((name) => name.toLowerCase()));
  return [...own, ...enforced.filter((name) => !seen.has(name.toLowerCase()))];
}
