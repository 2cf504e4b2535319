import { describe, expect, it } from "@jest/globals";
import { usageFor, type UsageKind } from "../../src/commands/help.js";
import { MAX_JUSTIFICATION_LENGTH, parseCommands } from "../../src/commands/parse.js";

describe("parseCommands: malformed commands name the problem and the right form", () => {
  it.each<[string, "thread" | "conversation", RegExp, UsageKind]>([
    ["/fp", "thread", /justification is required/, "fp"],
    ["/fp    ", "thread", /justification is required/, "fp"],
    ["/ar --expires 7d", "thread", /justification is required/, "ar"],
    ["/fp x --scope", "thread", /--scope needs a value/, "fp"],
    ["/fp x --scope --expires 7d", "thread", /--scope needs a value/, "fp"],
    ["/fp x --scope repo", "thread", /--scope `repo` is not one of finding, rule or path/, "fp"],
    ["/fp x --scope path:", "thread", /needs a glob/, "fp"],
    ["/fp x --scope path:/etc/*", "thread", /relative to the repository root/, "fp"],
    ["/fp x --scope path:src/../../*", "thread", /relative to the repository root/, "fp"],
    ["/fp x --scope rule --scope finding", "thread", /--scope is given twice/, "fp"],
    ["/wontfix x --expires tomorrow", "thread", /`tomorrow` is neither a date/, "wontfix"],
    ["/wontfix x --expires 2027-02-30", "thread", /`2027-02-30` is neither a date/, "wontfix"],
    ["/wontfix x --expires 31/01/2027", "thread", /neither a date/, "wontfix"],
    ["/tests x --force", "thread", /Unknown option `--force`/, "tests"],
    [
      "/fp escaped upstream",
      "conversation",
      /only as a reply in a Guardrail thread/,
      "guardrail ignore",
    ],
    ["/open", "conversation", /\/open works only as a reply/, "guardrail open"],
    ["/guardrail", "conversation", /needs a subcommand/, "guardrail"],
    [
      "/guardrail suppress GR-1a2b3c4d fp x",
      "thread",
      /Unknown subcommand `suppress`/,
      "guardrail",
    ],
    ["/guardrail ignore", "conversation", /finding id \(GR-…\) is missing/, "guardrail ignore"],
    [
      "/guardrail ignore GR-1a2b3c fp x",
      "conversation",
      /`GR-1a2b3c` is not a finding id/,
      "guardrail ignore",
    ],
    [
      "/guardrail ignore GR-1a2b3c4g fp x",
      "conversation",
      /`GR-1a2b3c4g` is not a finding id/,
      "guardrail ignore",
    ],
    [
      "/guardrail ignore fp GR-1a2b3c4d x",
      "conversation",
      /`fp` is not a finding id/,
      "guardrail ignore",
    ],
    ["/guardrail ignore GR-1a2b3c4d", "conversation", /reason is missing/, "guardrail ignore"],
    [
      "/guardrail ignore GR-1a2b3c4d nope x",
      "conversation",
      /Unknown reason `nope`/,
      "guardrail ignore",
    ],
    [
      "/guardrail ignore GR-1a2b3c4d fp",
      "conversation",
      /justification is required/,
      "guardrail ignore",
    ],
    [
      "/guardrail ignore GR-1a2b3c4d fp x --expires",
      "conversation",
      /--expires needs a value/,
      "guardrail ignore",
    ],
    ["/guardrail open", "conversation", /finding id \(GR-…\) is missing/, "guardrail open"],
    ["/guardrail open #12", "conversation", /`#12` is not a finding id/, "guardrail open"],
  ])("%s (%s)", (body, where, problem, usage) => {
    const commands = parseCommands(body, where);
    expect(commands).toEqual([
      {
        kind: "invalid",
        problem: expect.stringMatching(problem),
        usage: usageFor(usage),
        line: body.trim(),
      },
    ]);
  });

  it("rejects a justification over the limit and accepts one at it", () => {
    const atLimit = "x".repeat(MAX_JUSTIFICATION_LENGTH);
    expect(parseCommands(`/fp ${atLimit}`, "thread")).toMatchObject([
      { kind: "suppress", justification: atLimit },
    ]);
    expect(parseCommands(`/fp ${atLimit}y`, "thread")).toMatchObject([
      { kind: "invalid", problem: expect.stringContaining(`limit is ${MAX_JUSTIFICATION_LENGTH}`) },
    ]);
  });

  it("keeps backticks in user input from closing the code span of the problem", () => {
    const [command] = parseCommands("/guardrail ignore `@x`y fp z", "conversation");
    expect(command).toMatchObject({
      kind: "invalid",
      problem: "`@xy` is not a finding id: GR- followed by 8 hex characters.",
    });
  });

  it("reports a bad command without hiding the good ones around it", () => {
    const kinds = parseCommands("/fp ok\n/fp\n/open", "thread").map((command) => command.kind);
    expect(kinds).toEqual(["suppress", "invalid", "open"]);
  });
});
