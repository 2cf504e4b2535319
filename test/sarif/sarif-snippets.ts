/** Inline SARIF for unit tests: one run, one rule, results given as plain objects. */
import type { Log } from "sarif";
import { normaliseSarif } from "../../src/sarif/normalise.js";
import { readSarif } from "../../src/sarif/read-sarif.js";
import type { RawFinding } from "../../src/findings/finding.js";

export type Json = Record<string, unknown>;

export const AT_LINE_3 = {
  physicalLocation: { artifactLocation: { uri: "src/app.js" }, region: { startLine: 3 } },
};

export function result(overrides: Json = {}): Json {
  return { ruleId: "R1", message: { text: "found it" }, locations: [AT_LINE_3], ...overrides };
}

export function logOf(results: Json[], run: Json = {}): Log {
  return {
    version: "2.1.0",
    runs: [{ tool: { driver: { name: "Scanner", rules: [{ id: "R1" }] } }, results, ...run }],
  } as unknown as Log;
}

export function normalise(log: Log): ReturnType<typeof normaliseSarif> {
  return normaliseSarif(log, { source: "test.sarif" });
}

/** The findings of a one-result log, through readSarif so the snippet is validated too. */
export function findingsOf(results: Json[], run: Json = {}): RawFinding[] {
  const read = readSarif(JSON.stringify(logOf(results, run)), "test.sarif");
  if (!read.ok) throw new Error(read.notes.map((note) => note.message).join("; "));
  return normalise(read.log).findings;
}

export function onlyFinding(results: Json[], run: Json = {}): RawFinding {
  const findings = findingsOf(results, run);
  if (findings.length !== 1) throw new Error(`expected one finding, got ${findings.length}`);
  return findings[0]!;
}
