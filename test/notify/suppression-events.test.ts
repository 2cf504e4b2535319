import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import type { Notifier } from "../../src/notify/notifier.js";
import { notifyExpiring } from "../../src/notify/notify-suppression.js";
import { suppressionEvent } from "../../src/notify/suppression-events.js";
import { eventKey } from "../../src/notify/notify-event.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { finding } from "../policy/finding-factory.js";

const log = pino({ level: "silent" });
const NOW = new Date("2026-03-01T10:00:00Z");
const day = 86_400_000;
let store: Store;
let notifier: Notifier;
beforeEach(async () => {
  store = await openStore("sqlite::memory:");
  notifier = {
    store: store.notifications,
    channels: [{ name: "slack", send: () => Promise.resolve({ status: "sent" }) }],
    wake: () => Promise.resolve(),
  };
});
afterEach(() => store.close());

async function suppress(source: string, expiresInDays: number | null) {
  return store.suppressions.create({
    repo: "acme/shop",
    scope: { kind: "finding", fingerprint: source },
    reason: "accepted-risk",
    justification: "<!channel> fixed upstream",
    author: "alice",
    createdAt: NOW,
    expiresAt: expiresInDays === null ? null : new Date(NOW.getTime() + expiresInDays * day),
    source: `https://github.com/acme/shop/pull/7#issuecomment-${source}`,
    findingId: "GR-12345678",
    actor: "alice",
    commentUrl: null,
  });
}

describe("suppression events", () => {
  it("names the finding, the scope and who asked; keyed once per suppression and kind", async () => {
    const s = await suppress("1", 30);
    const event = suppressionEvent({
      kind: "suppression_request",
      suppression: s,
      finding: finding({ severity: "high" }),
      actor: "alice",
      repoUrl: "https://github.com/acme/shop",
      sha: "a".repeat(40),
      pullRequest: { number: 7, url: "https://github.com/acme/shop/pull/7" },
    });
    expect(event).toMatchObject({
      severity: "high",
      rule: "CVE-2021-44228/log4j-core",
      context: "this finding, requested by alice",
      message: "accepted-risk: <!channel> fixed upstream",
    });
    expect(event.links.map((l) => l.label)).toEqual(["pom.xml:12", "PR #7", "comment"]);
    expect(eventKey(event)).toBe(`suppression_request:acme/shop:suppression-${s.id}`);
  });

  it("queues `expiring` once per suppression ending within 7 days, however often it is checked", async () => {
    await suppress("1", 3);
    await suppress("2", 30);
    await suppress("3", null);
    const config = { notify: { on: ["expiring" as const], min_severity: "high" as const } };
    await notifyExpiring({ notifier, log }, config, "acme/shop", NOW);
    await notifyExpiring({ notifier, log }, config, "acme/shop", new Date(NOW.getTime() + day));
    const pending = await store.notifications.pending("slack", NOW);
    expect(pending.map((p) => p.event)).toEqual(["expiring"]);
    // Not asked for: nothing is queued.
    await suppress("4", 2);
    await notifyExpiring(
      { notifier, log },
      { notify: { ...config.notify, on: [] } },
      "acme/shop",
      NOW,
    );
    expect(await store.notifications.pending("slack", NOW)).toHaveLength(1);
  });
});
