import { describe, expect, it } from "@jest/globals";
import type { RawFinding } from "../../src/findings/finding.js";
import { findingId, fingerprintFindings, fingerprintOf } from "../../src/fingerprint/identity.js";
import { snippetHash } from "../../src/fingerprint/track-keys.js";
import { rawFinding } from "./raw-finding.js";

const SOURCE = [
  "const express = require('express');",
  "function run(input) {",
  "  eval(input);",
  "  return 1;",
  "}",
  "function again(input) {",
  "  eval(input);",
  "}",
  "",
].join("\n");

function contentOf(files: Record<string, string>) {
  const calls: string[] = [];
  const getContent = (path: string): Promise<Uint8Array | null> => {
    calls.push(path);
    const text = files[path];
    return Promise.resolve(text === undefined ? null : new TextEncoder().encode(text));
  };
  return { calls, getContent };
}

async function fingerprints(raw: RawFinding[], files: Record<string, string>) {
  const { findings, notes } = await fingerprintFindings(raw, contentOf(files).getContent);
  return { ids: findings.map((f) => f.fingerprint), notes };
}

describe("findingId", () => {
  it.each([
    ["", "GR-e3b0c442"],
    ["abc", "GR-ba7816bf"],
  ])("hashes %j to %s", (fingerprint, id) => {
    expect(findingId(fingerprint)).toBe(id);
  });
});

describe("fingerprintOf", () => {
  const base = { tool: "CodeQL", ruleId: "js/xss", path: "a.js", hash: "plh:1:1" };

  it("is versioned, fixed-length and ignores tool name case", () => {
    expect(fingerprintOf(base)).toMatch(/^v1:[0-9a-f]{64}$/);
    expect(fingerprintOf({ ...base, tool: " codeql " })).toBe(fingerprintOf(base));
  });

  it.each([
    ["tool", { tool: "Semgrep" }],
    ["rule", { ruleId: "js/sqli" }],
    ["path", { path: "b.js" }],
    ["hash", { hash: "plh:1:2" }],
    ["part boundaries", { ruleId: "js/xss\u0000a.js", path: "" }],
  ])("changes with the %s", (_name, change) => {
    expect(fingerprintOf({ ...base, ...change })).not.toBe(fingerprintOf(base));
  });
});

