/**
 * Which triaged finding each SARIF result became, by position (run index, result index), so the
 * enriched SARIF can carry the verdict on the very result it came from. normaliseSarif drops
 * some results and merges others, so each result is read again on its own and matched on what
 * merging keys on: tool, rule, path and lines.
 */
import type { Result } from "sarif";
import type { RawFinding } from "../findings/finding.js";
import type { SarifLog } from "../sarif/sarif-log.js";
import type { TriagedFinding } from "../triage/disposition.js";

/** `[runIndex][resultIndex]`; undefined for a result that is no finding (a `pass`, a dropped path). */
export type ResultVerdicts = (TriagedFinding | undefined)[][];

export function findingKey(finding: RawFinding): string {
  const { path, region } = finding.location;
  const lines = region === undefined ? "file" : `${region.startLine}-${region.endLine}`;
  return JSON.stringify([finding.tool.name, finding.rule.id, path, lines]);
}

export function resultVerdicts(
  log: SarifLog,
  triaged: readonly TriagedFinding[],
  reread: (log: SarifLog) => RawFinding[],
): ResultVerdicts {
  const byKey = new Map(triaged.map((t) => [findingKey(t.finding), t]));
  const runs = Array.isArray(log.runs) ? log.runs : [];
  return runs.map((run) => {
    const results: unknown[] = Array.isArray(run.results) ? run.results : [];
    return results.map((result) => {
      if (typeof result !== "object" || result === null) return undefined;
      const alone: SarifLog = { ...log, runs: [{ ...run, results: [result as Result] }] };
      const [finding] = reread(alone);
      return finding === undefined ? undefined : byKey.get(findingKey(finding));
    });
  });
}
