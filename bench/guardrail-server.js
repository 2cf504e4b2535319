/**
 * The real Guardrail server (dist/start.js, as `npm start` runs it) on a free loopback port, with a
 * throwaway SQLite store, configured through readEnv like production. Also a bare Probot app
 * that does nothing, for comparison.
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { Probot, Server } from "probot";
import { readEnv } from "../dist/env.js";
import { startGuardrail } from "../dist/start.js";

export const WEBHOOK_SECRET = "bench-secret";
export const WEBHOOK_PATH = "/api/github/webhooks";

/** A throwaway App key: Guardrail signs its App JWT with it; the fake never checks it. */
const PRIVATE_KEY = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
  type: "pkcs1",
  format: "pem",
});

export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function quietLog() {
  // Warnings and errors still reach stderr, so a benchmark that goes wrong says why.
  return pino({ level: process.env.BENCH_LOG_LEVEL ?? "error" }, pino.destination(2));
}

/** @param {{ gheHost: string }} options GHE_HOST of the (fake or unreachable) GitHub. */
export async function startBenchGuardrail({ gheHost }) {
  const dir = mkdtempSync(join(tmpdir(), "guardrail-bench-db-"));
  const port = await freePort();
  const env = readEnv({
    APP_ID: "4242",
    PRIVATE_KEY,
    WEBHOOK_SECRET,
    PORT: String(port),
    HOST: "127.0.0.1",
    GHE_HOST: gheHost,
    GHE_PROTOCOL: "http",
    DATABASE_URL: `sqlite:${join(dir, "guardrail.db")}`,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "error",
  });
  const running = await startGuardrail(env, quietLog());
  return {
    url: `http://127.0.0.1:${port}${WEBHOOK_PATH}`,
    running,
    async stop() {
      await running.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Probot's own server with an app that registers nothing: the floor for acknowledging a webhook. */
export async function startBareProbot() {
  const port = await freePort();
  const log = quietLog();
  const server = new Server({
    Probot: Probot.defaults({ appId: 4242, privateKey: PRIVATE_KEY, secret: WEBHOOK_SECRET, log }),
    port,
    host: "127.0.0.1",
    log,
    enableStaticFiles: false,
  });
  await server.load(() => undefined);
  await server.start();
  return { url: `http://127.0.0.1:${port}${WEBHOOK_PATH}`, stop: () => server.stop() };
}
