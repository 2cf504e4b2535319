/**
 * The check summary's "Policy" section (design.md "Policy as code"): per rule that decided a
 * finding, how many and which verdict, so an author sees why something blocks, and which rules
 * could not be evaluated. Rule names come from repository or organisation config: escaped.
 */
import type { PolicyReport } from "../policy/apply-policy.js";
import { andMore, fitTable, headed, type Section } from "./fit-lines.js";
import { safeInline } from "./sanitize.js";

const VERDICT_LABEL = {
  block: "❌ block",
  warn: "⚠️ warn",
  ignore: "➖ ignore",
  pass: "pass",
} as const;
/** Rules are a handful; errors repeat per finding, so only the first few are spelled out. */
const MAX_ERROR_LINES = 5;
const MAX_NAME_CHARS = 100;

export function policySection(report: PolicyReport | undefined): Section {
  return (maxBytes) => {
    if (report === undefined || (report.rules.length === 0 && report.errors.length === 0))
      return "";
    const rows = report.rules.map((tally) => [
      `\`${safeInline(tally.rule, MAX_NAME_CHARS).replace(/`/g, "'")}\``,
      tally.source === "organisation" ? "organisation (enforced)" : "repository",
      VERDICT_LABEL[tally.verdict],
      String(tally.count),
    ]);
    const errors = report.errors
      .slice(0, MAX_ERROR_LINES)
      .map(
        (e) =>
          `- Rule \`${safeInline(e.rule, MAX_NAME_CHARS).replace(/`/g, "'")}\` could not be evaluated on ` +
          `${safeInline(e.findingId, 20)} (${safeInline(e.message, 200)}): counted as block.`,
      );
    if (report.errors.length > errors.length)
      errors.push(`- …and ${report.errors.length - errors.length} more.`);
    return headed("### Policy\n\n", maxBytes, (budget) => {
      const tail = errors.length === 0 ? "" : `\n\n${errors.join("\n")}`;
      const table = fitTable({
        header: ["Rule", "Set by", "Verdict", "Findings"],
        rows,
        maxBytes: budget - Buffer.byteLength(tail),
        more: andMore(""),
      });
      return table === null ? null : `${table}${tail}`;
    });
  };
}
