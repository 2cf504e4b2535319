import { describe, expect, it } from "@jest/globals";
import {
  escapeEvents,
  gateFailureEvents,
  isProtectedBase,
} from "../../src/notify/analysis-events.js";
import { eventKey } from "../../src/notify/notify-event.js";
import { selectEvents } from "../../src/notify/select-events.js";
import { finding, triagedOf } from "../policy/finding-factory.js";

const where = { repo: "acme/shop", repoUrl: "https://github.com/acme/shop", sha: "a".repeat(40) };
const high = finding({ severity: "high", fingerprint: "fp-high", id: "GR-11111111" });
const low = finding({ severity: "low", fingerprint: "fp-low", id: "GR-22222222" });
const pr = { number: 7, url: "https://github.com/acme/shop/pull/7", base: "main" };

describe("escape events", () => {
  it("names each finding that landed unsuppressed, with a link to its line at the commit", () => {
    const events = escapeEvents(
      { ...where, branch: "main" },
      [high, low],
      new Set(["fp-high", "fp-low"]),
      new Set(["fp-low"]),
    );
    expect(events).toEqual([
      expect.objectContaining({
        kind: "escape",
        subject: `fp-high@${where.sha}`,
        severity: "high",
        links: [
          {
            url: `https://github.com/acme/shop/blob/${where.sha}/pom.xml#L12`,
            label: "pom.xml:12",
          },
        ],
      }),
    ]);
  });

  it("ignores findings that were already on the branch", () => {
    expect(escapeEvents({ ...where, branch: "main" }, [high], new Set(), new Set())).toEqual([]);
  });
});

describe("gate failure events", () => {
  const failed = { conclusion: "failure", reason: "1 high blocks" };
  it.each([
    ["success", { conclusion: "success", reason: "" }, [triagedOf(high)], []],
    ["one per blocking finding", failed, [triagedOf(high), triagedOf(low)], ["pr7:fp-high"]],
    ["not a suppressed one", failed, [triagedOf(high, { suppressed: true })], [`pr7:${where.sha}`]],
    ["not an old one", failed, [triagedOf(high, { isNew: false })], [`pr7:${where.sha}`]],
  ])("%s", (_name, gate, triaged, subjects) => {
    const events = gateFailureEvents({ ...where, pr }, gate, triaged, { fail_on: "high" });
    expect(events.map((e) => e.subject)).toEqual(subjects);
  });

  it("keys a finding per pull request, so a re-run or a new push does not repeat it", () => {
    const run = () =>
      gateFailureEvents({ ...where, pr }, failed, [triagedOf(high)], { fail_on: "high" }).map(
        eventKey,
      );
    expect(run()).toEqual(run());
    expect(run()).toEqual(["gate_failure:acme/shop:pr7:fp-high"]);
  });

  it.each([
    ["main", true],
    ["release/2.1", true],
    ["develop", false],
    ["releases", false],
  ])("base %s protected: %s", (base, expected) => {
    expect(isProtectedBase(base, "main")).toBe(expected);
  });
});

describe("selectEvents", () => {
  const ev = (kind: "escape" | "expiring", severity?: "high" | "low") => ({
    kind,
    repo: "a/b",
    subject: "s",
    message: "m",
    links: [],
    ...(severity ? { severity } : {}),
  });
  it.each([
    ["listed, severe enough", ["escape"], "high", ev("escape", "high"), true],
    ["listed, below min_severity", ["escape"], "high", ev("escape", "low"), false],
    ["not listed", ["gate_failure"], "low", ev("escape", "high"), false],
    ["no severity: kind decides", ["expiring"], "critical", ev("expiring"), true],
  ] as const)("%s", (_name, on, min, event, sent) => {
    const config = { notify: { on: [...on], min_severity: min } };
    expect(selectEvents(config, [event])).toHaveLength(sent ? 1 : 0);
  });
});
