import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import type { ChatChannel } from "../../src/notify/chat-channel.js";
import { drainOutbox } from "../../src/notify/drain-outbox.js";
import type { NotifyEvent } from "../../src/notify/notify-event.js";
import type { Notifier } from "../../src/notify/notifier.js";
import { queueNotifications } from "../../src/notify/queue-notifications.js";
import { slackChannel } from "../../src/notify/slack-channel.js";
import { teamsChannel } from "../../src/notify/teams-channel.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { fakeClock, startFakeChat, type FakeChat } from "./fake-chat.js";

const log = pino({ level: "silent" });
const config = { notify: { on: ["escape" as const], min_severity: "high" as const } };
const dir = mkdtempSync(join(tmpdir(), "guardrail-notify-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function escape(subject: string, repo = "acme/shop"): NotifyEvent {
  return {
    kind: "escape",
    repo,
    subject,
    severity: "critical",
    rule: "js.sqli",
    tool: "Semgrep",
    message: `<!channel> injection ${subject}`,
    links: [],
  };
}

describe.each([
  ["Slack", 200, (url: string) => slackChannel(url)],
  ["Teams", 202, (url: string) => teamsChannel(url)],
])("chat delivery through %s", (_name, okStatus, makeChannel) => {
  let chat: FakeChat;
  let store: Store;
  let channel: ChatChannel;
  let clock: ReturnType<typeof fakeClock>;
  let woken: number;
  let notifier: Notifier;
  let file: string;

  beforeEach(async () => {
    chat = await startFakeChat(okStatus);
    file = join(dir, `outbox-${Math.random()}.db`);
    store = await openStore(`file:${file}`);
    channel = makeChannel(chat.url("/hook"));
    clock = fakeClock();
    woken = 0;
    notifier = {
      store: store.notifications,
      channels: [channel],
      wake: () => Promise.resolve(void (woken += 1)),
    };
  });
  afterEach(async () => {
    await store.close();
    await chat.close();
  });

  const queue = (events: NotifyEvent[]) =>
    queueNotifications(notifier, config, events, log, new Date(clock.now()));
  const drain = () => drainOutbox(store.notifications, channel, { log, clock });

  it("sends one message per event, whatever redelivers, re-runs or restarts", async () => {
    expect(await queue([escape("a"), escape("b")])).toBe(2);
    expect(woken).toBe(1);
    expect(await drain()).toEqual({ sent: 1, wakeAt: null });
    expect(chat.requests).toHaveLength(1);
    expect(JSON.stringify(chat.requests[0]?.body)).toContain("2 escapes");

    // The same delivery again, a re-run of the analysis: nothing new is queued or sent.
    expect(await queue([escape("a"), escape("b")])).toBe(0);
    await store.close();
    store = await openStore(`file:${file}`);
    notifier = { ...notifier, store: store.notifications };
    expect(await queue([escape("b")])).toBe(0);
    clock.t += 120_000;
    expect(await drain()).toEqual({ sent: 0, wakeAt: null });
    expect(chat.requests).toHaveLength(1);
  });

  it("sends the first event at once and groups what follows within the minute", async () => {
    await queue([escape("a")]);
    await drain();
    clock.t += 10_000;
    await queue([escape("b")]);
    clock.t += 20_000;
    await queue([escape("c"), escape("x", "acme/other")]);
    const held = await drain();
    // The other repository's first event goes at once; acme/shop waits for its follow-up.
    expect(chat.requests).toHaveLength(2);
    expect(JSON.stringify(chat.requests[1]?.body)).toContain("acme/other");
    expect(held.wakeAt?.getTime()).toBe(Date.parse("2026-03-01T10:01:00Z"));
    clock.t = held.wakeAt?.getTime() ?? 0;
    expect(await drain()).toEqual({ sent: 1, wakeAt: null });
    const followUp = JSON.stringify(chat.requests[2]?.body);
    expect(followUp).toContain("2 escapes");
    expect(followUp).toContain("injection b");
    expect(followUp).toContain("injection c");
  });

  it("keeps at most one request a second on the webhook", async () => {
    const at: number[] = [];
    const timed: ChatChannel = {
      name: channel.name,
      send: (repo, events) => {
        at.push(clock.now());
        return channel.send(repo, events);
      },
    };
    await queue([escape("a", "o/one"), escape("b", "o/two"), escape("c", "o/three")]);
    await drainOutbox(store.notifications, timed, { log, clock });
    expect(at).toHaveLength(3);
    expect((at[1] ?? 0) - (at[0] ?? 0)).toBeGreaterThanOrEqual(1000);
    expect((at[2] ?? 0) - (at[1] ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it("honours Retry-After on 429 and then delivers", async () => {
    chat.script({ status: 429, headers: { "retry-after": "3" }, body: "rate_limited" });
    await queue([escape("a")]);
    const start = clock.now();
    // Three seconds is waited in-process; the retry then goes through.
    expect(await drain()).toEqual({ sent: 1, wakeAt: null });
    expect(chat.requests).toHaveLength(2);
    expect(clock.now() - start).toBeGreaterThanOrEqual(3000);

    chat.script({ status: 429, headers: { "retry-after": "120" } });
    await queue([escape("b", "o/two")]);
    const later = await drain();
    expect(later.sent).toBe(0);
    expect(later.wakeAt?.getTime()).toBeGreaterThanOrEqual(clock.now() + 119_000);
    clock.t = later.wakeAt?.getTime() ?? 0;
    expect((await drain()).sent).toBe(1);
    expect(chat.requests).toHaveLength(4);
  });

  it("delays while the endpoint is down and delivers once it is back", async () => {
    await chat.close();
    await queue([escape("a")]);
    const down = await drain();
    expect(down.sent).toBe(0);
    expect(down.wakeAt?.getTime()).toBe(clock.now() + 30_000);
    const [entry] = await store.notifications.pending(channel.name, new Date(clock.now()));
    expect(entry?.attempts).toBe(1);

    chat = await startFakeChat(okStatus);
    channel = makeChannel(chat.url("/hook"));
    chat.script({ status: 503 });
    clock.t = down.wakeAt?.getTime() ?? 0;
    const unavailable = await drain();
    expect(unavailable.wakeAt?.getTime()).toBe(clock.now() + 60_000);
    clock.t = unavailable.wakeAt?.getTime() ?? 0;
    expect((await drain()).sent).toBe(1);
    expect(JSON.stringify(chat.requests.at(-1)?.body)).toContain("injection a");
  });
});
