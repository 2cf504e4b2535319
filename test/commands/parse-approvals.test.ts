import { describe, expect, it } from "@jest/globals";
import { parseCommands } from "../../src/commands/parse.js";

describe("approval commands", () => {
  it.each([
    ["/approve", "thread", { kind: "approve", target: { kind: "thread" }, note: null }],
    [
      "/approve checked with the team",
      "thread",
      { kind: "approve", target: { kind: "thread" }, note: "checked with the team" },
    ],
    [
      "/approve GR-1a2b3c4d fine",
      "thread",
      { kind: "approve", target: { kind: "thread", ids: ["GR-1a2b3c4d"] }, note: "fine" },
    ],
    [
      "/deny reachable from the public API",
      "thread",
      { kind: "deny", target: { kind: "thread" }, reason: "reachable from the public API" },
    ],
    [
      "/guardrail approve gr-1A2B3C4D",
      "conversation",
      { kind: "approve", target: { kind: "id", id: "GR-1a2b3c4d" }, note: null },
    ],
    [
      "/guardrail deny GR-1a2b3c4d not a false positive",
      "conversation",
      { kind: "deny", target: { kind: "id", id: "GR-1a2b3c4d" }, reason: "not a false positive" },
    ],
  ] as const)("%s (%s)", (body, where, expected) => {
    expect(parseCommands(body, where)).toEqual([{ ...expected, line: body }]);
  });

  it.each([
    ["/deny", "thread", "A reason is required to deny a request."],
    ["/guardrail deny GR-1a2b3c4d", "conversation", "A reason is required"],
    ["/approve", "conversation", "works only as a reply in a Guardrail thread"],
    ["/guardrail approve", "conversation", "The finding id (GR-…) is missing."],
    ["/guardrail approve nope", "conversation", "is not a finding id"],
  ] as const)("%s (%s) is refused with what is wrong", (body, where, problem) => {
    const [command] = parseCommands(body, where);
    expect(command?.kind).toBe("invalid");
    expect(command?.kind === "invalid" && command.problem).toContain(problem);
  });
});
