/**
 * A validated SARIF log → RawFinding[] (design.md "Findings"), with notes for what the user
 * should know: results that were capped, dropped, or read with a doubtful location.
 */
import type { Run, ToolComponent } from "sarif";
import type { Note, RawFinding, ToolInfo } from "../findings/finding.js";
import { pathContext } from "./artifact-path.js";
import { dedupeFindings } from "./dedupe-findings.js";
import { asString, isRecord, records } from "./json-guards.js";
import { normaliseResult, type RunContext } from "./normalise-result.js";
import { tallyIssues, type ResultIssue } from "./result-issue.js";
import { indexRules } from "./rule-lookup.js";
import type { SarifLog } from "./sarif-log.js";
import { MAX_SHORT_TEXT_LENGTH, truncateText } from "./truncate-text.js";

/** The largest real files hold a few thousand results; beyond this a file is noise or an attack. */
export const MAX_RESULTS_PER_FILE = 100_000;

export const UNKNOWN_TOOL = "unknown";

export interface NormaliseOptions {
  /** The file the log came from (artifact and entry name), for notes. */
  source: string;
}

export interface NormalisedSarif {
  findings: RawFinding[];
  notes: Note[];
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

function runContext(run: Run): RunContext {
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
  const findings: RawFinding[] = [];
  const issues: ResultIssue[] = [];
  let seen = 0;
  const runs: unknown = isRecord(log) ? log.runs : undefined;
  for (const run of records(runs as Run[] | undefined)) {
    const context = runContext(run);
    for (const result of records(run.results)) {
      seen += 1;
      if (seen > MAX_RESULTS_PER_FILE) continue;
      const reading = normaliseResult(context, result);
      if (reading.kind === "finding") findings.push(reading.finding);
      if (reading.kind !== "skipped" && reading.issue !== undefined) issues.push(reading.issue);
    }
  }
  const notes = tallyIssues(issues, options.source);
  if (seen > MAX_RESULTS_PER_FILE) {
    notes.unshift({
      level: "warning",
      source: options.source,
      message: `${seen} results; only the first ${MAX_RESULTS_PER_FILE} were read`,
    });
  }
  return { findings: dedupeFindings(findings), notes };
}
