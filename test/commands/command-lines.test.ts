import { describe, expect, it } from "@jest/globals";
import { commandLines } from "../../src/commands/command-lines.js";

describe("commandLines", () => {
  it.each<[string, string, string[]]>([
    ["a single command", "/fp escaped upstream", ["/fp escaped upstream"]],
    ["leading spaces and tabs", "   \t/fp escaped", ["/fp escaped"]],
    ["CRLF line ends", "thanks\r\n/fp escaped\r\n/ar ok\r\n", ["/fp escaped", "/ar ok"]],
    ["old Mac CR line ends", "x\r/fp escaped", ["/fp escaped"]],
    ["prose around it", "Looked at it.\n/fp escaped\nCheers", ["/fp escaped"]],
    ["a mention mid-line", "please use /fp here", []],
    ["a quoted line", "> /fp escaped\nagreed", []],
    ["an indented quoted line", "  > /fp escaped", []],
    ["a nested quote", ">> /fp escaped", []],
    ["inline code at line start", "`/fp escaped`", []],
    ["a backtick fence", "```\n/fp in code\n```\n/ar real", ["/ar real"]],
    ["a fence with info string", "```sh\n/fp in code\n```", []],
    ["a tilde fence", "~~~\n/fp in code\n~~~\n/ar real", ["/ar real"]],
    ["an unclosed fence", "```\n/fp in code\n/ar still code", []],
    ["a shorter run does not close", "````\n```\n/fp in code\n````\n/ar real", ["/ar real"]],
    ["a tilde run does not close backticks", "```\n~~~\n/fp in code\n```\n/ar real", ["/ar real"]],
    ["a closing run with text is not a close", "```\n``` x\n/fp code\n```\n/ar ok", ["/ar ok"]],
    ["an indented fence", "  ```\n  /fp in code\n  ```\n/ar real", ["/ar real"]],
    ["an empty body", "", []],
  ])("%s", (_name, body, expected) => {
    expect(commandLines(body)).toEqual(expected);
  });
});
