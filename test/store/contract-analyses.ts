import { describe, expect, it } from "@jest/globals";
import type { AnalysisRecordInput } from "../../src/store/analysis-record.js";
import type { Store } from "../../src/store/open-store.js";

const T0 = new Date("2025-02-01T00:00:00Z");
const MINUTE = 60_000;

function analysis(overrides: Partial<AnalysisRecordInput> = {}): AnalysisRecordInput {
  return {
    repo: "octo/app",
    installationId: 42,
    // Real run ids are past 2^31; they must come back as the same number.
    runId: 12_345_678_901,
    runAttempt: 1,
    workflowName: "CodeQL",
    event: "pull_request",
    headSha: "a".repeat(40),
    headBranch: "feature",
    headRepo: "fork/app",
    isFork: true,
    prNumbers: [7],
    findings: [{ fingerprint: "f1", message: "héllo \u2028 <b>" }],
    notes: [{ level: "warning", source: "x.sarif", message: "dup taxa" }],
    checkRunId: null,
    createdAt: T0,
    ...overrides,
  };
}

export function analysesContract(current: () => Store): void {
  describe("analyses", () => {
    it("saves and reads back every field", async () => {
      const { analyses } = current();
      const saved = await analyses.save(analysis({ repo: "Octo/App" }));
      expect(saved).toEqual({ ...analysis(), id: expect.any(Number) });
      expect(await analyses.getByRun("octo/app", 12_345_678_901, 1)).toEqual(saved);
      expect(await analyses.getByRun("octo/app", 12_345_678_901, 2)).toBeNull();
    });

    it("upserts on repo, run and attempt", async () => {
      const { analyses } = current();
      const first = await analyses.save(analysis());
      const again = await analyses.save(analysis({ findings: [], prNumbers: [8] }));
      expect(again.id).toBe(first.id);
      expect(again.findings).toEqual([]);
      expect(await analyses.latestForPr("octo/app", 7)).toBeNull();
      expect((await analyses.latestForPr("octo/app", 8))?.id).toBe(first.id);
      const attempt2 = await analyses.save(analysis({ runAttempt: 2 }));
      expect(attempt2.id).not.toBe(first.id);
    });

    it("sets the check run id", async () => {
      const { analyses } = current();
      const saved = await analyses.save(analysis());
      await analyses.setCheckRun(saved.id, 39_876_543_210);
      expect((await analyses.getByRun("octo/app", saved.runId, 1))?.checkRunId).toBe(
        39_876_543_210,
      );
    });

    it("finds the newest analysis for a pull request and for a head sha", async () => {
      const { analyses } = current();
      const older = await analyses.save(analysis({ runId: 1, prNumbers: [7, 9] }));
      const newer = await analyses.save(
        analysis({ runId: 2, createdAt: new Date(T0.getTime() + MINUTE) }),
      );
      await analyses.save(
        analysis({ runId: 3, repo: "octo/other", createdAt: new Date(T0.getTime() + 2 * MINUTE) }),
      );
      await analyses.save(
        analysis({
          runId: 4,
          headSha: "b".repeat(40),
          prNumbers: [],
          createdAt: new Date(T0.getTime() + 3 * MINUTE),
        }),
      );
      expect((await analyses.latestForPr("octo/app", 7))?.id).toBe(newer.id);
      expect((await analyses.latestForPr("octo/app", 9))?.id).toBe(older.id);
      expect(await analyses.latestForPr("octo/app", 10)).toBeNull();
      expect((await analyses.latestForSha("octo/app", "a".repeat(40)))?.id).toBe(newer.id);
      expect((await analyses.latestForSha("octo/app", "b".repeat(40)))?.runId).toBe(4);
      expect(await analyses.latestForSha("octo/app", "c".repeat(40))).toBeNull();
    });

    it("finds the newest analysis of each workflow for a pull request", async () => {
      const { analyses } = current();
      const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
      await analyses.save(analysis({ runId: 1, workflowName: "CodeQL", createdAt: at(0) }));
      const semgrep = await analyses.save(
        analysis({ runId: 2, workflowName: "Semgrep", createdAt: at(1) }),
      );
      const codeql = await analyses.save(
        analysis({ runId: 3, workflowName: "CodeQL", createdAt: at(2) }),
      );
      await analyses.save(
        analysis({ runId: 4, workflowName: "Trivy", prNumbers: [8], createdAt: at(3) }),
      );
      const latest = await analyses.latestPerWorkflowForPr("octo/app", 7);
      expect(latest.map((a) => a.id)).toEqual([codeql.id, semgrep.id]);
      expect(await analyses.latestPerWorkflowForPr("octo/app", 99)).toEqual([]);
    });

    it("prunes by age and by count per repository", async () => {
      const { analyses } = current();
      for (let i = 0; i < 5; i += 1) {
        await analyses.save(
          analysis({ runId: 100 + i, createdAt: new Date(T0.getTime() + i * MINUTE) }),
        );
        await analyses.save(
          analysis({ repo: "o/b", runId: 200 + i, createdAt: new Date(T0.getTime() + i * MINUTE) }),
        );
      }
      expect(await analyses.prune({ olderThan: new Date(T0.getTime() + MINUTE) })).toBe(2);
      expect(await analyses.prune({ keepPerRepo: 2 })).toBe(4);
      for (const [repo, kept] of [
        ["octo/app", [103, 104]],
        ["o/b", [203, 204]],
      ] as const) {
        for (const runId of [100, 101, 102, 103, 104, 200, 201, 202, 203, 204]) {
          const found = await analyses.getByRun(repo, runId, 1);
          expect(found !== null).toBe((kept as readonly number[]).includes(runId));
        }
      }
      // Their pull-request links went with them.
      expect((await analyses.latestForPr("octo/app", 7))?.runId).toBe(104);
    });
  });
}
