/**
 * The SARIF form of exported suppressions: one `informational` result per suppression (so no tool
 * reads it as a finding) carrying an `external`, `accepted` SARIF suppression keyed by the
 * finding's fingerprint (`partialFingerprints["guardrail/v1"]`). The full record rides in the
 * suppression's property bag so the CLI reads it back losslessly. An enriched log from
 * `check --format sarif` reads back too: each externally suppressed result becomes a finding-scope
 * suppression.
 */
import type { Log, Result } from "sarif";
import type { SarifLog } from "../sarif/sarif-log.js";
import type { Suppression } from "../store/suppression.js";
import { GUARDRAIL_FINGERPRINT_KEY } from "./render-sarif.js";
import {
  fromEntry,
  suppressionEntrySchema,
  toEntry,
  type SuppressionEntry,
} from "./suppression-entry.js";

const PROPERTY = "guardrail";
const REPO_PROPERTY = "guardrail/repo";

export function suppressionsToSarif(
  suppressions: readonly Suppression[],
  meta: { repo: string; now: Date; version: string },
): Log {
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "Guardrail", version: meta.version } },
        properties: { [REPO_PROPERTY]: meta.repo, "guardrail/exported": meta.now.toISOString() },
        results: suppressions.map(toResult),
      },
    ],
  };
}

function toResult(s: Suppression): Result {
  return {
    ...(s.scope.kind === "finding" ? {} : { ruleId: s.scope.ruleId }),
    kind: "informational",
    level: "none",
    message: { text: `${s.reason} by ${s.author}: ${s.justification}` },
    ...(s.scope.kind === "finding"
      ? { partialFingerprints: { [GUARDRAIL_FINGERPRINT_KEY]: s.scope.fingerprint } }
      : {}),
    suppressions: [
      {
        kind: "external",
        // A request is under review and a denial rejected: neither suppresses the result.
        status:
          s.status === "requested"
            ? "underReview"
            : s.status === "denied"
              ? "rejected"
              : "accepted",
        justification: s.justification,
        properties: { [PROPERTY]: toEntry(s) },
      },
    ],
  };
}

export function suppressionsFromSarif(log: SarifLog, file: string): Suppression[] {
  const out: Suppression[] = [];
  for (const run of Array.isArray(log.runs) ? log.runs : []) {
    const repoProperty: unknown = run.properties?.[REPO_PROPERTY];
    const repo = typeof repoProperty === "string" ? repoProperty.toLowerCase() : "";
    for (const result of Array.isArray(run.results) ? run.results : []) {
      const entry = entryOf(result);
      if (entry !== undefined)
        out.push(fromEntry(entry, { repo, fallbackId: out.length + 1, file }));
    }
  }
  return out;
}

/** The suppression a result stands for, if it is suppressed as SARIF defines it. */
function entryOf(result: Result): SuppressionEntry | undefined {
  const suppressions = Array.isArray(result.suppressions) ? result.suppressions : [];
  if (suppressions.some((s) => s.status === "underReview" || s.status === "rejected"))
    return undefined;
  const accepted = suppressions.find(
    (s) => s.kind === "external" && (s.status ?? "accepted") === "accepted",
  );
  if (accepted === undefined) return undefined;
  const recorded = suppressionEntrySchema.safeParse(accepted.properties?.[PROPERTY]);
  if (recorded.success) return recorded.data;
  const fingerprint: unknown = result.partialFingerprints?.[GUARDRAIL_FINGERPRINT_KEY];
  if (typeof fingerprint !== "string" || fingerprint === "") return undefined;
  return {
    scope: "finding",
    fingerprint,
    reason: "other",
    justification: accepted.justification ?? "suppressed in a SARIF file",
    author: "sarif",
  };
}
