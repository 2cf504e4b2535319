/**
 * `--format sarif`: the input SARIF with Guardrail's verdict on each result, for GitHub code
 * scanning or any SARIF viewer. Still valid SARIF 2.1.0: only standard properties are added.
 * - `partialFingerprints["guardrail/v1"]`: the finding's fingerprint (the tool's are kept);
 * - `baselineState`: `new` or `unchanged`, as the gate saw it;
 * - `suppressions`: an `external`, `accepted` one when the store, the suppressions file or the
 *   config suppressed it (a suppression the SARIF already had stays as it was).
 */
import type { Log, Result, Run, Suppression as SarifSuppression } from "sarif";
import type { SarifLog } from "../sarif/sarif-log.js";
import type { SuppressedBy, TriagedFinding } from "../triage/disposition.js";
import type { ResultVerdicts } from "./result-verdicts.js";

export const GUARDRAIL_FINGERPRINT_KEY = "guardrail/v1";
const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

export interface EnrichInput {
  log: SarifLog;
  verdicts: ResultVerdicts;
}

/** One log holding every input's runs, in order. */
export function enrichSarif(inputs: readonly EnrichInput[]): Log {
  const runs: Run[] = inputs.flatMap(({ log, verdicts }) =>
    (Array.isArray(log.runs) ? log.runs : []).map((run, runIndex) => ({
      ...run,
      ...(Array.isArray(run.results)
        ? { results: run.results.map((result, i) => enrichResult(result, verdicts[runIndex]?.[i])) }
        : {}),
    })),
  );
  return { $schema: SARIF_SCHEMA_URI, version: "2.1.0", runs };
}

export function enrichResult(result: Result, verdict: TriagedFinding | undefined): Result {
  if (verdict === undefined) return result;
  const partial = isRecord(result.partialFingerprints) ? result.partialFingerprints : {};
  const enriched: Result = {
    ...result,
    partialFingerprints: { ...partial, [GUARDRAIL_FINGERPRINT_KEY]: verdict.finding.fingerprint },
    baselineState: verdict.isNew ? "new" : "unchanged",
  };
  const by = verdict.suppressedBy;
  if (by !== null && by.kind !== "sarif") {
    const existing = Array.isArray(result.suppressions) ? result.suppressions : [];
    enriched.suppressions = [...existing, externalSuppression(by)];
  }
  return enriched;
}

function externalSuppression(by: Exclude<SuppressedBy, { kind: "sarif" }>): SarifSuppression {
  if (by.kind === "config") {
    return {
      kind: "external",
      status: "accepted",
      justification: `Guardrail config ${by.key}: ${by.pattern}`,
    };
  }
  const s = by.suppression;
  const until = s.expiresAt === null ? "" : ` (until ${s.expiresAt.toISOString().slice(0, 10)})`;
  return {
    kind: "external",
    status: "accepted",
    justification: `${s.reason} by ${s.author}${until}: ${s.justification}`,
  };
}

function isRecord(value: unknown): value is Record<string, string> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
