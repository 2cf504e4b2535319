import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import PgBoss from "pg-boss";
import { pino } from "pino";
import { createPgBossQueue } from "../../src/queue/pg-boss-queue.js";
import type { JobQueue, RunningJob } from "../../src/queue/queue.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { freshSchema, postgresReachable } from "../helpers/postgres.js";
import { analysis, runIdsOf, sleep } from "./jobs.js";

const reachable = await postgresReachable();
const describePostgres = reachable ? describe : describe.skip;
if (!reachable) process.stderr.write("pg-boss queue tests skipped: PostgreSQL is not reachable\n");

describePostgres("pg-boss queue", () => {
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  let bossSchema: string;
  let queue: JobQueue;
  let store: Store;
  const ran: RunningJob[] = [];
  const run = (job: RunningJob) => Promise.resolve(void ran.push(job));

  beforeAll(async () => {
    schema = await freshSchema();
    bossSchema = `${schema.name}_boss`;
    // A queue made by an older release (standard policy): start-up must bring it up to date.
    const old = new PgBoss({ connectionString: schema.url, schema: bossSchema });
    await old.start();
    await old.createQueue("guardrail-jobs", { name: "guardrail-jobs" });
    await old.stop({ graceful: false, wait: true });
    store = await openStore(schema.url);
    queue = await createPgBossQueue({
      deliveries: store.deliveries,
      connectionString: schema.url,
      schema: bossSchema,
      workers: 1,
      maxAttempts: 3,
      log: pino({ level: "silent" }),
    });
  });
  afterAll(async () => {
    await queue.stop();
    await store.close();
    await schema.drop();
  });
  afterEach(async () => {
    await queue.drain(() => Promise.resolve());
    ran.length = 0;
  });

  it("runs a job enqueued with startAfter only once it is due", async () => {
    await queue.enqueue(analysis(1), { startAfter: new Date(Date.now() + 1_500) });
    await queue.enqueue(analysis(2, "feature"));
    expect(await queue.drain(run)).toBe(1);
    expect(runIdsOf(ran)).toEqual([2]);
    await sleep(1_600);
    expect(await queue.drain(run)).toBe(1);
    expect(runIdsOf(ran)).toEqual([2, 1]);
  });

  it("supersedes an older queued analysis of the same branch with the newer head", async () => {
    await queue.enqueue(analysis(10));
    await queue.enqueue(analysis(11));
    await queue.enqueue(analysis(20, "feature"));
    await queue.enqueue(analysis(12));
    expect(await queue.counts()).toEqual({ queued: 2 });
    expect(await queue.drain(run)).toBe(2);
    expect(runIdsOf(ran).sort()).toEqual([12, 20]);
  });

  it("supersedes a delayed job's payload and start time", async () => {
    await queue.enqueue(analysis(30), { startAfter: new Date(Date.now() + 60_000) });
    await queue.enqueue(analysis(31));
    expect(await queue.drain(run)).toBe(1);
    expect(runIdsOf(ran)).toEqual([31]);
  });

  it("keeps one queued job per key when many enqueue it at once", async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => queue.enqueue(analysis(40 + i))));
    expect(await queue.counts()).toEqual({ queued: 1 });
    expect(await queue.drain(run)).toBe(1);
  });
});
