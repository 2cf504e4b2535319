import { describe, expect, it } from "@jest/globals";
import { fillTrackKeys } from "../../src/fingerprint/fill-track-keys.js";
import { fingerprintFindings } from "../../src/fingerprint/identity.js";
import { computeLineHashes } from "../../src/fingerprint/line-hash.js";
import { snippetHash, windowOf } from "../../src/fingerprint/track-keys.js";
import { rawFinding } from "./raw-finding.js";

const SOURCE = ["function run(input) {", "  eval(input);", "  return 1;", "}", ""].join("\n");
const reader = (files: Record<string, string>) => {
  const calls: string[] = [];
  const get = (path: string) => {
    calls.push(path);
    const text = files[path];
    return Promise.resolve(text === undefined ? null : new TextEncoder().encode(text));
  };
  return { calls, get };
};

describe("snippetHash", () => {
  it.each([
    ["  eval(input);", "eval(input);", true],
    ["\teval(input);\r", "eval(input);", true],
    ["eval( input );", "eval(input);", false],
    ["eval(input);  // x", "eval(input); // x", true],
  ])("%j and %j equal: %s", (a, b, equal) => {
    expect(snippetHash(a) === snippetHash(b)).toBe(equal);
  });

  it("is empty for a blank line, which identifies nothing", () => {
    expect(snippetHash("  \t ")).toBe("");
  });
});

describe("windowOf", () => {
  it.each([
    ["1a2b:1", "1a2b"],
    ["1a2b:12", "1a2b"],
    ["1a2b", "1a2b"],
  ])("%s → %s", (hash, window) => expect(windowOf(hash)).toBe(window));
});

describe("track keys from the fingerprint step", () => {
  it("reads only files a fingerprint needs by default; `all` reads every located finding's", async () => {
    const supplied = rawFinding({ line: 2, identity: { primaryLocationLineHash: "abc:1" } });
    const needed = reader({ "src/app.js": SOURCE });
    const [lazy] = (await fingerprintFindings([supplied], needed.get)).findings;
    expect(needed.calls).toEqual([]);
    expect(lazy?.track).toEqual({ window: "abc", snippet: "" });

    const all = reader({ "src/app.js": SOURCE });
    const [eager] = (await fingerprintFindings([supplied], all.get, "all")).findings;
    expect(all.calls).toEqual(["src/app.js"]);
    expect(eager?.track).toEqual({
      window: windowOf(computeLineHashes(SOURCE)[1] ?? ""),
      snippet: snippetHash("eval(input);"),
    });
  });

  it("fills the snippet later, only for the findings asked for and once per file", async () => {
    const raw = [rawFinding({ line: 2, identity: { primaryLocationLineHash: "abc:1" } })];
    raw.push(rawFinding({ line: 3, identity: { primaryLocationLineHash: "def:1" } }));
    raw.push(
      rawFinding({ line: 1, path: "src/other.js", identity: { primaryLocationLineHash: "x:1" } }),
    );
    const { findings } = await fingerprintFindings(raw, reader({}).get);
    const files = reader({ "src/app.js": SOURCE, "src/other.js": "x" });
    const filled = await fillTrackKeys(findings, new Set([0, 1]), files.get);
    expect(files.calls).toEqual(["src/app.js"]);
    expect(filled.map((f) => f.track?.snippet)).toEqual([
      snippetHash("eval(input);"),
      snippetHash("return 1;"),
      "",
    ]);
    expect(filled.map((f) => f.fingerprint)).toEqual(findings.map((f) => f.fingerprint));
  });

  it("splits CRLF and lone CR lines as the line hash does", async () => {
    const raw = [rawFinding({ line: 3 })];
    const { findings } = await fingerprintFindings(
      raw,
      reader({ "src/app.js": "a\r\nb\rc\n" }).get,
    );
    expect(findings[0]?.track?.snippet).toBe(snippetHash("c"));
  });
});
