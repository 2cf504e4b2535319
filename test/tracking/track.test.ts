import { describe, expect, it } from "@jest/globals";
import { track } from "../../src/tracking/track.js";
import type { Trackable } from "../../src/tracking/trackable.js";

/** `at(line, fingerprint, window, snippet)` in src/a.js, rule r1, message m. */
function at(
  line: number,
  fingerprint: string,
  window = "",
  snippet = "",
  extra: Partial<Trackable> = {},
): Trackable {
  return {
    tool: "Semgrep",
    ruleId: "r1",
    path: "src/a.js",
    line,
    fingerprint,
    window,
    snippet,
    message: "m",
    ...extra,
  };
}

type Case = [name: string, older: Trackable[], newer: Trackable[], expected: (string | null)[]];

const renamed = (path: string) => (path === "lib/b.js" ? "src/a.js" : path);

const CASES: Case[] = [
  ["equal fingerprint", [at(5, "F")], [at(9, "F")], ["fingerprint"]],
  ["equal window at another line", [at(5, "F", "w")], [at(40, "G", "w")], ["window"]],
  ["same snippet in the same file", [at(5, "F", "w", "s")], [at(8, "G", "x", "s")], ["snippet"]],
  [
    "snippet in another file is no match",
    [at(5, "F", "w", "s")],
    [at(5, "G", "x", "s", { path: "src/c.js" })],
    [null],
  ],
  [
    "after a rename (window)",
    [at(5, "F", "w", "s")],
    [at(5, "G", "w", "s", { path: "lib/b.js" })],
    ["renamed"],
  ],
  [
    "after a rename and an edit below (snippet)",
    [at(5, "F", "w", "s")],
    [at(5, "G", "x", "s", { path: "lib/b.js" })],
    ["renamed"],
  ],
  [
    "same message nearby: the flagged line itself edited",
    [at(5, "F", "w", "s")],
    [at(7, "G", "x", "t")],
    ["nearby"],
  ],
  ["same message too far away", [at(5, "F", "w", "s")], [at(12, "G", "x", "t")], [null]],
  [
    "another message nearby",
    [at(5, "F", "w", "s")],
    [at(5, "G", "x", "t", { message: "other" })],
    [null],
  ],
  [
    "another rule never matches",
    [at(5, "F", "w", "s")],
    [at(5, "F", "w", "s", { ruleId: "r2" })],
    [null],
  ],
  [
    "tool name case does not matter",
    [at(5, "F")],
    [at(5, "F", "", "", { tool: "semgrep" })],
    ["fingerprint"],
  ],
  [
    "a duplicated block: the copy in place keeps the identity, the other is new",
    [at(10, "F1", "w", "s")],
    [at(10, "F1", "w", "s"), at(16, "F2", "w", "s")],
    ["window", null],
  ],
  [
    "equal windows keep their order when lines are inserted above",
    [at(10, "W1", "w", "s"), at(50, "W2", "w", "s")],
    [at(3, "W1", "w", "s"), at(13, "W2", "w", "s"), at(53, "W3", "w", "s")],
    [null, "window", "window"],
  ],
  [
    "the nearby pass allows for lines inserted above",
    [at(10, "A", "a", "sa"), at(20, "B", "b", "sb")],
    [at(40, "A", "a", "sa"), at(51, "C", "c", "sc")],
    ["fingerprint", "nearby"],
  ],
  [
    "each older finding is used once",
    [at(5, "F", "w", "s")],
    [at(5, "G", "x", "s"), at(6, "H", "y", "s"), at(7, "I", "z", "t")],
    ["snippet", null, null],
  ],
  [
    "file-level findings follow a rename by message",
    [at(0, "F", "", "", { path: "src/a.js" })],
    [at(0, "G", "", "", { path: "lib/b.js" })],
    ["renamed"],
  ],
];

describe("track", () => {
  it.each(CASES)("%s", (_name, older, newer, expected) => {
    const matches = track(newer, older, { olderPath: renamed });
    expect(matches.map((m) => m?.pass ?? null)).toEqual(expected);
  });

  it("a pasted copy cannot take the identity of the code it copied, even when it matches better", () => {
    // The copy kept the original's window (what followed it); the original's next line was edited.
    const older = [at(5, "A", "w", "s")];
    const newer = [
      at(7, "X", "edited", "s", { path: "lib/b.js" }),
      at(18, "Y", "w", "s", { path: "lib/b.js" }),
    ];
    const onAddedLine = (t: Trackable) => t.line === 18;
    expect(track(newer, older, { olderPath: renamed }).map((m) => m?.pass ?? null)).toEqual([
      null,
      "renamed",
    ]);
    expect(
      track(newer, older, { olderPath: renamed, onAddedLine }).map((m) => m?.pass ?? null),
    ).toEqual(["renamed", null]);
  });

  it("pairs the right older finding, not just some", () => {
    const older = [at(10, "A", "a", "sa"), at(30, "B", "b", "sb"), at(50, "C", "c", "sc")];
    const newer = [at(33, "X", "x", "sb"), at(11, "Y", "a", "sz"), at(52, "C", "c", "sc")];
    expect(track(newer, older).map((m) => m?.older ?? null)).toEqual([1, 0, 2]);
  });

  it("never gives two newer findings the same older one", () => {
    const older = Array.from({ length: 20 }, (_, i) => at(10 + i, `F${i}`, "w", "s"));
    const newer = Array.from({ length: 30 }, (_, i) => at(12 + i, `G${i}`, "w", "s"));
    const used = track(newer, older).flatMap((m) => (m === null ? [] : [m.older]));
    expect(new Set(used).size).toBe(used.length);
    expect(used).toHaveLength(20);
  });
});

describe("track at scale", () => {
  it("pairs thousands of equal lines of one rule without comparing every pair", () => {
    const older = Array.from({ length: 3000 }, (_, i) => at(1 + i * 2, `F${i}`, "w", "s"));
    const newer = Array.from({ length: 4000 }, (_, i) => at(5 + i * 2, `G${i}`, "w", "s"));
    const started = Date.now();
    const used = track(newer, older).flatMap((m) => (m === null ? [] : [m.older]));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(new Set(used).size).toBe(3000);
  });
});
