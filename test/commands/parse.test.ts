import { describe, expect, it } from "@jest/globals";
import type { ParsedCommand } from "../../src/commands/command.js";
import { parseCommands, MAX_COMMANDS_PER_COMMENT } from "../../src/commands/parse.js";

const thread = { kind: "thread" } as const;
const finding = { kind: "finding" } as const;

function only(body: string, where: "thread" | "conversation"): ParsedCommand {
  const commands = parseCommands(body, where);
  expect(commands).toHaveLength(1);
  return commands[0] as ParsedCommand;
}

describe("parseCommands in a Guardrail thread", () => {
  it.each<[string, Partial<ParsedCommand>]>([
    [
      "/fp escaped upstream",
      {
        kind: "suppress",
        reason: "false-positive",
        justification: "escaped upstream",
        scope: finding,
        expires: null,
        target: thread,
      },
    ],
    ["/ar internal only", { reason: "accepted-risk", justification: "internal only" }],
    ["/wontfix legacy", { reason: "wont-fix", justification: "legacy" }],
    ["/tests fixture secret", { reason: "used-in-tests", justification: "fixture secret" }],
    ["/other see ticket SEC-12", { reason: "other", justification: "see ticket SEC-12" }],
    ["/FP Shouting Is Fine", { reason: "false-positive", justification: "Shouting Is Fine" }],
    ["  /fp   spaced    out  ", { justification: "spaced out", line: "/fp   spaced    out" }],
    ["/fp --scope rule noisy rule", { scope: { kind: "rule" }, justification: "noisy rule" }],
    ["/fp noisy rule --scope rule", { scope: { kind: "rule" }, justification: "noisy rule" }],
    ["/fp noisy --scope=rule rule", { scope: { kind: "rule" }, justification: "noisy rule" }],
    ["/tests fixtures --scope path:src/**/*.ts", { scope: { kind: "path", glob: "src/**/*.ts" } }],
    ["/tests fixtures --scope path:./test/**", { scope: { kind: "path", glob: "test/**" } }],
    ["/tests fixtures --scope PATH:Test/**", { scope: { kind: "path", glob: "Test/**" } }],
    [
      "/ar ok for now --expires 7d",
      { expires: { kind: "days", days: 7 }, justification: "ok for now" },
    ],
    [
      "/ar --expires 2027-01-31 until the rewrite",
      { expires: { kind: "date", date: "2027-01-31" }, justification: "until the rewrite" },
    ],
    [
      "/ar x --expires=90D --scope finding",
      { expires: { kind: "days", days: 90 }, scope: finding },
    ],
    ["/fp the -- dash is prose", { justification: "the -- dash is prose" }],
    ["/open", { kind: "open", target: thread, line: "/open" }],
    ["/open fixed properly now", { kind: "open", target: thread }],
  ])("%s", (body, expected) => {
    expect(only(body, "thread")).toMatchObject({ kind: "suppress", ...expected });
  });

  it("reads several commands from one comment, skipping quotes and code", () => {
    const body = [
      "> /fp quoted from above",
      "Agreed with the review.",
      "/ar accepted for the beta --expires 30d",
      "```",
      "/fp inside code",
      "```",
      "/guardrail recheck",
    ].join("\r\n");
    expect(parseCommands(body, "thread")).toEqual([
      {
        kind: "suppress",
        reason: "accepted-risk",
        justification: "accepted for the beta",
        scope: finding,
        expires: { kind: "days", days: 30 },
        target: thread,
        line: "/ar accepted for the beta --expires 30d",
      },
      { kind: "recheck", line: "/guardrail recheck" },
    ]);
  });
});

describe("parseCommands anywhere", () => {
  it.each<[string, ParsedCommand]>([
    [
      "/guardrail ignore GR-1A2B3C4D fp constant input",
      {
        kind: "suppress",
        reason: "false-positive",
        justification: "constant input",
        scope: finding,
        expires: null,
        target: { kind: "id", id: "GR-1a2b3c4d" },
        line: "/guardrail ignore GR-1A2B3C4D fp constant input",
      },
    ],
    [
      "/guardrail ignore --scope rule gr-00ff00ff tests mocks only --expires 2027-01-31",
      {
        kind: "suppress",
        reason: "used-in-tests",
        justification: "mocks only",
        scope: { kind: "rule" },
        expires: { kind: "date", date: "2027-01-31" },
        target: { kind: "id", id: "GR-00ff00ff" },
        line: "/guardrail ignore --scope rule gr-00ff00ff tests mocks only --expires 2027-01-31",
      },
    ],
    [
      "/guardrail ignore GR-deadbeef accepted-risk long name works",
      {
        kind: "suppress",
        reason: "accepted-risk",
        justification: "long name works",
        scope: finding,
        expires: null,
        target: { kind: "id", id: "GR-deadbeef" },
        line: "/guardrail ignore GR-deadbeef accepted-risk long name works",
      },
    ],
    [
      "/guardrail open gr-DEADBEEF",
      {
        kind: "open",
        target: { kind: "id", id: "GR-deadbeef" },
        line: "/guardrail open gr-DEADBEEF",
      },
    ],
    ["/guardrail list", { kind: "list", line: "/guardrail list" }],
    ["/Guardrail RECHECK please", { kind: "recheck", line: "/Guardrail RECHECK please" }],
    ["/guardrail help", { kind: "help", line: "/guardrail help" }],
  ])("%s", (body, expected) => {
    expect(only(body, "conversation")).toEqual(expected);
    expect(only(body, "thread")).toEqual(expected);
  });

  it.each([
    "/lgtm",
    "/assign @me",
    "/fpx not a reason word",
    "/fp, with a comma",
    "/guardrails ignore GR-1a2b3c4d fp x",
    "see /fp and /guardrail help in the docs",
    "> /guardrail ignore GR-1a2b3c4d fp quoted",
    "```\n/guardrail list\n```",
    "/ fp spaced slash",
  ])("ignores %j", (body) => {
    expect(parseCommands(body, "thread")).toEqual([]);
  });

  it("caps the commands run from one comment and says so", () => {
    const body = Array.from({ length: MAX_COMMANDS_PER_COMMENT + 3 }, () => "/guardrail list").join(
      "\n",
    );
    const commands = parseCommands(body, "conversation");
    expect(commands).toHaveLength(MAX_COMMANDS_PER_COMMENT + 1);
    expect(commands.at(-1)).toMatchObject({
      kind: "invalid",
      problem: expect.stringContaining("3 more were ignored"),
    });
  });
});
