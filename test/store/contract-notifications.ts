import { describe, expect, it } from "@jest/globals";
import type { Store } from "../../src/store/open-store.js";
import type { OutboxInput } from "../../src/store/notifications.js";

const T0 = new Date("2026-03-01T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

function entry(key: string, repo = "octo/app"): OutboxInput {
  return {
    dedupeKey: `slack:${key}`,
    channel: "slack",
    repo,
    event: "escape",
    payload: "{}",
    at: T0,
  };
}

export function notificationsContract(current: () => Store): void {
  describe("notification outbox", () => {
    it("keeps one entry per dedupe key, across repeated and concurrent adds", async () => {
      const { notifications } = current();
      expect(await notifications.add([entry("a"), entry("b")])).toBe(2);
      expect(await notifications.add([entry("a")])).toBe(0);
      const racing = await Promise.all(
        Array.from({ length: 6 }, () => notifications.add([entry("c")])),
      );
      expect(racing.reduce((sum, n) => sum + n, 0)).toBe(1);
      expect((await notifications.pending("slack", T0)).map((e) => e.payload)).toHaveLength(3);
      expect(await notifications.pending("teams", T0)).toEqual([]);
    });

    it("lets one claimant win an entry until its claim lapses, then sends it once", async () => {
      const { notifications } = current();
      await notifications.add([entry("a")]);
      const [pending] = await notifications.pending("slack", T0);
      const id = pending?.id ?? -1;
      expect(await notifications.claim([id], "one", at(30_000), T0)).toEqual([id]);
      expect(await notifications.claim([id], "two", at(30_000), at(1_000))).toEqual([]);
      expect(await notifications.pending("slack", at(1_000))).toEqual([]);
      // The first claimant died: after its claim lapses another takes over.
      expect(await notifications.claim([id], "three", at(90_000), at(31_000))).toEqual([id]);
      await notifications.markSent([id], at(32_000));
      expect(await notifications.pending("slack", at(120_000))).toEqual([]);
      expect(await notifications.lastSent("slack", ["octo/app", "octo/other"])).toEqual(
        new Map([["octo/app", at(32_000).getTime()]]),
      );
    });

    it("releases a failed send for later and counts the attempt", async () => {
      const { notifications } = current();
      await notifications.add([entry("a")]);
      const id = (await notifications.pending("slack", T0))[0]?.id ?? -1;
      await notifications.claim([id], "t", at(30_000), T0);
      await notifications.release([id], at(60_000), { error: "HTTP 503" });
      const [again] = await notifications.pending("slack", at(1_000));
      expect(again).toMatchObject({ id, attempts: 1, dueAt: at(60_000).getTime() });
    });

    it("prunes sent messages before a cut-off, never unsent ones", async () => {
      const { notifications } = current();
      await notifications.add([entry("a"), entry("b")]);
      const [a] = await notifications.pending("slack", T0);
      await notifications.markSent([a?.id ?? -1], T0);
      expect(await notifications.prune(at(1))).toBe(1);
      expect(await notifications.prune(at(1))).toBe(0);
      expect(await notifications.pending("slack", T0)).toHaveLength(1);
    });

    it("paces a channel with a not-before time", async () => {
      const { notifications } = current();
      expect(await notifications.notBefore("slack")).toBe(0);
      await notifications.setNotBefore("slack", at(1_000));
      await notifications.setNotBefore("slack", at(5_000));
      expect(await notifications.notBefore("slack")).toBe(at(5_000).getTime());
      expect(await notifications.notBefore("teams")).toBe(0);
    });

    it("finds active suppressions that end within a window", async () => {
      const { suppressions, notifications } = current();
      const base = {
        repo: "octo/app",
        reason: "accepted-risk" as const,
        justification: "j",
        author: "alice",
        createdAt: T0,
        source: null,
        findingId: null,
        actor: "alice",
        commentUrl: null,
      };
      const soon = await suppressions.create({
        ...base,
        source: "c1",
        scope: { kind: "finding", fingerprint: "f1" },
        expiresAt: at(3 * 86_400_000),
      });
      await suppressions.create({
        ...base,
        source: "c2",
        scope: { kind: "finding", fingerprint: "f2" },
        expiresAt: at(30 * 86_400_000),
      });
      await suppressions.create({
        ...base,
        source: "c3",
        scope: { kind: "finding", fingerprint: "f3" },
        expiresAt: null,
      });
      const found = await notifications.expiringSuppressions(T0, at(7 * 86_400_000));
      expect(found.map((s) => s.id)).toEqual([soon.id]);
      expect(
        await notifications.expiringSuppressions(T0, at(7 * 86_400_000), "Octo/App"),
      ).toHaveLength(1);
      expect(await notifications.expiringSuppressions(T0, at(7 * 86_400_000), "octo/x")).toEqual(
        [],
      );
    });
  });

  describe("landed fingerprints", () => {
    it("names what a push newly put on the branch, never what its first baseline held", async () => {
      const { baselines, notifications } = current();
      const push = (sha: string, fingerprints: string[]) =>
        baselines.record({
          repo: "octo/app",
          branch: "main",
          sha,
          tools: ["semgrep"],
          fingerprints: fingerprints.map((fingerprint) => ({
            tool: "semgrep",
            fingerprint,
            severity: "high",
          })),
          at: T0,
        });
      const where = (sha: string) => ({ repo: "Octo/App", branch: "main", sha });
      await push("s1", ["old"]);
      expect(await notifications.landedAt(where("s1"))).toEqual(new Set());
      await push("s2", ["old", "new"]);
      expect(await notifications.landedAt(where("s2"))).toEqual(new Set(["new"]));
      // A re-run of the same push finds the same.
      await push("s2", ["old", "new"]);
      expect(await notifications.landedAt(where("s2"))).toEqual(new Set(["new"]));
      await push("s3", ["old"]);
      expect(await notifications.landedAt(where("s2"))).toEqual(new Set());
    });
  });

  describe("backlog issues", () => {
    it("remembers each issue's rule, state and fingerprints, updated in place", async () => {
      const { backlog } = current();
      const record = {
        repo: "Octo/App",
        issueNumber: 12,
        tool: "semgrep",
        rule: "js.xss",
        state: "open" as const,
        fingerprints: ["f1", "f2"],
        updatedAt: T0,
      };
      await backlog.save(record);
      await backlog.save({ ...record, issueNumber: 13, rule: "js.sqli" });
      await backlog.save({ ...record, state: "dismissed", fingerprints: ["f1"], updatedAt: at(1) });
      expect(await backlog.list("octo/app")).toEqual([
        { ...record, repo: "octo/app", state: "dismissed", fingerprints: ["f1"], updatedAt: at(1) },
        { ...record, repo: "octo/app", issueNumber: 13, rule: "js.sqli" },
      ]);
      expect(await backlog.list("octo/other")).toEqual([]);
    });
  });
}
