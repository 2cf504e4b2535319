import type { Kysely } from "kysely";
import type { Database, StoreKind } from "./database.js";
import { baselineEntries, type BaselineEntry } from "./baseline-entries.js";
import { recordBaseline } from "./baseline-record.js";
import type { BaselineInput } from "./baseline-record.js";
import { baselineStats, markReported } from "./baseline-stats.js";
import type { BaselineStats } from "./baseline-stats.js";
import { inWriteTransaction } from "./write-transaction.js";

export interface BaselineStore {
  /** Newly open (first seen or reopened) and newly fixed fingerprints, over all tools. */
  record(input: BaselineInput): Promise<{ added: number; fixed: number }>;
  /** Open fingerprints per tool; null when the branch was never recorded. */
  get(repo: string, branch: string): Promise<Map<string, Set<string>> | null>;
  /** The open entries with where each was last seen, for the tracker; null when never recorded. */
  entries(repo: string, branch: string): Promise<BaselineEntry[] | null>;
  /** Fingerprints a pull-request analysis reported (so they did not escape review). */
  markReported(repo: string, fingerprints: string[], at: Date): Promise<void>;
  stats(repo?: string): Promise<BaselineStats>;
}

export function createBaselineStore(db: Kysely<Database>, kind: StoreKind): BaselineStore {
  return {
    record: (input) => inWriteTransaction(db, kind, (trx) => recordBaseline(trx, kind, input)),

    async get(repo, branch) {
      const key = repo.toLowerCase();
      const tools = await db
        .selectFrom("baseline_tools")
        .select("tool")
        .where("repo", "=", key)
        .where("branch", "=", branch)
        .execute();
      if (tools.length === 0) return null;
      const baseline = new Map(tools.map(({ tool }) => [tool, new Set<string>()]));
      const open = await db
        .selectFrom("baseline_fingerprints")
        .select(["tool", "fingerprint"])
        .where("repo", "=", key)
        .where("branch", "=", branch)
        .where("fixed_at", "is", null)
        .execute();
      for (const { tool, fingerprint } of open) baseline.get(tool)?.add(fingerprint);
      return baseline;
    },

    entries: (repo, branch) => baselineEntries(db, repo, branch),

    markReported: (repo, fingerprints, at) => markReported(db, kind, repo, fingerprints, at),
    stats: (repo) => baselineStats(db, repo),
  };
}

export type { BaselineFingerprint, BaselineInput, BaselineLocation } from "./baseline-record.js";
export type { BaselineEntry } from "./baseline-entries.js";
export type { BaselineStats } from "./baseline-stats.js";
