import type { Kysely } from "kysely";
import type {
  DefaultBranchAnalysis,
  DefaultBranchTransition,
} from "../lifecycle/default-branch-transition.js";
import { defaultBranchTransition } from "../lifecycle/default-branch-transition.js";
import type { LifecycleChange, LifecycleRecord } from "../lifecycle/lifecycle-record.js";
import type {
  PullRequestAnalysis,
  PullRequestTransition,
} from "../lifecycle/pull-request-transition.js";
import { pullRequestTransition } from "../lifecycle/pull-request-transition.js";
import type { Database, StoreKind } from "./database.js";
import { applyAggregates } from "./lifecycle-aggregates.js";
import { recordsByFingerprint, toRecord, upsertRecords } from "./lifecycle-rows.js";

/** Writes a transition's records and their aggregate deltas (inside the caller's transaction). */
export async function commitChanges(db: Kysely<Database>, changes: LifecycleChange[]) {
  await upsertRecords(
    db,
    changes.map((c) => c.after),
  );
  await applyAggregates(db, changes);
}

const byFingerprint = (records: LifecycleRecord[]) =>
  new Map(records.map((r) => [r.fingerprint, r]));

export async function applyPullRequest(
  db: Kysely<Database>,
  kind: StoreKind,
  run: PullRequestAnalysis,
): Promise<PullRequestTransition> {
  const seen = await recordsByFingerprint(
    db,
    kind,
    run.repo,
    run.findings.map((f) => f.fingerprint),
  );
  const ofPr = await db
    .selectFrom("finding_lifecycle")
    .selectAll()
    .where("repo", "=", run.repo)
    .where("last_pr", "=", run.pr)
    .where("merged_at", "is", null)
    .where("resolved_at", "is", null)
    .execute();
  const known = byFingerprint([...ofPr.map(toRecord), ...seen]);
  const transition = pullRequestTransition(run, known);
  await commitChanges(db, transition.changes);
  return transition;
}

export async function applyDefaultBranch(
  db: Kysely<Database>,
  kind: StoreKind,
  run: DefaultBranchAnalysis,
): Promise<DefaultBranchTransition> {
  const seen = await recordsByFingerprint(
    db,
    kind,
    run.repo,
    run.findings.map((f) => f.fingerprint),
  );
  const open =
    run.tools.length === 0
      ? []
      : await db
          .selectFrom("finding_lifecycle")
          .selectAll()
          .where("repo", "=", run.repo)
          .where("tool", "in", run.tools)
          .where("merged_at", "is not", null)
          .where("resolved_at", "is", null)
          .execute();
  const known = byFingerprint([...open.map(toRecord), ...seen]);
  const transition = defaultBranchTransition(run, known);
  await commitChanges(db, transition.changes);
  return transition;
}
