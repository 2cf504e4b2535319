import { sql } from "kysely";
import type { Kysely } from "kysely";
import type {
  DefaultBranchAnalysis,
  DefaultBranchTransition,
} from "../lifecycle/default-branch-transition.js";
import type { LifecycleRecord } from "../lifecycle/lifecycle-record.js";
import type {
  PullRequestAnalysis,
  PullRequestTransition,
} from "../lifecycle/pull-request-transition.js";
import {
  suppressedTransition,
  unsuppressedTransition,
} from "../lifecycle/suppression-transition.js";
import type { Database, StoreKind } from "./database.js";
import { applyDefaultBranch, applyPullRequest, commitChanges } from "./lifecycle-apply.js";
import { recordsByFingerprint, toRecord } from "./lifecycle-rows.js";
import { lifecycleSnapshot } from "./lifecycle-snapshot.js";
import type { LifecycleSnapshot } from "./lifecycle-snapshot.js";
import { recordAnalysed, recordOpened } from "./pull-request-coverage.js";
import { inWriteTransaction } from "./write-transaction.js";

/**
 * Each finding's lifecycle per repository (design.md Part 2) and the aggregates /metrics reads.
 * Repos are lower-cased `owner/name`; every transition runs in one write transaction.
 */
export interface LifecycleStore {
  /** A pull-request analysis: reports its new findings, prevents those it reported that are gone. */
  recordPullRequest(run: PullRequestAnalysis): Promise<PullRequestTransition>;
  /** A default-branch analysis: merges, escapes and fixes; `escaped` is what just escaped. */
  recordDefaultBranch(run: DefaultBranchAnalysis): Promise<DefaultBranchTransition>;
  /** An active suppression covers these fingerprints: unresolved ones resolve as suppressed. */
  markSuppressed(repo: string, fingerprints: string[], at: Date): Promise<LifecycleRecord[]>;
  /** A suppression ended: what it resolved is unresolved again. */
  markUnsuppressed(repo: string, fingerprints: string[]): Promise<LifecycleRecord[]>;
  get(repo: string, fingerprint: string): Promise<LifecycleRecord | null>;
  /** Every record of one tool and rule (what a rule or path suppression may cover). */
  ofRule(repo: string, tool: string, rule: string): Promise<LifecycleRecord[]>;
  /** A pull request was opened (or reopened: counted once). False when already known. */
  recordPullRequestOpened(repo: string, number: number, at: Date): Promise<boolean>;
  /** A Guardrail analysis reported on it; true the first time (it is now scanned). */
  recordPullRequestAnalysed(
    repo: string,
    number: number,
    at: Date,
    feedbackMs?: number | null,
  ): Promise<boolean>;
  /** A required tool had not reported when a pull request's required-scanners check ended. */
  recordRequiredToolMissing(repo: string, tools: string[]): Promise<void>;
  snapshot(now?: Date): Promise<LifecycleSnapshot>;
}

export function createLifecycleStore(db: Kysely<Database>, kind: StoreKind): LifecycleStore {
  const write = <T>(work: (trx: Kysely<Database>) => Promise<T>) =>
    inWriteTransaction(db, kind, work);
  const key = (repo: string) => repo.toLowerCase();
  return {
    recordPullRequest: (run) =>
      write((trx) => applyPullRequest(trx, kind, { ...run, repo: key(run.repo) })),
    recordDefaultBranch: (run) =>
      write((trx) => applyDefaultBranch(trx, kind, { ...run, repo: key(run.repo) })),
    markSuppressed: (repo, fingerprints, at) =>
      write(async (trx) => {
        const records = await recordsByFingerprint(trx, kind, key(repo), fingerprints);
        const changes = suppressedTransition(records, at.getTime());
        await commitChanges(trx, changes);
        return changes.map((c) => c.after);
      }),
    markUnsuppressed: (repo, fingerprints) =>
      write(async (trx) => {
        const records = await recordsByFingerprint(trx, kind, key(repo), fingerprints);
        const changes = unsuppressedTransition(records);
        await commitChanges(trx, changes);
        return changes.map((c) => c.after);
      }),
    async get(repo, fingerprint) {
      const [record] = await recordsByFingerprint(db, kind, key(repo), [fingerprint]);
      return record ?? null;
    },
    async ofRule(repo, tool, rule) {
      const rows = await db
        .selectFrom("finding_lifecycle")
        .selectAll()
        .where("repo", "=", key(repo))
        .where("tool", "=", tool.toLowerCase())
        .where("rule", "=", rule)
        .execute();
      return rows.map(toRecord);
    },
    recordPullRequestOpened: (repo, number, at) =>
      write((trx) => recordOpened(trx, key(repo), number, at)),
    recordPullRequestAnalysed: (repo, number, at, feedbackMs = null) =>
      write((trx) => recordAnalysed(trx, key(repo), number, at, feedbackMs)),
    recordRequiredToolMissing: (repo, tools) =>
      write(async (trx) => {
        for (const tool of new Set(tools.map((t) => t.toLowerCase()))) {
          await trx
            .insertInto("required_tool_missing")
            .values({ repo: key(repo), tool, count: 1 })
            .onConflict((oc) =>
              oc
                .columns(["repo", "tool"])
                .doUpdateSet({ count: sql`required_tool_missing.count + 1` }),
            )
            .execute();
        }
      }),
    snapshot: (now = new Date()) => lifecycleSnapshot(db, now),
  };
}

export type { LifecycleSnapshot } from "./lifecycle-snapshot.js";
export type { LifecycleFinding, LifecycleRecord } from "../lifecycle/lifecycle-record.js";
export type { DefaultBranchAnalysis } from "../lifecycle/default-branch-transition.js";
export type { PullRequestAnalysis } from "../lifecycle/pull-request-transition.js";
