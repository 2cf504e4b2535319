import type { Note } from "../findings/finding.js";
import type { GateResult } from "./disposition.js";

/**
 * A scanner that did not analyse every file cannot vouch for a clean result: the check is at
 * least `neutral`, with the tools named in the reason (design: "Scanner failures are visible").
 * A failure stays a failure; its reason says the scan was incomplete too.
 */
export function withIncompleteScans(gate: GateResult, notes: readonly Note[]): GateResult {
  const tools = [
    ...new Set(notes.flatMap((n) => (n.incompleteTool === undefined ? [] : [n.incompleteTool]))),
  ];
  if (tools.length === 0) return gate;
  const clause = `${listOf(tools)} did not analyse every file (see Problems)`;
  if (gate.conclusion === "success") {
    return { conclusion: "neutral", reason: `${clause}, so a clean result is not assured` };
  }
  return { ...gate, reason: `${gate.reason}; ${clause}` };
}

function listOf(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}`;
}
