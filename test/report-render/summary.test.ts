import { describe, expect, it } from "@jest/globals";
import type { Note, Severity } from "../../src/findings/finding.js";
import type { OmittedFinding } from "../../src/report/plan.js";
import {
  MAX_CHECK_OUTPUT_BYTES,
  renderCheckOutput,
  type SummaryInput,
} from "../../src/report/summary.js";
import type { GateResult, TriagedFinding } from "../../src/triage/disposition.js";
import { HOSTILE, makeSuppression, makeTriaged } from "./factory.js";
import { expectInert } from "./inert.js";

const FAIL: GateResult = { conclusion: "failure", reason: "2 new findings at or above high" };
const PASS: GateResult = { conclusion: "success", reason: "No new findings." };

function input(overrides: Partial<SummaryInput> = {}): SummaryInput {
  return {
    gate: PASS,
    triaged: [],
    notes: [],
    omitted: [],
    inlineCount: 0,
    annotationCount: 0,
    headSha: "0123456789abcdef0123456789abcdef01234567",
    runUrl: "https://github.com/octo/app/actions/runs/1",
    toolNames: ["CodeQL"],
    ...overrides,
  };
}

function open(severity: Severity, n: number): TriagedFinding {
  return makeTriaged(
    {},
    {
      severity,
      fingerprint: `v1:f${n}`,
      id: `GR-${n.toString(16).padStart(8, "0")}`,
      location: { path: `src/f${n}.js`, region: { startLine: n, endLine: n } },
    },
  );
}

describe("renderCheckOutput title", () => {
  it.each<[string, GateResult, TriagedFinding[], Note[], string]>([
    ["nothing new", PASS, [], [], "No new findings"],
    ["only pre-existing", PASS, [makeTriaged({ isNew: false })], [], "No new findings"],
    [
      "only suppressed",
      PASS,
      [makeTriaged({ suppressedBy: { kind: "sarif", suppressionKind: "inSource" } })],
      [],
      "No new findings",
    ],
    [
      "two high block",
      FAIL,
      [open("high", 1), open("high", 2)],
      [],
      "2 new high findings block this pull request",
    ],
    [
      "one blocks",
      FAIL,
      [open("critical", 1)],
      [],
      "1 new critical finding blocks this pull request",
    ],
    [
      "mixed",
      FAIL,
      [open("medium", 1), open("critical", 2), open("medium", 3)],
      [],
      "3 new findings (1 critical, 2 medium) block this pull request",
    ],
    [
      "only what blocks is called blocking",
      { ...FAIL, blocking: [open("high", 1).finding.fingerprint] },
      [open("high", 1), open("medium", 2)],
      [],
      "1 high blocks · 1 medium new",
    ],
    [
      "several blockers and several others, by severity",
      {
        ...FAIL,
        blocking: [open("critical", 1), open("high", 2)].map((t) => t.finding.fingerprint),
      },
      [open("critical", 1), open("high", 2), open("medium", 3), open("low", 4), open("medium", 5)],
      [],
      "1 critical, 1 high block · 2 medium, 1 low new",
    ],
    [
      "read errors with nothing blocking, and new findings",
      { conclusion: "failure", reason: "1 input could not be read", blocking: [] },
      [open("medium", 1)],
      [{ level: "error", source: "a", message: "m" }],
      "Failed closed: 1 problem reading results · 1 medium new",
    ],
    [
      "a clean result from a scanner that skipped files",
      { conclusion: "neutral", reason: "r" },
      [],
      [{ level: "error", source: "a", message: "m", incompleteTool: "ESLint" }],
      "Incomplete: ESLint did not analyse every file",
    ],
    [
      "findings from a scanner that skipped files",
      { ...FAIL, blocking: [open("high", 1).finding.fingerprint] },
      [open("high", 1)],
      [{ level: "error", source: "a", message: "m", incompleteTool: "ESLint" }],
      "1 high blocks · ESLint did not analyse every file",
    ],
    [
      "neutral",
      { conclusion: "neutral", reason: "r" },
      [open("low", 1)],
      [],
      "1 new low finding (not blocking)",
    ],
    [
      "read errors",
      { conclusion: "failure", reason: "r" },
      [],
      [{ level: "error", source: "a", message: "m" }],
      "Failed closed: 1 problem reading results",
    ],
    [
      "other failure",
      { conclusion: "failure", reason: "Config invalid:\n gate[0]" },
      [],
      [],
      "Config invalid: gate[0]",
    ],
  ])("%s", (_name, gate, triaged, notes, title) => {
    expect(renderCheckOutput(input({ gate, triaged, notes })).title).toBe(title);
  });
});

