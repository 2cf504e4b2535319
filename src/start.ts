import type { Logger } from "pino";
import { Probot, Server } from "probot";
import { guardrail } from "./app.js";
import type { AppDeps } from "./app-deps.js";
import { githubBaseUrl, type Env } from "./env.js";
import { BlobCache } from "./github/blob-cache.js";
import { enrichmentFromEnv } from "./enrichment/enrichment-from-env.js";
import { createOctokitClass } from "./github/octokit.js";
import { consoleConfig } from "./console/console-config.js";
import { createConsoleHandler } from "./console/console-routes.js";
import { createRoutes } from "./http/routes.js";
import { createJobRunner } from "./jobs/run-job.js";
import { scheduleMaintenance } from "./maintenance.js";
import { createMetrics } from "./metrics/metrics.js";
import { scheduleChatDrain } from "./notify/schedule-drain.js";
import { refreshGauges } from "./metrics/refresh-gauges.js";
import { createQueue } from "./queue/create-queue.js";
import { prepareSarifValidator } from "./sarif/schema-validator.js";
import { openStore } from "./store/open-store.js";

export interface RunningGuardrail {
  server: Server;
  deps: AppDeps;
  /** Stop taking work, finish or hand back running jobs, close the store. */
  stop(): Promise<void>;
}

export async function startGuardrail(env: Env, log: Logger): Promise<RunningGuardrail> {
  prepareSarifValidator();
  const metrics = createMetrics({ repoLabel: env.GUARDRAIL_METRICS_REPO_LABEL });
  const store = await openStore(env.DATABASE_URL, { log });
  const queue = await createQueue({ store, databaseUrl: env.DATABASE_URL, env, log });
  const deps: AppDeps = {
    store,
    queue,
    metrics,
    blobCache: new BlobCache(),
    enrichment: enrichmentFromEnv(env),
    artifactLimits: env.artifactLimits,
    chatWebhooks: {
      slack: env.GUARDRAIL_SLACK_WEBHOOK_URL,
      teams: env.GUARDRAIL_TEAMS_WEBHOOK_URL,
    },
  };
  let stopping = false;

  const server = new Server({
    Probot: Probot.defaults({
      appId: env.APP_ID,
      privateKey: env.PRIVATE_KEY,
      secret: env.WEBHOOK_SECRET,
      baseUrl: githubBaseUrl(env),
      log,
      Octokit: createOctokitClass({ metrics }),
    }),
    port: env.PORT,
    host: env.HOST,
    // Probot forwards a smee.io channel here when smee-client is installed (a dev dependency).
    webhookProxy: env.WEBHOOK_PROXY_URL,
    log,
    enableStaticFiles: false,
  });
  let app: Probot | undefined;
  await server.load((probot) => {
    app = probot;
    return guardrail(deps)(probot, { cwd: process.cwd(), addHandler: () => undefined });
  });
  server.addHandler(
    createRoutes({
      registry: metrics.registry,
      isStopping: () => stopping,
      checks: { store: () => store.ping(), queue: () => queue.ping() },
      beforeScrape: () => refreshGauges(deps),
    }),
  );
  const consoleSettings = consoleConfig(env);
  if (consoleSettings) {
    server.addHandler(createConsoleHandler({ config: consoleSettings, store, log }));
  }
  await server.start();
  if (!app) throw new Error("Probot did not load the app");
  await queue.start(createJobRunner(app, deps));
  const stopMaintenance = scheduleMaintenance(store, log);
  const stopChatDrain = scheduleChatDrain(deps, log);

  return {
    server,
    deps,
    async stop() {
      stopping = true;
      stopMaintenance();
      stopChatDrain();
      await server.stop();
      await queue.stop();
      await store.close();
    },
  };
}
