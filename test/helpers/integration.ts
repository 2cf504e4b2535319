import { afterAll, afterEach, beforeAll, beforeEach, expect } from "@jest/globals";
import nock from "nock";
import { workflowRunCompleted, type RunOptions } from "./payloads.js";
import { createTestApp, mockAppAuth, type TestApp, type TestAppOptions } from "./test-app.js";

/**
 * Per-test Guardrail with nock: no real network, token and slug mocked, and every test must use
 * every mock it set up (a request Guardrail should have made but did not fails the test).
 */
export function useTestApp(options: TestAppOptions & { auth?: boolean } = {}): {
  readonly app: TestApp;
} {
  const holder = {} as { app: TestApp };
  beforeAll(() => nock.disableNetConnect());
  afterAll(() => nock.enableNetConnect());
  beforeEach(async () => {
    holder.app = await createTestApp(options);
    if (options.auth ?? true) mockAppAuth();
  });
  afterEach(async () => {
    const pending = nock
      .pendingMocks()
      .filter((m) => !m.includes("/access_tokens") && !m.endsWith("/app"));
    nock.cleanAll();
    await holder.app.close();
    expect(pending).toEqual([]);
  });
  return holder;
}

export async function deliverRun(
  app: TestApp,
  options: RunOptions = {},
  id = `delivery-${Math.random()}`,
): Promise<void> {
  await app.probot.receive({
    id,
    name: "workflow_run",
    payload: workflowRunCompleted(options) as never,
  });
}

/** The default branch has a baseline in which the semgrep findings of the test are absent (so new). */
export async function emptyBaseline(app: TestApp): Promise<void> {
  await app.store.baselines.record({
    repo: "acme/shop",
    branch: "main",
    sha: "c".repeat(40),
    tools: ["semgrep"],
    fingerprints: [],
    at: new Date(),
  });
}
