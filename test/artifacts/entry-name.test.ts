import { describe, expect, it } from "@jest/globals";
import { classifyEntryName } from "../../src/artifacts/entry-name.js";

describe("classifyEntryName", () => {
  it.each([
    ["results.sarif", "sarif"],
    ["codeql/javascript.sarif", "sarif"],
    ["semgrep.SARIF", "sarif"],
    ["trivy.sarif.json", "sarif"],
    ["reports/", "directory"],
    ["README.md", "other"],
    ["results.json", "other"],
    ["results.sarif.txt", "other"],
    ["..results.sarif", "sarif"],
  ])("%j is %s", (name, kind) => {
    expect(classifyEntryName(name).kind).toBe(kind);
  });

  it.each([
    ["../../etc/passwd.sarif", "'..' segment"],
    ["reports/../../x.sarif", "'..' segment"],
    ["..", "'..' segment"],
    ["/abs.sarif", "absolute path"],
    ["C:\\x.sarif", "backslash"],
    ["C:x.sarif", "drive letter"],
    ["..\\..\\x.sarif", "backslash"],
    ["a\u0000.sarif", "control characters"],
    ["", "empty"],
  ])("%j is unsafe (%s)", (name, why) => {
    const kind = classifyEntryName(name);
    expect(kind).toEqual({ kind: "unsafe", reason: expect.stringContaining(why) });
  });
});
