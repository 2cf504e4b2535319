import type { TriagedFinding } from "../triage/disposition.js";
import { andMore, fitDetails, fitLines, fitTable, headed, type Section } from "./fit-lines.js";
import type { OmittedFinding, OmittedWhy } from "./plan.js";
import { safeInline } from "./sanitize.js";
import { MAX_SUMMARY_ROWS } from "./summary-sections.js";
import {
  FINDING_HEADER,
  OMITTED_WHY_TEXT,
  PUSH_OMITTED_WHY_TEXT,
  findingCells,
  isoDate,
  mostSevereFirst,
  suppressedByText,
} from "./summary-rows.js";

/**
 * What was not shown in the diff (on a push: not annotated), and why, counted by reason; the
 * first rows listed.
 */
export function omittedSection(omitted: OmittedFinding[], push = false): Section {
  return (maxBytes) => {
    if (omitted.length === 0) return "";
    const text = push ? PUSH_OMITTED_WHY_TEXT : OMITTED_WHY_TEXT;
    const reasons = Object.keys(text) as OmittedWhy[];
    const counts = reasons
      .map((why) => [why, omitted.filter((o) => o.why === why).length] as const)
      .filter(([, n]) => n > 0)
      .map(([why, n]) => `- ${n} ${text[why]}`);
    const title = push ? "Not annotated" : "Not shown in the diff";
    const head = `### ${title} (${omitted.length})\n\n${counts.join("\n")}\n\n`;
    const rows = omittedRows(omitted, push).slice(0, MAX_SUMMARY_ROWS);
    return headed(head, maxBytes, (budget) =>
      fitDetails("Show them", budget, (inner) =>
        fitTable({
          header: [...FINDING_HEADER, "Why"],
          rows,
          total: omitted.length,
          maxBytes: inner,
          more: andMore("(listed in the check run details)"),
        }),
      ),
    );
  };
}

export function omittedRows(omitted: OmittedFinding[], push = false): string[][] {
  const text = push ? PUSH_OMITTED_WHY_TEXT : OMITTED_WHY_TEXT;
  const order = mostSevereFirst(omitted.map((o) => o.triaged));
  const why = new Map(omitted.map((o) => [o.triaged, o.why]));
  return order.map((t) => [...findingCells(t), text[why.get(t) ?? "outside-diff"]]);
}

export function suppressedRows(suppressed: TriagedFinding[]): string[][] {
  return mostSevereFirst(suppressed).map((t) => [
    ...findingCells(t).slice(0, 4),
    t.suppressedBy === null ? "" : suppressedByText(t.suppressedBy),
  ]);
}

export const SUPPRESSED_HEADER = [...FINDING_HEADER.slice(0, 4), "Suppressed by"];

export function suppressedSection(triaged: TriagedFinding[]): Section {
  return (maxBytes) => {
    const suppressed = triaged.filter((t) => t.suppressedBy !== null);
    if (suppressed.length === 0) return "";
    const rows = suppressedRows(suppressed).slice(0, MAX_SUMMARY_ROWS);
    return headed(`### Suppressed (${suppressed.length})\n\n`, maxBytes, (budget) =>
      fitDetails("Show them", budget, (inner) =>
        fitTable({
          header: SUPPRESSED_HEADER,
          rows,
          total: suppressed.length,
          maxBytes: inner,
          more: andMore("(listed in the check run details)"),
        }),
      ),
    );
  };
}

/** Suppressions that would have applied but expired: the findings count again. */
export function expiredSection(triaged: TriagedFinding[]): Section {
  return (maxBytes) => {
    const expired = mostSevereFirst(triaged.filter((t) => t.expiredSuppression !== null));
    if (expired.length === 0) return "";
    const lines = expired.slice(0, MAX_SUMMARY_ROWS).map((t) => {
      const s = t.expiredSuppression;
      if (s === null) return "";
      const when = s.expiresAt === null ? "an unknown date" : isoDate(s.expiresAt);
      const by = safeInline(s.author, 60);
      // `#12` in code: bare, GitHub would link it to issue 12.
      const which = `\`#${s.id}\` (${s.reason} by ${by})`;
      return `- ${safeInline(t.finding.id, 20)}: suppression ${which} expired on ${when}; the finding counts again.`;
    });
    return fitLines({
      head: `### Expired suppressions (${expired.length})\n`,
      lines,
      total: expired.length,
      maxBytes,
      more: andMore(""),
    });
  };
}

/** Suppressions requested for findings that still count: an approver must decide them first. */
export function awaitingApprovalSection(triaged: TriagedFinding[]): Section {
  return (maxBytes) => {
    const waiting = mostSevereFirst(triaged.filter((t) => t.awaitingApproval));
    if (waiting.length === 0) return "";
    const lines = waiting.slice(0, MAX_SUMMARY_ROWS).map((t) => {
      const s = t.awaitingApproval;
      if (!s) return "";
      const by = safeInline(s.author, 60);
      return `- ${safeInline(t.finding.id, 20)} (${t.finding.severity}): \`#${s.id}\` ${s.reason} requested by ${by}; it counts until an approver answers \`/approve\` or \`/deny <reason>\`.`;
    });
    return fitLines({
      head: `### Awaiting approval (${waiting.length})\n`,
      lines,
      total: waiting.length,
      maxBytes,
      more: andMore(""),
    });
  };
}
