import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { testPrivateKey } from "../helpers/private-key.js";

const SERVER = join(process.cwd(), "dist/server.js");
const emptyDir = mkdtempSync(join(tmpdir(), "guardrail-start-"));
afterAll(() => rmSync(emptyDir, { recursive: true, force: true }));

function start(env: Record<string, string>, cwd = emptyDir) {
  return spawnSync(process.execPath, [SERVER], {
    env: { PATH: process.env.PATH ?? "", ...env },
    cwd,
    encoding: "utf8",
    timeout: 15_000,
  });
}

describe("npm start with a bad environment", () => {
  it.each([
    [
      "no APP_ID in production",
      { NODE_ENV: "production", PRIVATE_KEY: testPrivateKey(), WEBHOOK_SECRET: "s" },
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

  it("reads ./.env, and the real environment wins over it", () => {
    const dir = mkdtempSync(join(emptyDir, "dotenv-"));
    writeFileSync(join(dir, ".env"), `APP_ID=1\nWEBHOOK_SECRET=s\nPORT=eighty\nPRIVATE_KEY=nope\n`);
    const fromFile = start({}, dir);
    expect(fromFile.stderr.trim()).toMatch(/^guardrail: PORT /);
    const overridden = start({ PORT: "0" }, dir);
    expect(overridden.stderr.trim()).toMatch(/^guardrail: PRIVATE_KEY is not a PEM private key/);
  });
});

describe("npm start without APP_ID outside production", () => {
  it("starts Probot's setup (manifest) flow with app.yml instead of exiting", async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const dir = mkdtempSync(join(emptyDir, "setup-"));
    copyFileSync("app.yml", join(dir, "app.yml"));
    const child = spawn(process.execPath, [SERVER], {
      env: { PATH: process.env.PATH ?? "", PORT: String(port), HOST: "127.0.0.1" },
      cwd: dir,
      stdio: "ignore",
    });
    try {
      const deadline = Date.now() + 15_000;
      let page: Response | undefined;
      while (page === undefined && Date.now() < deadline) {
        page = await fetch(`http://127.0.0.1:${port}/probot`).catch(() => undefined);
        if (page === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(page?.status).toBe(200);
      const html = await page!.text();
      expect(html).toContain("Register GitHub App");
      expect(html).toContain("check_run");
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill("SIGKILL");
    }
  });
});
