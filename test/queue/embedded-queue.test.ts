import { afterEach, describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import { createEmbeddedQueue } from "../../src/queue/embedded-queue.js";
import type { RunningJob } from "../../src/queue/queue.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { analysis, runIdsOf, sleep } from "./jobs.js";

const log = pino({ level: "silent" });
let store: Store;
afterEach(async () => store.close());

async function queue(pollMs = 20) {
  store = await openStore("sqlite::memory:");
  return createEmbeddedQueue(store, { workers: 1, maxAttempts: 3, log, pollMs });
}

describe("embedded queue: delayed jobs", () => {
  it("runs a job enqueued with startAfter only once it is due", async () => {
    const q = await queue();
    const ran: RunningJob[] = [];
    const run = (job: RunningJob) => Promise.resolve(void ran.push(job));
    await q.enqueue(analysis(1), { startAfter: new Date(Date.now() + 300) });
    await q.enqueue(analysis(2, "feature"));
    expect(await q.drain(run)).toBe(1);
    expect(runIdsOf(ran)).toEqual([2]);
    await sleep(320);
    expect(await q.drain(run)).toBe(1);
    expect(runIdsOf(ran)).toEqual([2, 1]);
  });

  it("treats a startAfter in the past as due at once", async () => {
    const q = await queue();
    await q.enqueue(analysis(1), { startAfter: new Date(Date.now() - 60_000) });
    expect(await q.drain(() => Promise.resolve())).toBe(1);
  });

  it("lets running workers pick up a delayed job when it falls due", async () => {
    const q = await queue();
    const done: number[] = [];
    const startedAt = Date.now();
    await q.start(() => Promise.resolve(void done.push(Date.now() - startedAt)));
    await q.enqueue(analysis(1), { startAfter: new Date(startedAt + 200) });
    while (done.length === 0 && Date.now() - startedAt < 3_000) await sleep(10);
    await q.stop();
    expect(done).toHaveLength(1);
    expect(done[0]).toBeGreaterThanOrEqual(200);
  });

  it("supersedes a queued job with the same key: newer payload, newer start time", async () => {
    const q = await queue();
    const ran: RunningJob[] = [];
    const run = (job: RunningJob) => Promise.resolve(void ran.push(job));
    await q.enqueue(analysis(1), { startAfter: new Date(Date.now() + 60_000) });
    await q.enqueue(analysis(2));
    expect(await q.drain(run)).toBe(1);
    expect(runIdsOf(ran)).toEqual([2]);

    await q.enqueue(analysis(3));
    await q.enqueue(analysis(4), { startAfter: new Date(Date.now() + 60_000) });
    expect(await q.drain(run)).toBe(0);
    expect(await q.counts()).toMatchObject({ queued: 1 });
  });
});

describe("embedded queue: start-up after a crash", () => {
  async function leftActive() {
    const q = await queue();
    await q.enqueue(analysis(1));
    // A process that died mid-job: claimed with the default one-minute lease, never finished.
    await store.jobs.claim("dead-process", 60_000, new Date());
    return q;
  }

  async function ranWithin(
    takeOverOnStart: boolean,
    ms: number,
  ): Promise<{ ran: RunningJob[]; store: Store }> {
    await leftActive();
    const q = createEmbeddedQueue(store, {
      workers: 1,
      maxAttempts: 3,
      log,
      pollMs: 20,
      takeOverOnStart,
    });
    const ran: RunningJob[] = [];
    await q.start((job) => Promise.resolve(void ran.push(job)));
    await sleep(ms);
    await q.stop();
    return { ran, store };
  }

  it("takes over a job left active by a dead process at once when it is the only worker", async () => {
    const { ran } = await ranWithin(true, 300);
    expect(ran).toMatchObject([{ attempt: 2, job: { runId: 1 } }]);
    expect(await store.jobs.counts()).toMatchObject({ active: 0, completed: 1 });
  });

  it("waits for the lease otherwise (other instances may be running it)", async () => {
    const { ran } = await ranWithin(false, 300);
    expect(ran).toEqual([]);
    expect(await store.jobs.counts()).toMatchObject({ active: 1 });
  });
});
