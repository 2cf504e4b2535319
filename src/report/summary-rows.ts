import { severityRank } from "../findings/finding.js";
import type { SuppressedBy, TriagedFinding } from "../triage/disposition.js";
import type { OmittedWhy } from "./plan.js";
import { safeInline } from "./sanitize.js";
import { severityLabel } from "./severity-label.js";

/** Table cells are excerpts: the full text is in the inline comment or annotation. */
const MAX_RULE_CHARS = 100;
const MAX_LOCATION_CHARS = 150;
const MAX_MESSAGE_CHARS = 150;
const MAX_JUSTIFICATION_CHARS = 200;

export const FINDING_HEADER = ["Severity", "ID", "Rule", "Location", "Message"];

export const OMITTED_WHY_TEXT: Record<OmittedWhy, string> = {
  "inline-cap": "over the inline comment cap (`max_inline_comments`)",
  "annotation-cap": "over the annotation cap (`max_annotations`)",
  "outside-diff": "in files this pull request does not change",
  "annotate-none": "annotations are off (`annotate: none`)",
};

/** A push has no diff: what a pull request would call "outside the diff" is just not annotated. */
export const PUSH_OMITTED_WHY_TEXT: Record<OmittedWhy, string> = {
  ...OMITTED_WHY_TEXT,
  "outside-diff": "not annotated on a push (`annotate: changed-files` annotates pull requests)",
};

export function isOpenNew(t: TriagedFinding): boolean {
  return t.isNew && t.suppressedBy === null;
}

/** Severity, then path and line: the same order on every run. */
export function mostSevereFirst(list: readonly TriagedFinding[]): TriagedFinding[] {
  return [...list].sort(
    (a, b) =>
      severityRank(a.finding.severity) - severityRank(b.finding.severity) ||
      compareText(a.finding.location.path, b.finding.location.path) ||
      (a.finding.location.region?.startLine ?? 0) - (b.finding.location.region?.startLine ?? 0),
  );
}

/** Code-unit order, not locale order: the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function findingCells(t: TriagedFinding): string[] {
  const { finding } = t;
  const line = finding.location.region?.startLine;
  const where = line === undefined ? finding.location.path : `${finding.location.path}:${line}`;
  return [
    severityLabel(finding.severity),
    safeInline(finding.id, 20),
    safeInline(finding.rule.id, MAX_RULE_CHARS),
    safeInline(where, MAX_LOCATION_CHARS),
    safeInline(finding.message, MAX_MESSAGE_CHARS),
  ];
}

/** Who or what suppressed a finding, in one sanitised line. */
export function suppressedByText(by: SuppressedBy): string {
  switch (by.kind) {
    case "sarif": {
      const where = by.suppressionKind === "inSource" ? "in source (SARIF)" : "external (SARIF)";
      const why =
        by.justification === undefined
          ? ""
          : `: ${safeInline(by.justification, MAX_JUSTIFICATION_CHARS)}`;
      return `${where}${why}`;
    }
    case "store": {
      const s = by.suppression;
      const until = s.expiresAt === null ? "no expiry" : `until ${isoDate(s.expiresAt)}`;
      const scope = s.scope.kind === "finding" ? "" : `, ${s.scope.kind} scope`;
      return `${s.reason} by ${safeInline(s.author, 60)}${scope}, ${until}: ${safeInline(s.justification, MAX_JUSTIFICATION_CHARS)}`;
    }
    case "config":
      return `config \`${by.key}\`: ${safeInline(by.pattern, MAX_RULE_CHARS)}`;
  }
}

export function isoDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? "an unknown date" : date.toISOString().slice(0, 10);
}
