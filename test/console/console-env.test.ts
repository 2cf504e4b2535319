import { describe, expect, it } from "@jest/globals";
import { consoleConfig } from "../../src/console/console-config.js";
import { readEnv } from "../../src/env.js";
import { testPrivateKey } from "../helpers/private-key.js";

const base = { APP_ID: "1", PRIVATE_KEY: testPrivateKey(), WEBHOOK_SECRET: "s" };
const full = {
  ...base,
  GITHUB_CLIENT_ID: "Iv1.abc",
  GITHUB_CLIENT_SECRET: "shh",
  GUARDRAIL_SESSION_SECRET: "x".repeat(32),
  GUARDRAIL_PUBLIC_URL: "https://guardrail.example.com/",
};

describe("console settings", () => {
  it("is off without a session secret, even when Probot's setup wrote the OAuth credentials", () => {
    expect(consoleConfig(readEnv(base, "/nonexistent"))).toBeUndefined();
    const withoutSecret = { ...full, GUARDRAIL_SESSION_SECRET: undefined };
    expect(consoleConfig(readEnv(withoutSecret, "/nonexistent"))).toBeUndefined();
  });

  it("is on with every setting: Secure cookies off loopback, GHE_HOST for GitHub", () => {
    const config = consoleConfig(readEnv({ ...full, GHE_HOST: "ghe.example.com" }, "/nonexistent"));
    expect(config).toMatchObject({
      publicUrl: "https://guardrail.example.com",
      apiBaseUrl: "https://ghe.example.com/api/v3",
      secureCookies: true,
    });
    const local = { ...full, GUARDRAIL_PUBLIC_URL: "http://127.0.0.1:3000" };
    expect(consoleConfig(readEnv(local, "/nonexistent"))?.secureCookies).toBe(false);
  });

  it.each([
    [
      { GITHUB_CLIENT_ID: undefined },
      "GITHUB_CLIENT_ID is required when GUARDRAIL_SESSION_SECRET is set",
    ],
    [{ GITHUB_CLIENT_SECRET: undefined }, "GITHUB_CLIENT_SECRET is required"],
    [{ GUARDRAIL_PUBLIC_URL: undefined }, "GUARDRAIL_PUBLIC_URL is required"],
    [{ GUARDRAIL_PUBLIC_URL: "not a url" }, "GUARDRAIL_PUBLIC_URL must be the app's public URL"],
    [
      { GUARDRAIL_SESSION_SECRET: "short" },
      "GUARDRAIL_SESSION_SECRET must be at least 32 characters",
    ],
  ])("names the setting that is missing or wrong: %j", (change, message) => {
    expect(() => readEnv({ ...full, ...change }, "/nonexistent")).toThrow(message);
  });
});
