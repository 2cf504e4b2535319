/**
 * Triage (pipeline step 5): for each finding, where it sits in the diff, whether anything
 * suppresses it, whether the pull request introduces it, and whether it may be commented inline.
 * Pure: everything it knows comes in through `TriageInput`.
 */
import type { Finding } from "../findings/finding.js";
import type { DiffMap, DiffPosition } from "../diff/diff-map.js";
import { positionOf } from "../diff/locate.js";
import type { Suppression } from "../domain/suppression.js";
import type { GuardrailConfig } from "../config/schema.js";
import { pathMatcher, ruleMatcher } from "../config/match.js";
import type { SuppressedBy, TriagedFinding } from "./disposition.js";
import { sarifSuppression } from "./sarif-suppression.js";
import { indexSuppressions } from "./suppression-index.js";
import { existedAtBase, type BaseSnippets } from "../tracking/known-at-base.js";

export interface TriageInput {
  findings: readonly Finding[];
  /** null: no pull request (a push to a tracked branch). */
  diff: DiffMap | null;
  /** Tool name → fingerprints in the base branch's latest baseline; null: no baseline at all. */
  baseline: ReadonlyMap<string, ReadonlySet<string>> | null;
  /**
   * Flagged lines that existed at the base (src/tracking/known-at-base.ts): a finding on a line
   * the pull request did not add whose line is among them is not new.
   */
  baseSnippets?: BaseSnippets;
  /**
   * Suppressions from the store: active ones apply; `requested` ones await an approver, so their
   * findings keep counting and the summary lists them as awaiting approval.
   */
  suppressions: readonly Suppression[];
  /** Expired ones, so findings they used to cover can say so. */
  expiredSuppressions?: readonly Suppression[];
  config: Pick<GuardrailConfig, "paths_ignore" | "rules_ignore" | "comment_on">;
  /** The run's head repository is not this repository: its SARIF `external` suppressions are ignored. */
  isFork: boolean;
  now: Date;
}

export function triage(input: TriageInput): TriagedFinding[] {
  const { diff, config, isFork, now } = input;
  const live = (s: Suppression) =>
    s.status === "active" && (s.expiresAt === null || s.expiresAt > now);
  // The store filters expired suppressions too; one that slipped through still must not apply.
  const active = indexSuppressions(input.suppressions.filter(live));
  const expired = indexSuppressions([
    ...input.suppressions.filter((s) => s.status === "active" && !live(s)),
    ...(input.expiredSuppressions ?? []),
  ]);
  const requested = indexSuppressions(input.suppressions.filter((s) => s.status === "requested"));
  const ignoredPath = pathMatcher(config.paths_ignore);
  const ignoredRule = ruleMatcher(config.rules_ignore);
  const baseline = lowerCaseKeys(input.baseline);
  const baseSnippets = input.baseSnippets ?? new Set<string>();

  return input.findings.map((finding): TriagedFinding => {
    const position: DiffPosition = diff === null ? "outside" : positionOf(finding.location, diff);
    const stored = active.find(finding);
    const byConfig = configSuppression(finding, ignoredPath, ignoredRule);
    const suppressedBy: SuppressedBy | null =
      sarifSuppression(finding, isFork) ??
      byConfig ??
      (stored === null ? null : { kind: "store", suppression: stored });
    return {
      finding,
      position,
      isNew:
        isNew(finding, position, diff !== null, baseline) &&
        !(diff !== null && position !== "added" && existedAtBase(finding, baseSnippets)),
      suppressedBy,
      commentable: isCommentable(finding, position, config.comment_on),
      expiredSuppression: stored === null ? expired.find(finding) : null,
      awaitingApproval: suppressedBy === null ? requested.find(finding) : null,
    };
  });
}

function configSuppression(
  finding: Finding,
  ignoredPath: (path: string) => string | null,
  ignoredRule: (tool: string, ruleId: string) => string | null,
): SuppressedBy | null {
  const path = ignoredPath(finding.location.path);
  if (path !== null) return { kind: "config", key: "paths_ignore", pattern: path };
  const rule = ignoredRule(finding.tool.name, finding.rule.id);
  if (rule !== null) return { kind: "config", key: "rules_ignore", pattern: rule };
  return null;
}

/**
 * With a baseline for the finding's tool, new means absent from it. A tool the baseline has never
 * seen (newly added scanner, or no baseline yet) falls back to the diff: new iff on an added line.
 * A push has no diff to fall back on, so everything without a baseline is new.
 */
function isNew(
  finding: Finding,
  position: DiffPosition,
  hasDiff: boolean,
  baseline: ReadonlyMap<string, ReadonlySet<string>> | null,
): boolean {
  const known = baseline?.get(finding.tool.name.toLowerCase());
  if (known !== undefined) return !known.has(finding.fingerprint);
  return hasDiff ? position === "added" : true;
}

function isCommentable(
  finding: Finding,
  position: DiffPosition,
  commentOn: GuardrailConfig["comment_on"],
): boolean {
  if (commentOn === "none" || finding.location.region === undefined) return false;
  return position === "added" || (position === "context" && commentOn === "diff_context");
}

function lowerCaseKeys(
  baseline: ReadonlyMap<string, ReadonlySet<string>> | null,
): Map<string, ReadonlySet<string>> | null {
  if (baseline === null) return null;
  const out = new Map<string, ReadonlySet<string>>();
  for (const [tool, fingerprints] of baseline) {
    const key = tool.toLowerCase();
    const seen = out.get(key);
    out.set(key, seen === undefined ? fingerprints : new Set([...seen, ...fingerprints]));
  }
  return out;
}
