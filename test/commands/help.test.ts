import { describe, expect, it } from "@jest/globals";
import { HELP_TEXT, usageFor } from "../../src/commands/help.js";
import { parseCommands } from "../../src/commands/parse.js";

/** The help's examples are what people copy: every one of them must parse. */
function helpExamples(): string[] {
  const fenced = /```\n([\s\S]*?)```/.exec(HELP_TEXT)?.[1] ?? "";
  return fenced.split("\n").filter((line) => line.startsWith("/"));
}

describe("HELP_TEXT", () => {
  it.each([
    "/fp",
    "/ar",
    "/wontfix",
    "/tests",
    "/other",
    "/open",
    "/approve",
    "/deny",
    "/guardrail approve",
    "/guardrail deny",
    "/guardrail ignore",
    "/guardrail open",
    "/guardrail list",
    "/guardrail recheck",
    "/guardrail help",
    "--scope",
    "--expires",
  ])("mentions %s", (word) => {
    expect(HELP_TEXT).toContain(word);
  });

  it("has examples", () => {
    expect(helpExamples().length).toBeGreaterThanOrEqual(4);
  });

  it.each(helpExamples())("example %s parses in a thread", (example) => {
    const [command] = parseCommands(example, "thread");
    expect(command?.kind).not.toBe("invalid");
    expect(command).toBeDefined();
  });
});

describe("usageFor", () => {
  it.each([
    ["fp", /^\/fp <justification> \[--scope finding\|rule\|path:<glob>\] \[--expires/],
    ["open", /^\/open$/],
    ["guardrail open", /^\/guardrail open <GR-id>$/],
    [
      "guardrail ignore",
      /^\/guardrail ignore <GR-id> <fp\|ar\|wontfix\|tests\|other> <justification>/,
    ],
    ["guardrail", /\/guardrail deny <GR-id> <reason>\n\/guardrail list \| recheck \| help$/],
    ["approve", /^\/approve \[GR-id…\] \[note\]$/],
    ["guardrail deny", /^\/guardrail deny <GR-id> <reason>$/],
  ] as const)("%s", (kind, expected) => {
    expect(usageFor(kind)).toMatch(expected);
  });
});
