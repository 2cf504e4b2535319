import type { Logger } from "pino";
import type { Env } from "../env.js";
import type { Store } from "../store/store.js";
import { createEmbeddedQueue } from "./embedded-queue.js";
import { createPgBossQueue } from "./pg-boss-queue.js";
import type { JobQueue } from "./queue.js";

/** PostgreSQL → pg-boss, shared by every instance; otherwise the embedded queue in SQLite. */
export async function createQueue(input: {
  store: Store;
  databaseUrl: string | undefined;
  env: Pick<Env, "GUARDRAIL_WORKERS" | "GUARDRAIL_JOB_ATTEMPTS" | "GUARDRAIL_JOB_LEASE_SECONDS">;
  log: Logger;
}): Promise<JobQueue> {
  const { store, databaseUrl, env, log } = input;
  const options = {
    workers: env.GUARDRAIL_WORKERS,
    maxAttempts: env.GUARDRAIL_JOB_ATTEMPTS,
    log: log.child({ name: "queue" }),
  };
  const leaseSeconds = env.GUARDRAIL_JOB_LEASE_SECONDS;
  if (store.kind === "postgres" && databaseUrl) {
    // pg-boss expires an active job whose process died after this long and retries it.
    return createPgBossQueue({
      ...options,
      deliveries: store.deliveries,
      connectionString: databaseUrl,
      expireInSeconds: Math.max(30, leaseSeconds * 10),
    });
  }
  // SQLite is one process's file: whatever is active at start-up was left by a dead process.
  // Elsewhere other instances may be running their jobs, so only the lease tells.
  return createEmbeddedQueue(store, {
    ...options,
    leaseMs: leaseSeconds * 1000,
    takeOverOnStart: store.kind === "sqlite",
  });
}
