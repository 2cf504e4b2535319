import nock from "nock";
import { pino } from "pino";
import { Probot } from "probot";
import { guardrail } from "../../src/app.js";
import type { AppDeps } from "../../src/app-deps.js";
import { artifactLimitsFromEnv } from "../../src/artifacts/limits.js";
import { BlobCache } from "../../src/github/blob-cache.js";
import { enrichmentFromEnv } from "../../src/enrichment/enrichment-from-env.js";
import { createOctokitClass } from "../../src/github/octokit.js";
import { createJobRunner } from "../../src/jobs/run-job.js";
import { createMetrics } from "../../src/metrics/metrics.js";
import { createEmbeddedQueue } from "../../src/queue/embedded-queue.js";
import type { JobQueue, JobRunner } from "../../src/queue/queue.js";
import { openStore } from "../../src/store/open-store.js";
import { testPrivateKey } from "./private-key.js";

export { testPrivateKey };
import type { Store } from "../../src/store/store.js";

export const API = "https://api.github.com";
export const APP_ID = 4242;
export const APP_SLUG = "guardrail";
export const INSTALLATION_ID = 77;
export const WEBHOOK_SECRET = "test-secret";

export interface TestApp {
  probot: Probot;
  runner: JobRunner;
  deps: AppDeps;
  store: Store;
  queue: JobQueue;
  /** Runs every queued job in-process, as the workers would. */
  runJobs(): Promise<number>;
  close(): Promise<void>;
}

/** A Probot instance with Guardrail loaded, an in-memory store, and retry/throttle off. */
export interface TestAppOptions {
  store?: Store;
  /** Octokit's retry and throttling plugins, off unless a test is about them. */
  retry?: boolean;
  throttle?: boolean;
  maxAttempts?: number;
  /** Another queue than the embedded one (the pg-boss tests). */
  queue?: (store: Store) => Promise<JobQueue>;
  /** Chat webhook URLs (local fakes), as GUARDRAIL_SLACK/TEAMS_WEBHOOK_URL set them. */
  chatWebhooks?: AppDeps["chatWebhooks"];
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const store = options.store ?? (await openStore("sqlite::memory:"));
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const metrics = createMetrics({ defaultMetrics: false });
  // Retries are due at once, so draining the queue runs them.
  const queue = options.queue
    ? await options.queue(store)
    : createEmbeddedQueue(store, {
        workers: 1,
        maxAttempts: options.maxAttempts ?? 3,
        log,
        retryDelayMs: () => 0,
      });
  const deps: AppDeps = {
    store,
    queue,
    metrics,
    blobCache: new BlobCache(),
    // GUARDRAIL_KEV_FILE / GUARDRAIL_EPSS_FILE as a test sets them; fetches meet nock.
    enrichment: enrichmentFromEnv({
      GUARDRAIL_KEV_FILE: process.env.GUARDRAIL_KEV_FILE,
      GUARDRAIL_EPSS_FILE: process.env.GUARDRAIL_EPSS_FILE,
    }),
    // Read once, as start-up does; a test sets the variables before creating the app.
    artifactLimits: artifactLimitsFromEnv(process.env),
    ...(options.chatWebhooks ? { chatWebhooks: options.chatWebhooks } : {}),
  };
  const probot = new Probot({
    appId: APP_ID,
    privateKey: testPrivateKey(),
    secret: WEBHOOK_SECRET,
    log,
    Octokit: createOctokitClass({
      metrics,
      retry: options.retry ?? false,
      throttle: options.throttle ?? false,
    }),
  });
  await probot.load(guardrail(deps));
  const runner = createJobRunner(probot, deps);
  return {
    probot,
    runner,
    deps,
    store,
    queue,
    runJobs: () => queue.drain(runner),
    close: () => store.close(),
  };
}

/** The requests every job makes first: an installation token and the App's own slug. */
export function mockAppAuth(): void {
  nock(API)
    .post(`/app/installations/${INSTALLATION_ID}/access_tokens`)
    .reply(201, {
      token: "ghs_test",
      expires_at: "2099-01-01T00:00:00Z",
      permissions: {},
      repository_selection: "all",
    })
    .persist();
  nock(API).get("/app").reply(200, { id: APP_ID, slug: APP_SLUG, name: "Guardrail" }).persist();
}
