/**
 * `required_tools` (design.md "Required tools"): which listed scanners an analysis of the pull
 * request head has seen, and what the `Guardrail · required scanners` check says about it.
 */

export const REQUIRED_SCANNERS_CHECK = "Guardrail · required scanners";

/** `Semgrep` matches `Semgrep OSS`; case never matters (scanners vary it between versions). */
export function toolMatches(required: string, driverName: string): boolean {
  const want = required.trim().toLowerCase();
  const have = driverName.trim().toLowerCase();
  return have === want || have.startsWith(`${want} `);
}

export function missingTools(required: readonly string[], seen: readonly string[]): string[] {
  return required.filter((tool) => !seen.some((name) => toolMatches(tool, name)));
}

export type RequiredToolsState =
  | { status: "in_progress"; title: string; summary: string }
  | { status: "completed"; conclusion: "success" | "failure"; title: string; summary: string };

export interface RequiredToolsInput {
  required: readonly string[];
  seen: readonly string[];
  /** Every workflow run of the head has completed: nothing else will report. */
  allRunsCompleted: boolean;
  timedOut: boolean;
  /** Files under .github/workflows/ the pull request deletes or edits. */
  workflowChanges: readonly string[];
  /** `30m`, or the deadline it gave; shown in the summary. */
  timeout: string;
}

export function requiredToolsState(input: RequiredToolsInput): RequiredToolsState {
  const missing = missingTools(input.required, input.seen);
  const reported = input.required.filter((tool) => !missing.includes(tool));
  const reportedLine =
    reported.length === 0 ? "" : `\n\nReported: ${reported.map(code).join(", ")}.`;
  if (missing.length === 0) {
    return {
      status: "completed",
      conclusion: "success",
      title: `All ${input.required.length} required scanners reported`,
      summary: `✅ Every required scanner reported on this commit.${reportedLine}`,
    };
  }
  if (!input.allRunsCompleted && !input.timedOut) {
    return {
      status: "in_progress",
      title: `Waiting for ${missing.length} of ${input.required.length} required scanners`,
      summary: `waiting for: ${missing.map(code).join(", ")}${reportedLine}\n\nFails at the timeout (${input.timeout}), or once every workflow run of this commit has completed without them.`,
    };
  }
  const why = input.timedOut
    ? `they had not reported within required_tools_timeout (${input.timeout})`
    : "every workflow run of this commit has completed without them";
  const lines = [
    `❌ Missing required scanner${missing.length === 1 ? "" : "s"}: ${missing.map(code).join(", ")} — ${why}.`,
    ...missing.map((tool) => `- ${code(tool)} did not report on this commit`),
  ];
  if (input.workflowChanges.length > 0) {
    lines.push(
      "",
      `⚠️ This pull request deletes or edits workflow files: ${input.workflowChanges.slice(0, 20).map(code).join(", ")}. ` +
        "A scan that was removed or disabled there does not report.",
    );
  }
  return {
    status: "completed",
    conclusion: "failure",
    title: `Missing: ${missing.join(", ")}`.slice(0, 200),
    summary: `${lines.join("\n")}${reportedLine}`,
  };
}

/** Tool names and paths are config and PR content: shown as inline code, never as markdown. */
function code(text: string): string {
  return `\`${text.replace(/[`\r\n]/g, "'").slice(0, 200)}\``;
}
