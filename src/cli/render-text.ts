/**
 * The terminal report: findings grouped as in the check run, then notes, then the verdict.
 * Everything from SARIF goes through plainText: no terminal escape from a scanner reaches the TTY.
 */
import { SEVERITIES, type Finding, type Note } from "../findings/finding.js";
import { plainText } from "../report/sanitize.js";
import type { GateResult, SuppressedBy, TriagedFinding } from "../triage/disposition.js";
import { GROUPS, groupFindings, type CheckReport, type Group } from "./check-report.js";
import type { Paint, Style } from "./colours.js";

/** One terminal line per finding: the id is there to look up the rest. */
const MAX_MESSAGE_CHARS = 160;
const MAX_FIELD_CHARS = 200;
const SEVERITY_WIDTH = 8;

const GROUP_TITLE: Record<Group, string> = {
  "new-blocking": "New, blocking",
  new: "New",
  "pre-existing": "Pre-existing",
  suppressed: "Suppressed",
};
const GROUP_STYLE: Record<Group, Style> = {
  "new-blocking": "red",
  new: "yellow",
  "pre-existing": "dim",
  suppressed: "dim",
};

const VERDICT: Record<GateResult["conclusion"], [string, Style]> = {
  failure: ["✖ Blocked", "red"],
  neutral: ["▲ Not blocking", "yellow"],
  success: ["✔ Passed", "green"],
};

/** Beyond this many files the pre-existing counts are a list nobody reads; `--all` has them. */
const MAX_COUNTED_FILES = 20;

/**
 * New and suppressed findings in full; pre-existing ones, which a change did not bring, as a
 * count per file unless `all` (so the few that matter are on the first screen).
 */
export function renderText(
  report: CheckReport,
  paint: Paint,
  opts: { all?: boolean } = {},
): string {
  const { triaged, gate } = report.evaluation;
  const groups = groupFindings(triaged, report.failOn);
  const tools =
    report.toolNames.length === 0 ? "" : ` from ${report.toolNames.map(plainLine).join(", ")}`;
  const lines = [
    paint("bold", `Guardrail: ${count(triaged.length, "finding")}${tools}`) +
      ` against ${plainLine(report.base.ref)} (merge base ${report.base.mergeBase.slice(0, 12)})`,
  ];
  for (const group of GROUPS) {
    if (groups[group].length === 0) continue;
    lines.push(
      "",
      paint("bold", paint(GROUP_STYLE[group], `${GROUP_TITLE[group]} (${groups[group].length})`)),
    );
    if (group === "pre-existing" && opts.all !== true) {
      lines.push(...countsPerFile(groups[group], paint));
      continue;
    }
    for (const t of groups[group]) lines.push(...findingLines(t, paint));
  }
  if (report.notes.length > 0) {
    lines.push("", paint("bold", "Notes"));
    lines.push(...report.notes.map((note) => `  ${noteLine(note)}`));
  }
  const [label, style] = VERDICT[gate.conclusion];
  lines.push("", `${paint("bold", paint(style, label))}: ${plainLine(gate.reason)}`);
  return `${lines.join("\n")}\n`;
}

function countsPerFile(findings: readonly TriagedFinding[], paint: Paint): string[] {
  const byFile = new Map<string, TriagedFinding[]>();
  for (const t of findings) {
    const path = t.finding.location.path;
    byFile.set(path, [...(byFile.get(path) ?? []), t]);
  }
  const files = [...byFile].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1));
  const lines = files.slice(0, MAX_COUNTED_FILES).map(([path, list]) => {
    const severities = SEVERITIES.map(
      (s) => [s, list.filter((t) => t.finding.severity === s).length] as const,
    )
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${s}`);
    return `  ${paint("bold", plainLine(path))}  ${severities.join(", ")}`;
  });
  const rest = files.length - MAX_COUNTED_FILES;
  if (rest > 0) lines.push(`  …and ${count(rest, "more file")}`);
  lines.push(paint("dim", "  (counted per file; --all lists them)"));
  return lines;
}

function findingLines(t: TriagedFinding, paint: Paint): string[] {
  const f = t.finding;
  const first = [
    `  ${f.severity.padEnd(SEVERITY_WIDTH)}${f.id}`,
    paint("bold", where(f)),
    plainLine(f.rule.id),
    plainText(f.message, MAX_MESSAGE_CHARS).replace(/\s+/g, " ").trim(),
  ].join("  ");
  const more: string[] = [];
  if (t.suppressedBy !== null) more.push(`suppressed: ${suppressedText(t.suppressedBy)}`);
  if (t.expiredSuppression !== null) {
    more.push(`a suppression of this finding expired on ${isoDay(t.expiredSuppression.expiresAt)}`);
  }
  return [first, ...more.map((line) => paint("dim", `${" ".repeat(SEVERITY_WIDTH + 2)}${line}`))];
}

function where(f: Finding): string {
  const line = f.location.region?.startLine;
  return plainLine(line === undefined ? f.location.path : `${f.location.path}:${line}`);
}

export function suppressedText(by: SuppressedBy): string {
  switch (by.kind) {
    case "sarif": {
      const why = by.justification === undefined ? "" : `: ${by.justification}`;
      return plainLine(
        `${by.suppressionKind === "inSource" ? "in source" : "external"} (SARIF)${why}`,
      );
    }
    case "store": {
      const s = by.suppression;
      const scope = s.scope.kind === "finding" ? "" : `, ${s.scope.kind} scope`;
      const until = s.expiresAt === null ? "" : `, until ${isoDay(s.expiresAt)}`;
      return plainLine(`${s.reason} by ${s.author}${scope}${until}: ${s.justification}`);
    }
    case "config":
      return plainLine(`config ${by.key}: ${by.pattern}`);
  }
}

export function noteLine(note: Note): string {
  return `${note.level}  ${plainLine(note.source)}: ${plainLine(note.message)}`;
}

export function plainLine(text: string): string {
  return plainText(text, MAX_FIELD_CHARS).replace(/\s+/g, " ").trim();
}

function isoDay(date: Date | null): string {
  return date === null || Number.isNaN(date.getTime())
    ? "an unknown date"
    : date.toISOString().slice(0, 10);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
