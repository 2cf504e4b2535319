import { describe, expect, it } from "@jest/globals";
import { backlogMarker, parseBacklogMarker } from "../../src/backlog/backlog-marker.js";

describe("backlog marker", () => {
  it.each([
    [{ tool: "semgrep", rule: "js.xss" }, "<!-- guardrail:backlog tool=semgrep rule=js.xss -->"],
    [
      { tool: "trivy", rule: "CVE-2021-44228 --> <b>" },
      "<!-- guardrail:backlog tool=trivy rule=CVE-2021-44228%20--%3E%20%3Cb%3E -->",
    ],
  ])("%j round-trips", (key, marker) => {
    expect(backlogMarker(key)).toBe(marker);
    expect(parseBacklogMarker(`${marker}\nbody`)).toEqual(key);
  });

  it.each([
    ["no marker", "a body"],
    ["marker not first (quoted by someone)", "> <!-- guardrail:backlog tool=a rule=b -->"],
    ["broken encoding", "<!-- guardrail:backlog tool=%E0 rule=b -->"],
    ["null body", null],
  ])("%s → null", (_name, body) => {
    expect(parseBacklogMarker(body)).toBeNull();
  });
});
