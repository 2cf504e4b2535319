import { describe, expect, it } from "@jest/globals";
import { sql } from "kysely";
import type { BaselineLocation } from "../../src/store/baselines.js";
import type { Store } from "../../src/store/open-store.js";

const T0 = new Date("2025-03-01T00:00:00Z");

function where(line: number, snippetHash = "s1"): BaselineLocation {
  return {
    ruleId: "js/xss",
    path: "src/a.js",
    line,
    snippetHash,
    windowHash: "w1",
    messageHash: "m1",
  };
}

/** What the tracker reads of a baseline (migration 0005), on both stores. */
export function baselineEntriesContract(current: () => Store): void {
  describe("baseline entries for the tracker", () => {
    it("keeps where each open finding was last seen, and forgets fixed ones", async () => {
      const { baselines } = current();
      expect(await baselines.entries("octo/app", "main")).toBeNull();
      const record = (
        sha: string,
        fingerprints: { fingerprint: string; where: BaselineLocation }[],
      ) =>
        baselines.record({
          repo: "octo/app",
          branch: "main",
          sha,
          tools: ["codeql"],
          fingerprints: fingerprints.map((f) => ({ tool: "codeql", severity: "high", ...f })),
          at: T0,
        });
      await record("s0", [
        { fingerprint: "f1", where: where(10) },
        { fingerprint: "f2", where: where(20, "s2") },
      ]);
      expect(await baselines.entries("Octo/App", "main")).toEqual([
        { tool: "codeql", fingerprint: "f1", severity: "high", sha: "s0", ...where(10) },
        { tool: "codeql", fingerprint: "f2", severity: "high", sha: "s0", ...where(20, "s2") },
      ]);

      // f1 moved down (lines inserted above), f2 is fixed.
      expect(await record("s1", [{ fingerprint: "f1", where: where(13) }])).toEqual({
        added: 0,
        fixed: 1,
      });
      expect(await baselines.entries("octo/app", "main")).toEqual([
        { tool: "codeql", fingerprint: "f1", severity: "high", sha: "s1", ...where(13) },
      ]);
      expect(await baselines.entries("octo/app", "develop")).toBeNull();
    });

    it("rows written before migration 0005 read as unknown location", async () => {
      const { baselines, db } = current();
      await baselines.record({
        repo: "o/r",
        branch: "main",
        sha: "s0",
        tools: ["t"],
        fingerprints: [],
        at: T0,
      });
      await sql`
        insert into baseline_fingerprints (repo, branch, tool, fingerprint, severity, first_seen_at,
          first_seen_sha, fixed_at, fixed_sha, pre_existing)
        values ('o/r', 'main', 't', 'old', 'low', 1, 's0', null, null, 1)
      `.execute(db);
      expect(await baselines.entries("o/r", "main")).toEqual([
        {
          tool: "t",
          fingerprint: "old",
          severity: "low",
          sha: "s0",
          ruleId: "",
          path: "",
          line: 0,
          snippetHash: "",
          windowHash: "",
          messageHash: "",
        },
      ]);
    });
  });
}
