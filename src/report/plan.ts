import type { DiffMap } from "../diff/diff-map.js";
import { commentRange } from "../diff/locate.js";
import { severityRank } from "../findings/finding.js";
import type { TriagedFinding } from "../triage/disposition.js";

export { annotationLine, type AnnotationLine } from "./annotation-line.js";

export interface ReportConfig {
  commentOn: "added" | "diff_context" | "none";
  maxInlineComments: number;
  annotate: "changed-files" | "all" | "none";
  maxAnnotations: number;
}

export interface PlanInput {
  triaged: readonly TriagedFinding[];
  config: ReportConfig;
  diff: DiffMap;
  /** Fingerprints that already have a Guardrail comment on this pull request. */
  alreadyCommented: ReadonlySet<string>;
}

/** One inline comment: every new finding that starts on this file and line, most severe first. */
export interface PlannedComment {
  findings: TriagedFinding[];
  /** The first (most severe) of `findings`; the comment's lines are its lines. */
  triaged: TriagedFinding;
  path: string;
  line: number;
  startLine?: number;
}

export type OmittedWhy = "inline-cap" | "annotation-cap" | "outside-diff" | "annotate-none";

export interface OmittedFinding {
  triaged: TriagedFinding;
  why: OmittedWhy;
}

export interface ReportPlan {
  /** New inline comments, most severe first, at most `maxInlineComments` (comments, not findings). */
  comments: PlannedComment[];
  /** Most severe first, at most `maxAnnotations`. */
  annotations: TriagedFinding[];
  /** Already commented on the PR: neither commented again nor annotated. */
  existingComments: TriagedFinding[];
  /** Reportable but shown nowhere; the summary names them and why. */
  omitted: OmittedFinding[];
}

/**
 * Decides where each new, unsuppressed finding is shown, once: inline when its lines allow it and
 * the inline cap has room, else as an annotation when `annotate` covers its file and the
 * annotation cap has room, else omitted with the reason. Suppressed and pre-existing findings are
 * in no list: the caller only counts them in the summary.
 */
export function planReport(input: PlanInput): ReportPlan {
  const { config, diff, alreadyCommented } = input;
  const plan: ReportPlan = { comments: [], annotations: [], existingComments: [], omitted: [] };
  const reportable = input.triaged.filter((t) => t.isNew && t.suppressedBy === null);
  // The cap holds for the pull request, not for each review: comments already there use it up,
  // so a re-run of a PR over the cap posts no further review (design: it writes only the check run).
  // Findings at one location share one comment, so the cap counts locations, not findings.
  const commentedBefore = reportable.filter((t) => alreadyCommented.has(t.finding.fingerprint));
  const inlineRoom = Math.max(0, config.maxInlineComments - new Set(commentedBefore.map(at)).size);
  const groups = new Map<string, PlannedComment>();
  for (const triaged of sortMostSevereFirst(reportable)) {
    if (alreadyCommented.has(triaged.finding.fingerprint)) {
      plan.existingComments.push(triaged);
      continue;
    }
    const comment = plannedComment(triaged, input);
    const group = comment === null ? undefined : groups.get(at(triaged));
    if (group !== undefined) {
      group.findings.push(triaged);
      continue;
    }
    if (comment !== null && plan.comments.length < inlineRoom) {
      plan.comments.push(comment);
      groups.set(at(triaged), comment);
      continue;
    }
    const why = annotationRefusal(triaged, config, diff, plan.annotations.length);
    if (why === null) plan.annotations.push(triaged);
    // Annotations being off is not why a commentable finding went unshown: the inline cap is.
    else if (comment !== null && why === "annotate-none")
      plan.omitted.push({ triaged, why: "inline-cap" });
    else plan.omitted.push({ triaged, why });
  }
  return plan;
}

function plannedComment(triaged: TriagedFinding, input: PlanInput): PlannedComment | null {
  const { commentOn } = input.config;
  const location = triaged.finding.location;
  const file = input.diff.get(location.path);
  if (commentOn === "none" || !triaged.commentable || file === undefined) return null;
  const range = commentRange(location, file, commentOn);
  if (range === null) return null;
  const comment: PlannedComment = {
    findings: [triaged],
    triaged,
    path: location.path,
    line: range.line,
  };
  if (range.startLine !== undefined) comment.startLine = range.startLine;
  return comment;
}

function annotationRefusal(
  triaged: TriagedFinding,
  config: ReportConfig,
  diff: DiffMap,
  annotated: number,
): OmittedWhy | null {
  if (config.annotate === "none") return "annotate-none";
  if (config.annotate === "changed-files" && !diff.has(triaged.finding.location.path)) {
    return "outside-diff";
  }
  return annotated < config.maxAnnotations ? null : "annotation-cap";
}

/** Severity, then path and line, so the same findings make the cut on every run. */
function sortMostSevereFirst(findings: readonly TriagedFinding[]): TriagedFinding[] {
  return [...findings].sort(
    (a, b) =>
      severityRank(a.finding.severity) - severityRank(b.finding.severity) ||
      compareText(a.finding.location.path, b.finding.location.path) ||
      lineOf(a) - lineOf(b) ||
      compareText(a.finding.fingerprint, b.finding.fingerprint),
  );
}

/** Where a finding starts: findings starting at the same place are one comment. */
function at(triaged: TriagedFinding): string {
  return `${triaged.finding.location.path}\n${lineOf(triaged)}`;
}

/** File-level findings sort before line 1 of their file. */
function lineOf(triaged: TriagedFinding): number {
  return triaged.finding.location.region?.startLine ?? 0;
}

/** Code-unit order, not locale order: the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
