import type { DiffMap } from "../diff/diff-map.js";
import type { Finding, Note } from "../findings/finding.js";
import type { PullRequestRef } from "./pull-request.js";

/** Which workflow run attempt an analysis is of, as the API reported it. */
export interface RunIdentity {
  installationId: number;
  owner: string;
  repo: string;
  runId: number;
  runAttempt: number;
  workflowName: string;
  event: string;
  /** The analysed commit. */
  headSha: string;
  headBranch: string;
  /** `owner/name` of the head repository (a fork's, for fork pull requests). */
  headRepo: string;
}

/**
 * One analysis of one workflow run attempt: what it found and everything its reports need, the
 * same whether it was just read from artifacts or decoded from the store for a command.
 */
export interface Analysis {
  run: RunIdentity;
  findings: Finding[];
  notes: Note[];
  /** Artifacts, SARIF files or config that could not be read: the check fails closed. */
  readErrors: number;
  toolNames: string[];
  isFork: boolean;
  defaultBranch: string;
  runUrl: string;
  /** The check run's name on this commit (see pipeline/check-name.ts); targets may add `(#n)`. */
  checkName: string;
  /** The check run's `external_id`: `<run id>:<attempt>`. */
  externalId: string;
}

/** Where an analysis is reported: one pull request with the head, or the commit alone (a push). */
export interface Target {
  /** null: a push, reported on the commit and never gated. */
  pr: PullRequestRef | null;
  /** The PR's changed lines; null for a push. */
  diff: DiffMap | null;
  /** This target's own check run: a head shared by several PRs has one per PR. */
  checkName: string;
  /** null until the check run exists. */
  checkRunId: number | null;
}

/** The check run an analysis made for one target, as stored (no diff: it is fetched again). */
export interface TargetCheckRun {
  pr: number | null;
  checkRunId: number;
  checkName: string;
}

/** `owner/name` lower-cased: how the store keys a repository. */
export function repoKeyOf(where: { owner: string; repo: string }): string {
  return `${where.owner}/${where.repo}`.toLowerCase();
}
