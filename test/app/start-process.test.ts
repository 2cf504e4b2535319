import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { testPrivateKey } from "../helpers/private-key.js";

const SERVER = join(process.cwd(), "dist/server.js");

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, [SERVER], {
    env: { PATH: process.env.PATH ?? "", ...env },
    encoding: "utf8",
    timeout: 15_000,
  });
}

describe("npm start with a bad environment", () => {
  it.each([
    [
      "no APP_ID",
      { PRIVATE_KEY: testPrivateKey(), WEBHOOK_SECRET: "s" },
      "guardrail: APP_ID is required (the GitHub App's numeric ID)",
    ],
    [
      "a malformed PORT",
      { APP_ID: "1", PRIVATE_KEY: testPrivateKey(), WEBHOOK_SECRET: "s", PORT: "eighty" },
      "guardrail: PORT ",
    ],
    [
      "a key that is not PEM",
      { APP_ID: "1", PRIVATE_KEY: "nope", WEBHOOK_SECRET: "s" },
      "guardrail: PRIVATE_KEY is not a PEM private key",
    ],
  ])("exits 1 with one clear line: %s", (_name, env, line) => {
    const result = start(env);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(line);
  });
});
