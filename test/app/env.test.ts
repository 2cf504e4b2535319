import { describe, expect, it } from "@jest/globals";
import { githubBaseUrl, readEnv } from "../../src/env.js";
import { testPrivateKey } from "../helpers/private-key.js";

const valid = () => ({ APP_ID: "123", PRIVATE_KEY: testPrivateKey(), WEBHOOK_SECRET: "s" });

describe("readEnv", () => {
  it("accepts a complete environment and applies defaults", () => {
    const env = readEnv(valid(), "/nonexistent");
    expect(env).toMatchObject({
      APP_ID: "123",
      PORT: 3000,
      LOG_LEVEL: "info",
      GHE_PROTOCOL: "https",
      GUARDRAIL_WORKERS: 2,
      GUARDRAIL_ENRICHMENT_REFRESH: "24h",
    });
    expect(env.PRIVATE_KEY).toContain("BEGIN RSA PRIVATE KEY");
  });

  it("accepts any http(s) chat webhook URL, a local relay included", () => {
    const env = readEnv(
      {
        ...valid(),
        GUARDRAIL_SLACK_WEBHOOK_URL: "http://127.0.0.1:8099/slack",
        GUARDRAIL_TEAMS_WEBHOOK_URL: "https://prod-1.westeurope.logic.azure.com/workflows/x",
      },
      "/nonexistent",
    );
    expect(env.GUARDRAIL_SLACK_WEBHOOK_URL).toBe("http://127.0.0.1:8099/slack");
    expect(env.GUARDRAIL_TEAMS_WEBHOOK_URL).toContain("logic.azure.com");
  });

  it("accepts a private key with escaped newlines or base64", () => {
    const key = testPrivateKey();
    expect(
      readEnv({ ...valid(), PRIVATE_KEY: key.replace(/\n/g, "\\n") }, "/nonexistent").PRIVATE_KEY,
    ).toContain("\n");
    expect(
      readEnv({ ...valid(), PRIVATE_KEY: Buffer.from(key).toString("base64") }, "/nonexistent")
        .PRIVATE_KEY,
    ).toBe(key);
  });

  it.each([
    ["APP_ID missing", { APP_ID: undefined }, /^APP_ID is required/],
    ["APP_ID not a number", { APP_ID: "guardrail" }, /^APP_ID must be the numeric App ID/],
    ["WEBHOOK_SECRET missing", { WEBHOOK_SECRET: undefined }, /^WEBHOOK_SECRET is required/],
    ["WEBHOOK_SECRET empty", { WEBHOOK_SECRET: "" }, /^WEBHOOK_SECRET is required/],
    ["PORT not a port", { PORT: "http" }, /^PORT /],
    ["LOG_LEVEL unknown", { LOG_LEVEL: "loud" }, /^LOG_LEVEL /],
    [
      "DATABASE_URL unsupported",
      { DATABASE_URL: "mysql://x" },
      /^DATABASE_URL must start with sqlite:, file:, postgres:\/\/ or postgresql:\/\//,
    ],
    [
      "artifact limit not a number",
      { GUARDRAIL_ARTIFACT_MAX_ENTRIES: "many" },
      /^GUARDRAIL_ARTIFACT_MAX_ENTRIES must be a positive integer/,
    ],
    [
      "private key missing",
      { PRIVATE_KEY: undefined },
      /^PRIVATE_KEY or PRIVATE_KEY_PATH is required/,
    ],
    ["private key not PEM", { PRIVATE_KEY: "not a key" }, /^PRIVATE_KEY is not a PEM private key/],
    [
      "Slack webhook not http(s)",
      { GUARDRAIL_SLACK_WEBHOOK_URL: "ftp://hooks.example/x" },
      /^GUARDRAIL_SLACK_WEBHOOK_URL must be an http\(s\) URL/,
    ],
    [
      "Teams webhook not a URL",
      { GUARDRAIL_TEAMS_WEBHOOK_URL: "prod-teams" },
      /^GUARDRAIL_TEAMS_WEBHOOK_URL must be an http\(s\) URL/,
    ],
    [
      "enrichment refresh not a duration",
      { GUARDRAIL_ENRICHMENT_REFRESH: "daily" },
      /^GUARDRAIL_ENRICHMENT_REFRESH must be a duration like "24h", "90m" or "7d"/,
    ],
    [
      "private key path missing",
      { PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: "/nope.pem" },
      /^PRIVATE_KEY_PATH does not point to a readable/,
    ],
  ])("%s → one clear line", (_name, override, message) => {
    const env = { ...valid(), ...override } as NodeJS.ProcessEnv;
    expect(() => readEnv(env, "/nonexistent")).toThrow(message);
    try {
      readEnv(env, "/nonexistent");
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
    }
  });
});

describe("githubBaseUrl", () => {
  it.each([
    [{ GHE_PROTOCOL: "https" as const }, undefined],
    [
      { GHE_HOST: "github.example.com", GHE_PROTOCOL: "https" as const },
      "https://github.example.com/api/v3",
    ],
    [
      { GHE_HOST: "127.0.0.1:8080/api/v3", GHE_PROTOCOL: "http" as const },
      "http://127.0.0.1:8080/api/v3",
    ],
  ])("%j → %s", (env, url) => {
    expect(githubBaseUrl(env)).toBe(url);
  });
});
