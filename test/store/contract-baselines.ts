import { describe, expect, it } from "@jest/globals";
import type { BaselineFingerprint, BaselineInput } from "../../src/store/baselines.js";
import type { Store } from "../../src/store/open-store.js";

const T0 = new Date("2025-03-01T00:00:00Z");
const HOUR = 3_600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

function fps(tool: string, ...fingerprints: string[]): BaselineFingerprint[] {
  return fingerprints.map((fingerprint) => ({ tool, fingerprint, severity: "high" }));
}

function push(overrides: Partial<BaselineInput>): BaselineInput {
  return {
    repo: "octo/app",
    branch: "main",
    sha: "s0",
    tools: [],
    fingerprints: [],
    at: T0,
    ...overrides,
  };
}

const asObject = (baseline: Map<string, Set<string>> | null) =>
  baseline === null
    ? null
    : Object.fromEntries([...baseline].map(([tool, set]) => [tool, [...set].sort()]));

export function baselinesContract(current: () => Store): void {
  describe("baselines", () => {
    it("records per tool: first seen, fixed, reopened; untouched tools keep theirs", async () => {
      const { baselines } = current();
      expect(await baselines.get("octo/app", "main")).toBeNull();
      expect(
        await baselines.record(
          push({
            tools: ["CodeQL", "Trivy"],
            fingerprints: [...fps("CodeQL", "f1", "f2"), ...fps("Semgrep", "s1")],
          }),
        ),
      ).toEqual({ added: 3, fixed: 0 });
      expect(asObject(await baselines.get("Octo/App", "main"))).toEqual({
        CodeQL: ["f1", "f2"],
        Semgrep: ["s1"],
        Trivy: [],
      });
      expect(await baselines.get("octo/app", "develop")).toBeNull();

      expect(
        await baselines.record(
          push({
            sha: "s1",
            at: at(1),
            tools: ["CodeQL"],
            fingerprints: fps("CodeQL", "f2", "f3"),
          }),
        ),
      ).toEqual({
        added: 1,
        fixed: 1,
      });
      expect(
        await baselines.record(
          push({
            sha: "s2",
            at: at(2),
            tools: ["CodeQL"],
            fingerprints: fps("CodeQL", "f1", "f2", "f3"),
          }),
        ),
      ).toEqual({
        added: 1,
        fixed: 0,
      });
      expect(asObject(await baselines.get("octo/app", "main"))).toEqual({
        CodeQL: ["f1", "f2", "f3"],
        Semgrep: ["s1"],
        Trivy: [],
      });
      // An analysed tool with no findings fixes everything it had.
      expect(await baselines.record(push({ sha: "s3", at: at(3), tools: ["Semgrep"] }))).toEqual({
        added: 0,
        fixed: 1,
      });
      expect(asObject(await baselines.get("octo/app", "main"))?.["Semgrep"]).toEqual([]);
    });

    it("computes remediation time, escaped and first-seen counts", async () => {
      const { baselines } = current();
      await baselines.record(push({ tools: ["T"], fingerprints: fps("T", "old") }));
      await baselines.markReported("octo/app", ["reviewed", "reviewed"], at(0.5));
      await baselines.record(
        push({ at: at(1), tools: ["T"], fingerprints: fps("T", "old", "reviewed", "sneaked") }),
      );
      // Reported only after it landed: it still escaped review.
      await baselines.markReported("octo/app", ["sneaked"], at(1.5));
      await baselines.record(push({ at: at(3), tools: ["T"], fingerprints: fps("T", "sneaked") }));
      await baselines.record(
        push({ repo: "octo/other", tools: ["T"], fingerprints: fps("T", "x") }),
      );
      await baselines.record(
        push({ repo: "octo/other", at: at(1), tools: ["T"], fingerprints: fps("T", "y") }),
      );

      expect(await baselines.stats("octo/app")).toEqual({
        // old: 3h (pre-existing counts for remediation), reviewed: 2h.
        meanTimeToRemediateSeconds: 2.5 * 3600,
        escaped: 1,
        firstSeenTotal: 2,
        preExisting: 1,
      });
      expect(await baselines.stats()).toEqual({
        meanTimeToRemediateSeconds: ((3 + 2 + 1) * 3600) / 3,
        escaped: 2,
        firstSeenTotal: 3,
        preExisting: 2,
      });
      expect(await baselines.stats("nobody/none")).toEqual({
        meanTimeToRemediateSeconds: null,
        escaped: 0,
        firstSeenTotal: 0,
        preExisting: 0,
      });
    });

    it("handles 100k fingerprints in batches", async () => {
      const { baselines } = current();
      const many = (from: number, count: number) =>
        Array.from({ length: count }, (_, i) => ({
          tool: i % 2 === 0 ? "A" : "B",
          fingerprint: `fp-${from + i}`,
          severity: "low",
        }));
      const started = Date.now();
      expect(
        await baselines.record(push({ tools: ["A", "B"], fingerprints: many(0, 100_000) })),
      ).toEqual({ added: 100_000, fixed: 0 });
      expect(
        await baselines.record(
          push({ at: at(1), tools: ["A", "B"], fingerprints: many(50_000, 100_000) }),
        ),
      ).toEqual({
        added: 50_000,
        fixed: 50_000,
      });
      const baseline = await baselines.get("octo/app", "main");
      expect((baseline?.get("A")?.size ?? 0) + (baseline?.get("B")?.size ?? 0)).toBe(100_000);
      await baselines.markReported(
        "octo/app",
        many(100_000, 50_000).map((f) => f.fingerprint),
        at(0.5),
      );
      expect(await baselines.stats("octo/app")).toMatchObject({
        escaped: 0,
        firstSeenTotal: 50_000,
      });
      expect(Date.now() - started).toBeLessThan(60_000);
    }, 90_000);
  });
}
