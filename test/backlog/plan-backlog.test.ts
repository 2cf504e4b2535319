import { describe, expect, it } from "@jest/globals";
import { groupFindings, planBacklog, type KnownIssue } from "../../src/backlog/plan-backlog.js";
import { finding } from "../policy/finding-factory.js";

const xss = (fp: string) =>
  finding({ tool: { name: "Semgrep" }, rule: { id: "js.xss", tags: [] }, fingerprint: fp });
const sqli = (fp: string) =>
  finding({ tool: { name: "Semgrep" }, rule: { id: "js.sqli", tags: [] }, fingerprint: fp });
const key = { tool: "semgrep", rule: "js.xss" };
const issue = (number: number, over: Partial<KnownIssue> = {}): KnownIssue => ({
  number,
  key,
  open: true,
  title: "Guardrail: js.xss (Semgrep)",
  body: "",
  fingerprints: ["f1"],
  closedByPerson: false,
  ...over,
});

type Summary = [string, number | string][];
const summary = (findings: ReturnType<typeof xss>[], issues: KnownIssue[]): Summary =>
  planBacklog(groupFindings(findings), issues).map((a) => {
    if (a.kind === "create")
      return [
        a.kind,
        `${a.group.key.rule}:${a.group.findings.map((f) => f.fingerprint).join(",")}`,
      ];
    if (a.kind === "update")
      return [a.kind, `#${a.issue.number}:${a.group.findings.map((f) => f.fingerprint).join(",")}`];
    return [a.kind, a.issue.number];
  });

describe("planBacklog", () => {
  it.each<[string, ReturnType<typeof xss>[], KnownIssue[], Summary]>([
    ["no findings, no issues", [], [], []],
    [
      "one issue per tool and rule",
      [xss("f1"), xss("f2"), sqli("f3")],
      [],
      [
        ["create", "js.xss:f1,f2"],
        ["create", "js.sqli:f3"],
      ],
    ],
    [
      "an open issue is updated in place",
      [xss("f1"), xss("f2")],
      [issue(4)],
      [["update", "#4:f1,f2"]],
    ],
    [
      "none left: closed",
      [sqli("f3")],
      [issue(4)],
      [
        ["create", "js.sqli:f3"],
        ["close", 4],
      ],
    ],
    [
      "closed by Guardrail, finding back: a new issue",
      [xss("f1")],
      [issue(4, { open: false })],
      [["create", "js.xss:f1"]],
    ],
    [
      "closed by a person: not raised again",
      [xss("f1")],
      [issue(4, { open: false, closedByPerson: true })],
      [["dismiss", 4]],
    ],
    [
      "closed by a person, then a new finding: a new issue with only it",
      [xss("f1"), xss("f9")],
      [issue(4, { open: false, closedByPerson: true })],
      [
        ["dismiss", 4],
        ["create", "js.xss:f9"],
      ],
    ],
    [
      "the new issue after a person's close is then kept up to date",
      [xss("f1"), xss("f9"), xss("f10")],
      [issue(4, { open: false, closedByPerson: true }), issue(7, { fingerprints: ["f9"] })],
      [
        ["dismiss", 4],
        ["update", "#7:f9,f10"],
      ],
    ],
    [
      "a duplicate open issue is closed",
      [xss("f1")],
      [issue(4), issue(5)],
      [
        ["close", 5],
        ["update", "#4:f1"],
      ],
    ],
  ])("%s", (_name, findings, issues, expected) => {
    expect(summary(findings, issues)).toEqual(expected);
  });
});