describe("fingerprintFindings", () => {
  it("prefers the tool's fingerprint, then its line hash, then the computed one", async () => {
    const files = { "src/app.js": SOURCE };
    const byTool = rawFinding({ line: 3, identity: { toolFingerprint: "id/1" } });
    const byToolHash = rawFinding({ line: 3, identity: { primaryLocationLineHash: "x:1" } });
    const computed = rawFinding({ line: 3 });
    const { ids } = await fingerprints([byTool, byToolHash, computed], files);
    expect(new Set(ids).size).toBe(3);
    const again = await fingerprints(
      [rawFinding({ line: 5, identity: { toolFingerprint: "id/1" } })],
      files,
    );
    expect(again.ids[0]).toBe(ids[0]);
  });

  it("gives a computed hash the same identity as the same hash supplied by the tool", async () => {
    const lineHash = "54703d4cd895b18:1"; // line 2 of " a\nb\n  \t\tc\n d"
    const files = { "src/app.js": " a\nb\n  \t\tc\n d" };
    const supplied = rawFinding({ line: 9, identity: { primaryLocationLineHash: lineHash } });
    const { ids } = await fingerprints([rawFinding({ line: 2 }), supplied], files);
    expect(ids[0]).toBe(ids[1]?.replace(/#2$/, ""));
  });

  it("keeps identities when lines are inserted above and tells repeated lines apart", async () => {
    const raw = [rawFinding({ line: 3 }), rawFinding({ line: 7 })];
    const before = await fingerprints(raw, { "src/app.js": SOURCE });
    const shifted = `// header\n'use strict';\n\n${SOURCE}`;
    const after = await fingerprints([rawFinding({ line: 6 }), rawFinding({ line: 10 })], {
      "src/app.js": shifted,
    });
    expect(before.ids[0]).not.toBe(before.ids[1]);
    expect(after.ids).toEqual(before.ids);
    expect(before.notes).toEqual([]);
  });

  it("changes the identity when the flagged line itself changes", async () => {
    const before = await fingerprints([rawFinding({ line: 3 })], { "src/app.js": SOURCE });
    const edited = SOURCE.replace("  eval(input);", "  eval(other);");
    const after = await fingerprints([rawFinding({ line: 3 })], { "src/app.js": edited });
    expect(after.ids[0]).not.toBe(before.ids[0]);
  });

  it("ignores the tool version and the case of its name", async () => {
    const files = { "src/app.js": SOURCE };
    const old = await fingerprints([rawFinding({ line: 3, tool: "Semgrep", version: "1" })], files);
    const upgraded = await fingerprints(
      [rawFinding({ line: 3, tool: "semgrep", version: "2" })],
      files,
    );
    expect(upgraded.ids).toEqual(old.ids);
  });

  it("reads each needed file once and no file it does not need", async () => {
    const { calls, getContent } = contentOf({ "src/app.js": SOURCE, "b.js": "x\n" });
    await fingerprintFindings(
      [
        rawFinding({ line: 3 }),
        rawFinding({ line: 7 }),
        rawFinding({ path: "b.js", line: 1 }),
        rawFinding({ path: "c.js", line: 1, identity: { toolFingerprint: "k/v" } }),
        rawFinding({ path: "d.js" }),
      ],
      getContent,
    );
    expect(calls.sort()).toEqual(["b.js", "src/app.js"]);
  });

  it("reads files at most 8 at a time", async () => {
    let inFlight = 0;
    let peak = 0;
    const getContent = async (): Promise<Uint8Array> => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return new TextEncoder().encode("x\n");
    };
    const raw = Array.from({ length: 30 }, (_, i) => rawFinding({ path: `f${i}.js`, line: 1 }));
    const { findings } = await fingerprintFindings(raw, getContent);
    expect(findings).toHaveLength(30);
    expect(peak).toBe(8);
  });

  it("identifies file-level findings by tool, rule and path; one rule's collapse", async () => {
    const { ids } = await fingerprints(
      [rawFinding({}), rawFinding({ message: "other text" }), rawFinding({ ruleId: "r2" })],
      {},
    );
    expect(ids[1]).toBe(`${ids[0]}#2`);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it.each([
    ["the file is unavailable", {}, 3, "could not be read"],
    ["the line is past the end", { "src/app.js": "one line" }, 40, "is shorter than"],
  ])("falls back to the message when %s, with one warning", async (_name, files, line, text) => {
    const raw = [
      rawFinding({ line, message: "Avoid  eval\n" }),
      rawFinding({ line: line + 1, message: "Another" }),
    ];
    const { ids, notes } = await fingerprints(raw, files);
    expect(notes).toEqual([
      { level: "warning", source: "src/app.js", message: expect.stringContaining(text) },
    ]);
    const moved = await fingerprints(
      [rawFinding({ line: line + 2, message: "Avoid eval" })],
      files,
    );
    expect(moved.ids[0]).toBe(ids[0]);
    expect(ids[1]).not.toBe(ids[0]);
  });

  it("makes tool duplicates distinct, ranked by position not input order", async () => {
    const first = rawFinding({ line: 3, identity: { toolFingerprint: "same/1" } });
    const second = rawFinding({ line: 9, identity: { toolFingerprint: "same/1" } });
    const inOrder = await fingerprintFindings([first, second], contentOf({}).getContent);
    const reversed = await fingerprintFindings([second, first], contentOf({}).getContent);
    const [a, b] = inOrder.findings;
    expect(b?.fingerprint).toBe(`${a?.fingerprint}#2`);
    expect(b?.id).toBe(findingId(b?.fingerprint ?? ""));
    expect(reversed.findings.map((f) => f.fingerprint)).toEqual([b?.fingerprint, a?.fingerprint]);
  });

  it("keeps every other field of the raw finding", async () => {
    const raw = rawFinding({ line: 3 });
    const { findings } = await fingerprintFindings(
      [raw],
      contentOf({ "src/app.js": SOURCE }).getContent,
    );
    expect(findings[0]).toEqual({
      ...raw,
      fingerprint: expect.any(String),
      id: expect.stringMatching(/^GR-[0-9a-f]{8}$/),
      track: {
        window: expect.stringMatching(/^[0-9a-f]+$/),
        snippet: snippetHash("  eval(input);"),
      },
    });
  });
});
