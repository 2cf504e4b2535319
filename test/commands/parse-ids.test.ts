import { describe, expect, it } from "@jest/globals";
import { leadingIds, parseCommands } from "../../src/commands/parse.js";

describe("thread commands naming findings of a grouped comment", () => {
  it.each<[string, string, unknown]>([
    [
      "no ids: every finding of the comment",
      "/fp the bucket is private by policy",
      {
        kind: "suppress",
        reason: "false-positive",
        justification: "the bucket is private by policy",
        target: { kind: "thread" },
      },
    ],
    [
      "two ids, any case, then the justification",
      "/fp GR-1a2b3c4d gr-5E6F7A8B the bucket is private by policy",
      {
        kind: "suppress",
        justification: "the bucket is private by policy",
        target: { kind: "thread", ids: ["GR-1a2b3c4d", "GR-5e6f7a8b"] },
      },
    ],
    [
      "ids separated by commas, repeated once",
      "/ar GR-1a2b3c4d, GR-1a2b3c4d, GR-5e6f7a8b internal only --expires 30d",
      {
        kind: "suppress",
        reason: "accepted-risk",
        justification: "internal only",
        expires: { kind: "days", days: 30 },
        target: { kind: "thread", ids: ["GR-1a2b3c4d", "GR-5e6f7a8b"] },
      },
    ],
    [
      "an id later in the justification is prose, not a target",
      "/wontfix same as GR-1a2b3c4d upstream",
      {
        kind: "suppress",
        justification: "same as GR-1a2b3c4d upstream",
        target: { kind: "thread" },
      },
    ],
    [
      "/open with ids",
      "/open GR-5e6f7a8b",
      { kind: "open", target: { kind: "thread", ids: ["GR-5e6f7a8b"] } },
    ],
    ["/open alone", "/open", { kind: "open", target: { kind: "thread" } }],
  ])("%s", (_name, body, expected) => {
    const [command, ...rest] = parseCommands(body, "thread");
    expect(rest).toEqual([]);
    expect(command).toMatchObject(expected as object);
  });

  it("still asks for a justification after the ids", () => {
    const [command] = parseCommands("/fp GR-1a2b3c4d GR-5e6f7a8b", "thread");
    expect(command).toMatchObject({ kind: "invalid", problem: "A justification is required." });
  });

  it("leaves conversation commands as they were", () => {
    const [command] = parseCommands("/guardrail ignore GR-1a2b3c4d fp escaped", "conversation");
    expect(command).toMatchObject({ kind: "suppress", target: { kind: "id", id: "GR-1a2b3c4d" } });
  });

  it("leadingIds stops at the first word that is not an id", () => {
    expect(leadingIds(["GR-1a2b3c4d", "GR-x", "GR-5e6f7a8b"])).toEqual({
      ids: ["GR-1a2b3c4d"],
      words: ["GR-x", "GR-5e6f7a8b"],
    });
  });
});
