import type { Location } from "../findings/finding.js";
import { safeInline } from "./sanitize.js";

/**
 * Steps a comment shows of a code flow (of the up to MAX_READ_FLOW_STEPS kept when reading):
 * enough to follow a source-to-sink path; longer traces are summarised by their count.
 */
export const MAX_SHOWN_FLOW_STEPS = 20;
const MAX_STEP_PATH_CHARS = 300;
const MAX_STEP_MESSAGE_CHARS = 300;

/**
 * The first code flow as a collapsed, numbered list of `path:line — message` steps, or "" when
 * the finding has none. Every step is one sanitised line, so the `<details>` always closes.
 */
export function renderCodeFlow(codeFlows: Location[][]): string {
  const steps = codeFlows.find((flow) => flow.length > 0) ?? [];
  if (steps.length === 0) return "";
  const lines = steps
    .slice(0, MAX_SHOWN_FLOW_STEPS)
    .map((step, index) => `${index + 1}. ${stepText(step)}`);
  if (steps.length > MAX_SHOWN_FLOW_STEPS) {
    lines.push(`\n_…and ${steps.length - MAX_SHOWN_FLOW_STEPS} more steps._`);
  }
  const title = `Data flow (${steps.length} ${steps.length === 1 ? "step" : "steps"})`;
  return `<details>\n<summary>${title}</summary>\n\n${lines.join("\n")}\n\n</details>`;
}

function stepText(step: Location): string {
  const where = step.region === undefined ? step.path : `${step.path}:${step.region.startLine}`;
  const place = safeInline(where, MAX_STEP_PATH_CHARS);
  const message = safeInline(step.message ?? "", MAX_STEP_MESSAGE_CHARS);
  return message === "" ? place : `${place} — ${message}`;
}
