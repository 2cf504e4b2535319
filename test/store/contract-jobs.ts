import { describe, expect, it } from "@jest/globals";
import type { Store } from "../../src/store/open-store.js";

const T0 = new Date("2025-04-01T00:00:00Z");
const LEASE = 30_000;
const later = (ms: number) => new Date(T0.getTime() + ms);

export function jobsContract(current: () => Store): void {
  describe("jobs", () => {
    it("claims the oldest due job, marks it active and completes it", async () => {
      const { jobs } = current();
      const first = await jobs.enqueue({ name: "analyse", payload: { run: 1 }, runAfter: T0 });
      await jobs.enqueue({ name: "analyse", payload: { run: 2 }, runAfter: later(1) });
      await jobs.enqueue({ name: "analyse", payload: { run: 3 }, runAfter: later(60_000) });
      expect(first).toEqual({ id: expect.any(Number), created: true });

      const claimed = await jobs.claim("w1", LEASE, later(10));
      expect(claimed).toMatchObject({
        id: first.id,
        name: "analyse",
        payload: { run: 1 },
        state: "active",
        attempts: 1,
        maxAttempts: 5,
        lockedBy: "w1",
        lockedUntil: later(10 + LEASE),
      });
      expect((await jobs.claim("w2", LEASE, later(10)))?.payload).toEqual({ run: 2 });
      expect(await jobs.claim("w3", LEASE, later(10))).toBeNull();
      await jobs.complete(first.id);
      expect(await jobs.counts()).toEqual({ queued: 1, active: 1, completed: 1, failed: 0 });
    });

    it("replaces the payload of a queued job with the same singleton key", async () => {
      const { jobs } = current();
      const a = await jobs.enqueue({
        name: "analyse",
        payload: { head: "a" },
        singletonKey: "pr-1",
        runAfter: T0,
      });
      const b = await jobs.enqueue({
        name: "analyse",
        payload: { head: "b" },
        singletonKey: "pr-1",
        runAfter: T0,
      });
      expect(b).toEqual({ id: a.id, created: false });
      expect((await jobs.counts()).queued).toBe(1);

      // Once active, a newer one queues beside it but waits for it to finish.
      expect((await jobs.claim("w1", LEASE, T0))?.payload).toEqual({ head: "b" });
      const c = await jobs.enqueue({
        name: "analyse",
        payload: { head: "c" },
        singletonKey: "pr-1",
        runAfter: T0,
      });
      expect(c.created).toBe(true);
      const other = await jobs.enqueue({
        name: "analyse",
        payload: { head: "x" },
        singletonKey: "pr-2",
        runAfter: T0,
      });
      expect((await jobs.claim("w2", LEASE, later(1)))?.id).toBe(other.id);
      expect(await jobs.claim("w2", LEASE, later(1))).toBeNull();
      await jobs.complete(a.id);
      expect((await jobs.claim("w2", LEASE, later(2)))?.payload).toEqual({ head: "c" });
    });

    it("holds a delayed job until runAfter; a newer enqueue of its key moves it", async () => {
      const { jobs } = current();
      const delayed = await jobs.enqueue({
        name: "remind",
        payload: { n: 1 },
        singletonKey: "r",
        runAfter: later(60_000),
      });
      expect(await jobs.claim("w1", LEASE, later(59_999))).toBeNull();
      const moved = await jobs.enqueue({
        name: "remind",
        payload: { n: 2 },
        singletonKey: "r",
        runAfter: later(120_000),
      });
      expect(moved).toEqual({ id: delayed.id, created: false });
      expect(await jobs.claim("w1", LEASE, later(60_000))).toBeNull();
      expect(await jobs.claim("w1", LEASE, later(120_000))).toMatchObject({
        id: delayed.id,
        payload: { n: 2 },
      });
    });

    it("records deliveries and queues their jobs in one go (group commit)", async () => {
      const { jobs, deliveries } = current();
      const item = (id: string, key: string | null, head: string) => ({
        delivery: { id, event: "workflow_run" },
        job: { name: "analyse", payload: { head }, singletonKey: key, runAfter: T0 },
      });
      await jobs.enqueue({
        name: "analyse",
        payload: { head: "old" },
        singletonKey: "pr-1",
        runAfter: T0,
      });
      expect(await deliveries.recordDelivery("seen", "workflow_run")).toBe(true);
      const fresh = await jobs.enqueueForDeliveries(
        [
          item("d1", "pr-1", "a"),
          item("seen", "pr-2", "redelivered"),
          item("d2", null, "keyless"),
          item("d3", "pr-1", "b"),
          item("d1", "pr-3", "repeat of d1"),
        ],
        T0,
      );
      expect(fresh).toEqual([true, false, true, true, false]);
      expect(await jobs.enqueueForDeliveries([], T0)).toEqual([]);
      // pr-1's queued job now carries the newest head; nothing for the redelivery or the repeat.
      const payloads: unknown[] = [];
      for (
        let job = await jobs.claim("w", LEASE, T0);
        job;
        job = await jobs.claim("w", LEASE, T0)
      ) {
        payloads.push(job.payload);
      }
      expect(payloads).toEqual([{ head: "b" }, { head: "keyless" }]);
      expect(await deliveries.recordDelivery("d3", "workflow_run")).toBe(false);
    });

    it("reclaims a job whose lease expired, and heartbeats extend the lease", async () => {
      const { jobs } = current();
      const { id } = await jobs.enqueue({ name: "analyse", payload: null, runAfter: T0 });
      await jobs.claim("crashed", LEASE, T0);
      expect(await jobs.claim("w2", LEASE, later(LEASE - 1))).toBeNull();
      expect(await jobs.heartbeat(id, LEASE, later(LEASE - 1))).toBe(true);
      expect(await jobs.claim("w2", LEASE, later(LEASE + 1))).toBeNull();
      const reclaimed = await jobs.claim("w2", LEASE, later(2 * LEASE));
      expect(reclaimed).toMatchObject({ id, attempts: 2, lockedBy: "w2" });
      await jobs.complete(id);
      expect(await jobs.heartbeat(id, LEASE)).toBe(false);
    });

    it("expires every active lease at once for a sole worker starting up", async () => {
      const { jobs } = current();
      const left = await jobs.enqueue({ name: "analyse", payload: 1, runAfter: T0 });
      const spent = await jobs.enqueue({
        name: "analyse",
        payload: 2,
        runAfter: T0,
        maxAttempts: 1,
      });
      await jobs.enqueue({ name: "analyse", payload: 3, runAfter: later(60_000) });
      await jobs.claim("dead", LEASE, T0);
      await jobs.claim("dead", LEASE, T0);
      expect(await jobs.claim("new", LEASE, later(1))).toBeNull();
      expect(await jobs.expireLeases(later(1))).toBe(2);
      expect(await jobs.claim("new", LEASE, later(1))).toMatchObject({ id: left.id, attempts: 2 });
      // The one whose only attempt died with the process is given up, not run again.
      expect(await jobs.get(spent.id)).toMatchObject({ state: "failed" });
      expect(await jobs.claim("new", LEASE, later(2))).toBeNull();
    });

    it("gives up on a job whose worker keeps dying once attempts are used up", async () => {
      const { jobs } = current();
      const { id } = await jobs.enqueue({
        name: "analyse",
        payload: null,
        runAfter: T0,
        maxAttempts: 2,
      });
      await jobs.claim("w1", LEASE, T0);
      await jobs.claim("w2", LEASE, later(LEASE));
      expect(await jobs.claim("w3", LEASE, later(3 * LEASE))).toBeNull();
      expect(await jobs.get(id)).toMatchObject({
        state: "failed",
        attempts: 2,
        lastError: expect.stringMatching(/lease expired/),
      });
    });

    it("retries at retryAt until attempts are used up, then fails", async () => {
      const { jobs } = current();
      const { id } = await jobs.enqueue({
        name: "analyse",
        payload: null,
        runAfter: T0,
        maxAttempts: 2,
      });
      await jobs.claim("w1", LEASE, T0);
      await jobs.fail(id, "502 from GitHub", later(5_000));
      expect(await jobs.get(id)).toMatchObject({
        state: "queued",
        lastError: "502 from GitHub",
        lockedBy: null,
      });
      expect(await jobs.claim("w1", LEASE, later(4_999))).toBeNull();
      expect((await jobs.claim("w1", LEASE, later(5_000)))?.attempts).toBe(2);
      await jobs.fail(id, "502 again", later(10_000));
      expect(await jobs.get(id)).toMatchObject({ state: "failed", lastError: "502 again" });

      const permanent = await jobs.enqueue({ name: "analyse", payload: null, runAfter: T0 });
      await jobs.claim("w1", LEASE, T0);
      await jobs.fail(permanent.id, "invalid payload", null);
      expect((await jobs.get(permanent.id))?.state).toBe("failed");
      expect(await jobs.counts()).toEqual({ queued: 0, active: 0, completed: 0, failed: 2 });
    });

    it("releases a job without spending an attempt, unless a newer one supersedes it", async () => {
      const { jobs } = current();
      const { id } = await jobs.enqueue({
        name: "analyse",
        payload: 1,
        singletonKey: "k",
        runAfter: T0,
      });
      await jobs.claim("w1", LEASE, T0);
      await jobs.release(id);
      expect(await jobs.get(id)).toMatchObject({ state: "queued", attempts: 0, lockedBy: null });

      await jobs.claim("w1", LEASE, T0);
      const newer = await jobs.enqueue({
        name: "analyse",
        payload: 2,
        singletonKey: "k",
        runAfter: T0,
      });
      await jobs.release(id);
      expect(await jobs.get(id)).toMatchObject({
        state: "completed",
        lastError: expect.stringMatching(/superseded/),
      });
      expect((await jobs.claim("w1", LEASE, later(1)))?.id).toBe(newer.id);
    });

    it("never hands one job to two concurrent claimers", async () => {
      const { jobs } = current();
      for (let i = 0; i < 12; i += 1)
        await jobs.enqueue({ name: "analyse", payload: i, runAfter: T0 });
      await jobs.enqueue({ name: "analyse", payload: "s1", singletonKey: "same", runAfter: T0 });
      const claimed: number[] = [];
      await Promise.all(
        Array.from({ length: 6 }, async (_, worker) => {
          for (;;) {
            const job = await jobs.claim(`w${worker}`, LEASE, later(1));
            if (job === null) return;
            claimed.push(job.id);
          }
        }),
      );
      expect(claimed).toHaveLength(13);
      expect(new Set(claimed).size).toBe(13);
    });

    it("prunes finished jobs older than the cut-off", async () => {
      const { jobs } = current();
      const done = await jobs.enqueue({ name: "a", payload: null, runAfter: T0 });
      const failed = await jobs.enqueue({ name: "a", payload: null, runAfter: T0 });
      await jobs.enqueue({ name: "a", payload: null, runAfter: later(1_000) });
      await jobs.claim("w", LEASE, T0);
      await jobs.claim("w", LEASE, T0);
      await jobs.complete(done.id, T0);
      await jobs.fail(failed.id, "boom", null, later(2_000));
      expect(await jobs.prune(later(1_000))).toBe(1);
      expect(await jobs.get(done.id)).toBeNull();
      expect(await jobs.counts()).toEqual({ queued: 1, active: 0, completed: 0, failed: 1 });
    });
  });
}
