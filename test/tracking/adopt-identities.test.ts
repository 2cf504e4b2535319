import { describe, expect, it } from "@jest/globals";
import type { Finding } from "../../src/findings/finding.js";
import { findingId } from "../../src/fingerprint/identity.js";
import { adoptIdentities } from "../../src/tracking/adopt-identities.js";
import { olderPathOf } from "../../src/tracking/renames.js";
import { trackableOf } from "../../src/tracking/trackable.js";
import { rawFinding } from "../fingerprint/raw-finding.js";

function finding(
  line: number,
  fingerprint: string,
  window: string,
  snippet: string,
  path = "src/app.js",
): Finding {
  return {
    ...rawFinding({ line, path }),
    fingerprint,
    id: findingId(fingerprint),
    track: { window, snippet },
  };
}

describe("adoptIdentities", () => {
  it("a tracked finding takes the older fingerprint and GR- id; a new one keeps its own", () => {
    const older = [finding(5, "old", "w", "s")];
    const { findings } = adoptIdentities(
      [finding(9, "moved", "x", "s"), finding(30, "fresh", "y", "t")],
      older.map(trackableOf),
    );
    expect(findings.map((f) => [f.fingerprint, f.id])).toEqual([
      ["old", findingId("old")],
      ["fresh", findingId("fresh")],
    ]);
    expect(findings[0]?.location.region?.startLine).toBe(9);
  });

  it("a new finding whose own fingerprint names another older finding gets a distinct one", () => {
    // Two equal lines: the copy took the `:2` count that belonged to the second finding.
    const older = [finding(10, "w:1", "w", "s"), finding(50, "w:2", "w", "s")];
    const newer = [
      finding(10, "w:1", "w", "s"),
      finding(16, "w:2", "w", "s"),
      finding(56, "w:3", "w", "s"),
    ];
    const { findings } = adoptIdentities(newer, older.map(trackableOf));
    const fingerprints = findings.map((f) => f.fingerprint);
    expect(fingerprints[0]).toBe("w:1");
    expect(fingerprints[2]).toBe("w:2");
    expect(fingerprints[1]).toMatch(/^v1:[0-9a-f]{64}$/);
    expect(new Set(fingerprints).size).toBe(3);
    // The same on every re-run.
    expect(adoptIdentities(newer, older.map(trackableOf)).findings[1]?.fingerprint).toBe(
      fingerprints[1],
    );
  });

  it("follows renames from the PR files, but not copies", () => {
    const olderPath = olderPathOf([
      { filename: "lib/app.js", previous_filename: "src/app.js", status: "renamed" },
      { filename: "lib/copy.js", previous_filename: "src/app.js", status: "copied" },
    ]);
    expect([olderPath("lib/app.js"), olderPath("lib/copy.js"), olderPath("x.js")]).toEqual([
      "src/app.js",
      "lib/copy.js",
      "x.js",
    ]);
    const older = [finding(5, "old", "w", "s")];
    const { findings } = adoptIdentities(
      [finding(5, "new", "x", "s", "lib/app.js")],
      older.map(trackableOf),
      { olderPath },
    );
    expect(findings[0]?.fingerprint).toBe("old");
  });
});
