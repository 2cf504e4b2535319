/**
 * A validated SARIF log → RawFinding[] (design.md "Findings"), with notes for what the user
 * should know: results that were capped, dropped, or read with a doubtful location.
 */
import type { Run, ToolComponent } from "sarif";
import type { ToolInfo } from "../findings/finding.js";
import { pathContext } from "./artifact-path.js";
import { asString, isRecord, records } from "./json-guards.js";
import type { RunContext } from "./normalise-result.js";
import { createNormaliser, type NormalisedSarif } from "./normaliser.js";
import { indexRules } from "./rule-lookup.js";
import type { SarifLog } from "./sarif-log.js";
import { MAX_SHORT_TEXT_LENGTH, truncateText } from "./truncate-text.js";

export { MAX_RESULTS_PER_FILE } from "./normaliser.js";
export type { NormalisedSarif } from "./normaliser.js";

export const UNKNOWN_TOOL = "unknown";

export interface NormaliseOptions {
  /** The file the log came from (artifact and entry name), for notes. */
  source: string;
}

function toolInfo(driver: ToolComponent | undefined): ToolInfo {
  const name = asString(driver?.name);
  const version = asString(driver?.version) ?? asString(driver?.semanticVersion);
  return {
    name:
      name === undefined || name === "" ? UNKNOWN_TOOL : truncateText(name, MAX_SHORT_TEXT_LENGTH),
    ...(version === undefined ? {} : { version: truncateText(version, MAX_SHORT_TEXT_LENGTH) }),
  };
}

/** What every result of `run` is read against: its tool, rules and path bases. */
export function runContext(run: Run): RunContext {
  const rules = indexRules(run);
  return {
    run,
    tool: toolInfo(rules.driver),
    rules,
    paths: pathContext(run),
    ruleInfos: new Map(),
    vulnerabilityIds: new Map(),
  };
}

export function normaliseSarif(log: SarifLog, options: NormaliseOptions): NormalisedSarif {
  const normaliser = createNormaliser(options.source);
  const runs: unknown = isRecord(log) ? log.runs : undefined;
  for (const run of records(runs as Run[] | undefined)) {
    const context = runContext(run);
    for (const result of records(run.results)) normaliser.add(context, result);
  }
  return normaliser.finish();
}
