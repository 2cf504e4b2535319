/**
 * Start-up: time from launching the server to `GET /healthz` 200, on a built checkout.
 * Before: what `npm start` did until now (a full `tsc` build, then the server). After: `npm start`
 * (the build is skipped when dist/ is newer than the sources), and `node dist/server.js` alone.
 * Run from a checkout whose dist/ is up to date (`npm run build` first).
 */
import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./guardrail-server.js";
import { fixed, median, printTable } from "./measure.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PRIVATE_KEY = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
  type: "pkcs1",
  format: "pem",
});

const CASES = [
  [
    "before: tsc build, then node dist/server.js",
    "sh",
    ["-c", "npm run build >/dev/null && node dist/server.js"],
  ],
  ["after: npm start", "npm", ["start", "--silent"]],
  ["node dist/server.js", process.execPath, ["dist/server.js"]],
];

async function readyMs(command, args) {
  const dir = mkdtempSync(join(tmpdir(), "guardrail-bench-start-"));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args, {
    env: {
      PATH: process.env.PATH,
      APP_ID: "4242",
      PRIVATE_KEY,
      WEBHOOK_SECRET: "s",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `sqlite:${join(dir, "guardrail.db")}`,
      LOG_LEVEL: "error",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - started;
      if (child.exitCode !== null) throw new Error(`${command} exited ${child.exitCode}`);
      if (performance.now() - started > 120_000) throw new Error(`${command}: not ready in 120 s`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    process.kill(-child.pid, "SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = [];
for (const [name, command, args] of CASES) {
  const times = [];
  for (let i = 0; i < RUNS; i += 1) times.push(await readyMs(command, args));
  results.push({ name, readyMs: median(times), times });
}
printTable(
  ["how", `ready (median of ${RUNS})`, "runs"],
  results.map((r) => [
    r.name,
    `${fixed(r.readyMs / 1000, 2)} s`,
    r.times.map((t) => fixed(t / 1000, 2)).join(", "),
  ]),
);
const after = results[1].readyMs;
console.log(
  `\nnpm start ready after ${fixed(after / 1000, 2)} s (target ≤ 3 s: ${after <= 3000 ? "met" : "MISSED"}); ` +
    `${fixed(results[0].readyMs / after, 1)}× faster than before`,
);
console.log(`\n${JSON.stringify({ results })}`);
