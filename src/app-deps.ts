import type { ArtifactLimits } from "./artifacts/limits.js";
import type { EnrichmentSource } from "./enrichment/enrichment-source.js";
import type { BlobCache } from "./github/blob-cache.js";
import type { Metrics } from "./metrics/metrics.js";
import type { JobQueue } from "./queue/queue.js";
import type { Store } from "./store/store.js";

/** What the webhook handlers and jobs share; built once per process in src/server.ts. */
export interface AppDeps {
  store: Store;
  queue: JobQueue;
  metrics: Metrics;
  /** File contents by blob SHA, shared by every job of the process. */
  blobCache: BlobCache;
  /** KEV / EPSS data, cached for the process (GUARDRAIL_ENRICHMENT_REFRESH). */
  enrichment: EnrichmentSource;
  /** Bounds on untrusted artifact zips, read from the environment once at start-up. */
  artifactLimits: ArtifactLimits;
  /** Chat webhook URLs (GUARDRAIL_SLACK_WEBHOOK_URL / _TEAMS_); none: no chat notifications. */
  chatWebhooks?: { slack?: string | undefined; teams?: string | undefined };
}
