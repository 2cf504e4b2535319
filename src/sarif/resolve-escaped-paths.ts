/**
 * Paths that escape the checkout (`../../x.tf` from KICS, a laptop's `/Users/me/repo/x.js`)
 * are matched to the analysed commit's files by their longest common path suffix. A finding
 * whose file cannot be placed is dropped with a note: it could only be wrong.
 */
import type { Fix, Location, Note, RawFinding } from "../findings/finding.js";
import { dedupeFindings } from "./dedupe-findings.js";
import { tallyIssues, type ResultIssue } from "./result-issue.js";
import { isEscapingPath } from "./repo-path.js";

type FileIndex = Map<string, string[][]>;

function segmentsOf(path: string): string[] {
  return path.split("/").filter((segment) => segment !== "" && segment !== "..");
}

function indexByBasename(repoFiles: readonly string[]): FileIndex {
  const index: FileIndex = new Map();
  for (const file of repoFiles) {
    const segments = segmentsOf(file);
    const basename = segments[segments.length - 1];
    if (basename === undefined) continue;
    const bucket = index.get(basename);
    if (bucket === undefined) index.set(basename, [segments]);
    else bucket.push(segments);
  }
  return index;
}

function commonSuffix(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}

/** The repo file sharing the longest path suffix; undefined when none or when tied. */
export function matchBySuffix(path: string, index: FileIndex): string | undefined {
  const wanted = segmentsOf(path);
  const candidates = index.get(wanted[wanted.length - 1] ?? "") ?? [];
  let best: string[] | undefined;
  let bestLength = 0;
  let tied = false;
  for (const candidate of candidates) {
    const length = commonSuffix(wanted, candidate);
    if (length > bestLength) [best, bestLength, tied] = [candidate, length, false];
    else if (length === bestLength) tied = true;
  }
  return best === undefined || tied ? undefined : best.join("/");
}

function mapLocations(
  locations: readonly Location[],
  resolve: (p: string) => string | undefined,
): Location[] {
  return locations.flatMap((location) => {
    const path = resolve(location.path);
    return path === undefined ? [] : [{ ...location, path }];
  });
}

function mapFixes(fixes: readonly Fix[], resolve: (p: string) => string | undefined): Fix[] {
  return fixes.map((fix) => ({
    ...fix,
    replacements: fix.replacements.flatMap((replacement) => {
      const path = resolve(replacement.path);
      return path === undefined ? [] : [{ ...replacement, path }];
    }),
  }));
}

function needsMapping(finding: RawFinding): boolean {
  const escaping = (location: { path: string }): boolean => isEscapingPath(location.path);
  return (
    isEscapingPath(finding.location.path) ||
    finding.relatedLocations.some(escaping) ||
    finding.codeFlows.some((flow) => flow.some(escaping)) ||
    finding.fixes.some((fix) => fix.replacements.some(escaping))
  );
}

/** Notes name the tool: the finding no longer knows which file it came from. */
function notesByTool(unplaced: readonly RawFinding[]): Note[] {
  const byTool = new Map<string, ResultIssue[]>();
  for (const finding of unplaced) {
    const issue: ResultIssue = {
      level: "warning",
      key: "unplaced",
      message: `rule ${finding.rule.id}: ${finding.location.path} matches no single file of the repository; finding dropped`,
    };
    const list = byTool.get(finding.tool.name);
    if (list === undefined) byTool.set(finding.tool.name, [issue]);
    else list.push(issue);
  }
  return [...byTool].flatMap(([tool, issues]) => tallyIssues(issues, tool));
}

export function resolveEscapedPaths(
  findings: RawFinding[],
  repoFiles: readonly string[],
): { findings: RawFinding[]; notes: Note[] } {
  const index = indexByBasename(repoFiles);
  const resolve = (path: string): string | undefined =>
    isEscapingPath(path) ? matchBySuffix(path, index) : path;
  const kept: RawFinding[] = [];
  const unplaced: RawFinding[] = [];
  for (const finding of findings) {
    if (!needsMapping(finding)) {
      kept.push(finding);
      continue;
    }
    const path = resolve(finding.location.path);
    if (path === undefined) {
      unplaced.push(finding);
      continue;
    }
    kept.push({
      ...finding,
      location: { ...finding.location, path },
      relatedLocations: mapLocations(finding.relatedLocations, resolve),
      codeFlows: finding.codeFlows
        .map((flow) => mapLocations(flow, resolve))
        .filter((flow) => flow.length > 0),
      fixes: mapFixes(finding.fixes, resolve),
    });
  }
  return { findings: dedupeFindings(kept), notes: notesByTool(unplaced) };
}
