import type { Finding, Severity } from "../findings/finding.js";
import type { TriagedFinding } from "../triage/disposition.js";
import type { AnnotationLine } from "./annotation-line.js";
import { plainText, safeUrl, truncate, truncateBytes } from "./sanitize.js";

/** GitHub's limits for a check run annotation. */
const MAX_TITLE_CHARS = 255;
const MAX_MESSAGE_BYTES = 64 * 1024 - 1;
const MAX_RAW_DETAILS_BYTES = 64 * 1024 - 1;
/** Reading further than this into untrusted text cannot add to what the byte caps allow. */
const MAX_TEXT_CHARS = 64 * 1024;
const MAX_RULE_ID_CHARS = 200;

export type AnnotationLevel = "failure" | "warning" | "notice";

export interface CheckAnnotation extends AnnotationLine {
  path: string;
  annotation_level: AnnotationLevel;
  title: string;
  message: string;
  raw_details?: string;
}

const LEVELS: Record<Severity, AnnotationLevel> = {
  critical: "failure",
  high: "failure",
  medium: "warning",
  low: "notice",
  note: "notice",
};

/** `title` reads `<severity> · <ruleId> · GR-xxxxxxxx`; message and details are plain text. */
export function renderAnnotation(t: TriagedFinding, lines: AnnotationLine): CheckAnnotation {
  const { finding } = t;
  const ruleId = plainText(finding.rule.id.replace(/\s+/g, " "), MAX_RULE_ID_CHARS);
  const message = plainText(linksAsText(finding.message), MAX_TEXT_CHARS).trim();
  const annotation: CheckAnnotation = {
    path: finding.location.path,
    start_line: lines.start_line,
    end_line: lines.end_line,
    annotation_level: LEVELS[finding.severity],
    title: truncate(`${finding.severity} · ${ruleId} · ${finding.id}`, MAX_TITLE_CHARS),
    message: truncateBytes(message === "" ? "(no message)" : message, MAX_MESSAGE_BYTES),
  };
  // GitHub 422s columns on an annotation that spans several lines.
  if (lines.start_line === lines.end_line && lines.start_column !== undefined) {
    annotation.start_column = lines.start_column;
    if (lines.end_column !== undefined) annotation.end_column = lines.end_column;
  }
  const details = rawDetails(finding);
  if (details !== "") annotation.raw_details = details;
  return annotation;
}

function rawDetails(finding: Finding): string {
  const { helpText, helpMarkdown, helpUri } = finding.rule;
  const help = plainText(helpText ?? linksAsText(helpMarkdown ?? ""), MAX_TEXT_CHARS).trim();
  const link = safeUrl(helpUri);
  const text = [help, link === undefined ? "" : `More: ${link}`].filter((part) => part !== "");
  return truncateBytes(text.join("\n\n"), MAX_RAW_DETAILS_BYTES);
}

/** Annotations are plain text, where `[a value](1)` is noise: keep the words. */
function linksAsText(markdown: string): string {
  return markdown.replace(/!?\[([^\[\]\n]{0,500})\]\([^()\n]{0,2048}\)/g, "$1");
}
