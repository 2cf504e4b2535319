import { describe, expect, it } from "@jest/globals";
import { planDelivery, type PlannedEntry } from "../../src/notify/delivery-plan.js";

const T = 1_000_000;
const e = (id: number, repo = "a/x", dueAt = T): PlannedEntry => ({ id, repo, dueAt });

describe("planDelivery", () => {
  it.each<{
    name: string;
    pending: PlannedEntry[];
    lastSent?: [string, number][];
    notBefore?: number;
    batch: { repo: string; ids: number[] } | null;
    wakeAt: number | null;
  }>([
    { name: "nothing pending", pending: [], batch: null, wakeAt: null },
    {
      name: "first event of a repository goes at once",
      pending: [e(1)],
      batch: { repo: "a/x", ids: [1] },
      wakeAt: null,
    },
    {
      name: "events arriving together go as one message",
      pending: [e(1), e(2), e(3)],
      batch: { repo: "a/x", ids: [1, 2, 3] },
      wakeAt: null,
    },
    {
      name: "within a minute of the last message: wait for the follow-up",
      pending: [e(4)],
      lastSent: [["a/x", T - 20_000]],
      batch: null,
      wakeAt: T + 40_000,
    },
    {
      name: "a minute after the last message: the follow-up goes",
      pending: [e(4), e(5)],
      lastSent: [["a/x", T - 60_000]],
      batch: { repo: "a/x", ids: [4, 5] },
      wakeAt: null,
    },
    {
      name: "another repository is not held back by the first one's window",
      pending: [e(4), e(5, "b/y")],
      lastSent: [["a/x", T - 20_000]],
      batch: { repo: "b/y", ids: [5] },
      wakeAt: T + 40_000,
    },
    {
      name: "two ready repositories: oldest first, the other right after",
      pending: [e(7, "b/y"), e(8, "a/x")],
      batch: { repo: "b/y", ids: [7] },
      wakeAt: T,
    },
    {
      name: "the webhook's pacing (or Retry-After) holds everything",
      pending: [e(1)],
      notBefore: T + 5_000,
      batch: null,
      wakeAt: T + 5_000,
    },
    {
      name: "an entry backing off after a failure waits for its due time",
      pending: [e(1, "a/x", T + 30_000)],
      batch: null,
      wakeAt: T + 30_000,
    },
  ])("$name", ({ pending, lastSent = [], notBefore = 0, batch, wakeAt }) => {
    expect(planDelivery({ pending, lastSent: new Map(lastSent), notBefore, now: T })).toEqual({
      batch,
      wakeAt,
    });
  });
});
