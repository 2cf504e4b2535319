import { describe, expect, it } from "@jest/globals";
import type { Note } from "../../src/findings/finding.js";
import type { GateResult } from "../../src/triage/disposition.js";
import { withIncompleteScans } from "../../src/triage/incomplete-scans.js";

const eslint: Note = { level: "error", source: "a.sarif", message: "m", incompleteTool: "ESLint" };
const semgrep: Note = { ...eslint, incompleteTool: "Semgrep" };
const plain: Note = {
  level: "warning",
  source: "a.sarif",
  message: "3 results without a location",
};

describe("withIncompleteScans", () => {
  it.each<[string, GateResult, Note[], GateResult]>([
    [
      "no scanner problem: unchanged",
      { conclusion: "success", reason: "No new findings" },
      [plain],
      { conclusion: "success", reason: "No new findings" },
    ],
    [
      "a clean result from a scanner that skipped files is not success",
      { conclusion: "success", reason: "No new findings" },
      [eslint, plain],
      {
        conclusion: "neutral",
        reason:
          "ESLint did not analyse every file (see Problems), so a clean result is not assured",
      },
    ],
    [
      "neutral keeps its reason and adds the tools once each",
      { conclusion: "neutral", reason: "1 new finding, none at or above high (fail_on for main)" },
      [eslint, semgrep, eslint],
      {
        conclusion: "neutral",
        reason:
          "1 new finding, none at or above high (fail_on for main); ESLint and Semgrep did not analyse every file (see Problems)",
      },
    ],
    [
      "a failure stays a failure",
      {
        conclusion: "failure",
        reason: "1 new finding at or above high (fail_on for main): GR-1a2b3c4d",
        blocking: ["fp"],
      },
      [eslint],
      {
        conclusion: "failure",
        reason:
          "1 new finding at or above high (fail_on for main): GR-1a2b3c4d; ESLint did not analyse every file (see Problems)",
        blocking: ["fp"],
      },
    ],
  ])("%s", (_name, gate, notes, expected) => {
    expect(withIncompleteScans(gate, notes)).toEqual(expected);
  });
});
