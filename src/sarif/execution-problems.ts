import type { Invocation, Location, Notification, Run } from "sarif";
import type { Note } from "../findings/finding.js";
import { asString, isRecord, records } from "./json-guards.js";
import { MAX_SHORT_TEXT_LENGTH, truncateText } from "./truncate-text.js";

/** The summary names the first few; the count says how many there were. */
const MAX_MESSAGES = 3;
const MAX_MESSAGE_CHARS = 200;

/**
 * A scanner that reports it failed is not a clean result (design: "Scanner failures are
 * visible"). A run says so with `invocations[].executionSuccessful: false`, with notifications of
 * level `error` (ESLint's SARIF formatter puts each file it could not parse into
 * `toolConfigurationNotifications`, Semgrep into `toolExecutionNotifications`), or by carrying
 * no `results` at all, which SARIF reserves for "the tool did not produce results" (an empty
 * array means nothing was found). One note per such run, naming the tool.
 */
export function executionProblems(runs: unknown, source: string): Note[] {
  const notes: Note[] = [];
  for (const run of records(Array.isArray(runs) ? (runs as Run[]) : [])) {
    const tool = truncateText(asString(run.tool?.driver?.name) ?? "unknown", MAX_SHORT_TEXT_LENGTH);
    const invocations = records<Invocation>(run.invocations);
    const failed = invocations.some((i) => i.executionSuccessful === false);
    const errors = invocations.flatMap((i) => [
      ...records<Notification>(i.toolExecutionNotifications).filter(isError),
      ...records<Notification>(i.toolConfigurationNotifications).filter(isError),
    ]);
    const noResults = !Array.isArray(run.results);
    if (!failed && errors.length === 0 && !noResults) continue;
    notes.push({
      level: "error",
      source,
      message: describe(tool, failed, errors, noResults),
      incompleteTool: tool,
    });
  }
  return notes;
}

/** A notification's level defaults to `warning` (SARIF §3.58.6). */
function isError(notification: Notification): boolean {
  return notification.level === "error";
}

function describe(
  tool: string,
  failed: boolean,
  errors: Notification[],
  noResults: boolean,
): string {
  const said = failed
    ? `${tool} reported that it did not complete (executionSuccessful: false)`
    : noResults
      ? `${tool} wrote no results list (SARIF's sign that it did not run to the end)`
      : `${tool} reported errors while it ran`;
  if (errors.length === 0) return `${said}, so some files may not have been analysed.`;
  const files = new Set(errors.map(fileOf).filter((f) => f !== undefined)).size;
  const where = files > 0 ? ` in ${files} ${files === 1 ? "file" : "files"}` : "";
  const first = errors.slice(0, MAX_MESSAGES).map((n) => quote(n));
  const rest = errors.length - first.length;
  const more = rest > 0 ? `; and ${rest} more` : "";
  const counted = `${errors.length} ${errors.length === 1 ? "error" : "errors"}${where}`;
  return `${said}, so some files were not analysed: ${counted}: ${first.join("; ")}${more}.`;
}

function quote(notification: Notification): string {
  const text = truncateText(
    asString(notification.message?.text) ?? "(no message)",
    MAX_MESSAGE_CHARS,
  );
  const file = fileOf(notification);
  return file === undefined
    ? `“${text}”`
    : `“${text}” (${truncateText(file.replace(/^file:\/\/\/?/, "/"), MAX_MESSAGE_CHARS)})`;
}

function fileOf(notification: Notification): string | undefined {
  const location = records<Location>(notification.locations)[0];
  const physical = location?.physicalLocation;
  const artifact = isRecord(physical) ? physical.artifactLocation : undefined;
  return isRecord(artifact) ? asString(artifact.uri) : undefined;
}
