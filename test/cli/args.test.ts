import { describe, expect, it } from "@jest/globals";
import { parseCommand, type Command } from "../../src/cli/args.js";
import { CliError } from "../../src/cli/cli-error.js";

describe("parseCommand", () => {
  it.each<[string[], Command]>([
    [[], { kind: "help" }],
    [["help", "check"], { kind: "help", topic: "check" }],
    [["help", "suppressions"], { kind: "help", topic: "export" }],
    [["check", "-h"], { kind: "help", topic: "check" }],
    [["-v"], { kind: "version" }],
    [
      ["check", "--sarif", "a.sarif"],
      { kind: "check", options: { sarif: ["a.sarif"], format: "text" } },
    ],
    // A shell glob after --sarif leaves the other files as positionals.
    [
      ["check", "--sarif", "a.sarif", "b.sarif", "--sarif", "dir"],
      { kind: "check", options: { sarif: ["a.sarif", "dir", "b.sarif"], format: "text" } },
    ],
    [
      [
        "check",
        "--sarif=x",
        "--base",
        "origin/main",
        "--config",
        "g.yml",
        "--format",
        "sarif",
        "--fail-on",
        "none",
        "--suppressions",
        "s.yml",
      ],
      {
        kind: "check",
        options: {
          sarif: ["x"],
          base: "origin/main",
          config: "g.yml",
          format: "sarif",
          failOn: "none",
          suppressions: "s.yml",
        },
      },
    ],
    [["suppressions", "export"], { kind: "export", options: { format: "yaml" } }],
    [
      ["suppressions", "export", "--format", "sarif", "--repo", "o/r"],
      { kind: "export", options: { format: "sarif", repo: "o/r" } },
    ],
  ])("%j", (argv, expected) => {
    expect(parseCommand(argv)).toEqual(expected);
  });

  it.each([
    [["check"], "check needs --sarif <file|dir>"],
    [["check", "--sarif", "a", "--repo", "o/r"], "Unknown option '--repo'"],
    [["suppressions", "export", "--sarif", "a"], "Unknown option '--sarif'"],
    [["suppressions", "export", "extra"], 'unexpected argument "extra"'],
    [["suppressions"], 'unknown command: try "guardrail suppressions export"'],
    [["check", "--sarif", "a", "--base", " "], "--base needs a value"],
    [
      ["check", "--sarif", "a", "--format", "html"],
      '--format must be one of text, markdown, json, sarif (got "html")',
    ],
  ])("%j is a usage error", (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(new CliError(message));
  });
});
