import { EnvError, readEnv } from "./env.js";
import { loadDotEnv } from "./load-dotenv.js";
import { createLogger } from "./logger.js";
import { startSetupFlow, wantsSetup } from "./setup-flow.js";
import { startGuardrail } from "./start.js";

/** `npm start`: validate the environment, start the server and the workers, stop gracefully. */
async function main(): Promise<void> {
  loadDotEnv();
  if (wantsSetup(process.env)) return startSetupFlow();
  let env;
  try {
    env = readEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(`guardrail: ${error.message}\n`);
    process.exit(1);
  }
  const log = await createLogger({ level: env.LOG_LEVEL, format: env.LOG_FORMAT });
  const guardrail = await startGuardrail(env, log);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: no new work; running jobs finish or are handed back");
    guardrail.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `guardrail: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