describe("renderCheckOutput summary", () => {
  it("states the gate, the run and counts by severity × state", () => {
    const triaged = [
      open("high", 1),
      makeTriaged({ isNew: false }, { severity: "medium" }),
      makeTriaged(
        { suppressedBy: { kind: "config", key: "paths_ignore", pattern: "test/**" } },
        { severity: "low" },
      ),
    ];
    const { summary, text } = renderCheckOutput(input({ gate: FAIL, triaged, inlineCount: 1 }));
    expect(summary.startsWith("❌ **Blocked.** 2 new findings at or above high\n\n")).toBe(true);
    expect(summary).toContain(
      "Analysed `0123456789ab` with CodeQL ([workflow run](https://github.com/octo/app/actions/runs/1)). In the diff: 1 inline comment, 0 annotations.",
    );
    expect(summary).toContain("| Severity | New | Pre-existing | Suppressed |");
    expect(summary).toContain("| 🟠 high | 1 | 0 | 0 |");
    expect(summary).toContain("| 🟡 medium | 0 | 1 | 0 |");
    expect(summary).toContain("| 🔵 low | 0 | 0 | 1 |");
    expect(summary).toContain("### New findings (1)");
    expect(summary).toContain(
      "| 🟠 high | GR-00000001 | js/sql-injection | src/f1.js:1 | This query depends on a user-provided value. |",
    );
    expect(summary).toContain("config `paths_ignore`: test/** |");
    // No severity row of zeros, and no table repeated in the details text.
    expect(summary).not.toMatch(/critical|⚪ note/);
    expect(text).toBe("");
    expectInert(summary);
  });

  it("says what was not shown and why", () => {
    const whys: OmittedFinding["why"][] = [
      "inline-cap",
      "annotation-cap",
      "outside-diff",
      "outside-diff",
      "annotate-none",
    ];
    const omitted = whys.map((why, i) => ({ triaged: open("medium", i + 1), why }));
    const { summary, text } = renderCheckOutput(
      input({ omitted, triaged: omitted.map((o) => o.triaged) }),
    );
    expect(summary).toContain("### Not shown in the diff (5)");
    expect(summary).toContain("- 1 over the inline comment cap (`max_inline_comments`)");
    expect(summary).toContain("- 1 over the annotation cap (`max_annotations`)");
    expect(summary).toContain("- 2 in files this pull request does not change");
    expect(summary).toContain("- 1 annotations are off (`annotate: none`)");
    expect(summary).toContain(
      "| 🟡 medium | GR-00000003 | js/sql-injection | src/f3.js:3 | This query depends on a user-provided value. | in files this pull request does not change |",
    );
    expect(text).toBe("");
  });

  it("lists in the details text only the rows the summary left out", () => {
    const many = Array.from({ length: 53 }, (_, i) => open("medium", i + 1));
    const { summary, text } = renderCheckOutput(input({ triaged: many }));
    expect(summary).toContain("### New findings (53)");
    expect(text.startsWith("## More new findings (3)\n\n")).toBe(true);
    const ids = (markdown: string) =>
      [...markdown.matchAll(/\| (GR-[0-9a-f]{8}) \|/g)].map((m) => m[1]);
    expect(ids(summary)).toHaveLength(50);
    expect(ids(text)).toHaveLength(3);
    expect(new Set([...ids(summary), ...ids(text)]).size).toBe(53);
  });

  it("speaks of the branch on a push, never of a diff or a pull request", () => {
    const omitted = [{ triaged: open("medium", 1), why: "outside-diff" as const }];
    const { summary, title } = renderCheckOutput(
      input({
        branch: "main",
        gate: {
          conclusion: "neutral",
          reason: "1 new finding, the gate for main does not fail on findings (fail_on: none)",
        },
        triaged: omitted.map((o) => o.triaged),
        omitted,
      }),
    );
    expect(summary).toContain("Analysed `0123456789ab` on `main` with CodeQL");
    expect(summary).toContain("The branch as pushed, no pull request: 0 annotations.");
    expect(summary).toContain("### Not annotated (1)");
    expect(`${title}\n${summary}`).not.toMatch(
      /diff|pull request (does|changes)|this pull request/i,
    );
  });

  it("names suppressions and expired ones without notifying their authors", () => {
    const store = makeSuppression({ author: "alice", expiresAt: new Date("2030-01-31T00:00:00Z") });
    const expired = makeSuppression({
      id: 9,
      author: "bob",
      expiresAt: new Date("2024-05-01T00:00:00Z"),
    });
    const triaged = [
      makeTriaged({ suppressedBy: { kind: "store", suppression: store } }),
      makeTriaged({
        suppressedBy: { kind: "sarif", suppressionKind: "external", justification: "@everyone ok" },
      }),
      makeTriaged({ expiredSuppression: expired }, { id: "GR-99999999" }),
    ];
    const { summary } = renderCheckOutput(input({ triaged }));
    expect(summary).toContain(
      "false-positive by alice, until 2030-01-31: input is escaped upstream",
    );
    expect(summary).toContain("external (SARIF): @\u200Deveryone ok");
    expect(summary).toContain(
      "- GR-99999999: suppression `#9` (false-positive by bob) expired on 2024-05-01; the finding counts again.",
    );
    expectInert(summary);
  });

  it("lists notes errors first", () => {
    const notes: Note[] = [
      { level: "warning", source: "codeql.sarif", message: "duplicate taxa" },
      { level: "error", source: "sarif-artifact", message: "artifact expired" },
    ];
    const { summary } = renderCheckOutput(input({ notes }));
    const error = summary.indexOf("❌ **error** · sarif-artifact: artifact expired");
    const warning = summary.indexOf("⚠️ **warning** · codeql.sarif: duplicate taxa");
    expect(error).toBeGreaterThan(-1);
    expect(warning).toBeGreaterThan(error);
  });

  it.each(Object.entries(HOSTILE))("keeps hostile %s inert everywhere", (_name, text) => {
    const triaged = [
      makeTriaged({}, { message: text, rule: { id: text, tags: [] }, location: { path: text } }),
      makeTriaged({
        suppressedBy: { kind: "sarif", suppressionKind: "inSource", justification: text },
      }),
      makeTriaged({ expiredSuppression: makeSuppression({ author: text, justification: text }) }),
    ];
    const output = renderCheckOutput(
      input({
        gate: { conclusion: "failure", reason: text },
        triaged,
        notes: [{ level: "error", source: text, message: text }],
        omitted: [{ triaged: triaged[0] ?? makeTriaged(), why: "outside-diff" }],
        toolNames: [text],
        runUrl: "javascript:alert(1)",
        headSha: text,
      }),
    );
    expectInert(output.summary);
    expectInert(output.text);
    expect(output.title).not.toContain("\n");
  });

  it("keeps 600 findings (and 10 MB messages) under 65,535 bytes, well-formed", () => {
    const huge = "é<b>@x ```".repeat(1_000_000);
    const triaged = Array.from({ length: 600 }, (_, i) =>
      makeTriaged(
        {
          isNew: i % 3 !== 0,
          suppressedBy:
            i % 5 === 0
              ? { kind: "sarif", suppressionKind: "inSource", justification: huge }
              : null,
        },
        {
          id: `GR-${i.toString(16).padStart(8, "0")}`,
          message: i < 5 ? huge : `message ${i} ${"ü".repeat(200)}`,
          location: {
            path: `src/${"ü".repeat(100)}${i}.js`,
            region: { startLine: i + 1, endLine: i + 1 },
          },
        },
      ),
    );
    const omitted = triaged
      .slice(0, 300)
      .map((t) => ({ triaged: t, why: "annotation-cap" as const }));
    const notes = Array.from({ length: 300 }, (_, i) => ({
      level: "warning" as const,
      source: `f${i}`,
      message: huge,
    }));
    const output = renderCheckOutput(input({ gate: FAIL, triaged, omitted, notes }));
    for (const part of [output.summary, output.text]) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(MAX_CHECK_OUTPUT_BYTES);
      expectInert(part);
    }
    expect(output.summary).toContain("### New findings (");
    expect(output.summary).toMatch(/_…and \d+ more \(listed in the check run details\)\._/);
    expect(output.text).toMatch(
      /_…and \d+ more\._|_Cut to fit GitHub's size limit for check runs\._/,
    );
  });
});
