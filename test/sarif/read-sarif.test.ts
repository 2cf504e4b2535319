import { describe, expect, it } from "@jest/globals";
import { readSarif } from "../../src/sarif/read-sarif.js";
import { exceedsJsonDepth, MAX_JSON_DEPTH } from "../../src/sarif/json-depth.js";
import { MAX_SCHEMA_VIOLATIONS } from "../../src/sarif/schema-validator.js";

const driver = { name: "S" };
const valid = { version: "2.1.0", runs: [{ tool: { driver }, results: [] }] };

function read(value: unknown) {
  return readSarif(typeof value === "string" ? value : JSON.stringify(value), "a/x.sarif");
}

describe("readSarif refuses what cannot be read", () => {
  it.each([
    ["not JSON", "{ runs: ,", /not valid JSON/],
    ["empty file", "", /not valid JSON/],
    ["a JSON array", [], /not valid SARIF 2\.1\.0: \/: must be object/],
    ["JSON null", null, /\/: must be object/],
    ["no runs", { version: "2.1.0" }, /must have required property 'runs'/],
    ["runs not an array", { version: "2.1.0", runs: {} }, /\/runs: must be array/],
    ["a run not an object", { version: "2.1.0", runs: [7] }, /\/runs\/0: must be object/],
    [
      "results a number",
      { version: "2.1.0", runs: [{ tool: { driver }, results: 42 }] },
      /\/runs\/0\/results: must be array/,
    ],
    [
      "a result not an object",
      {
        version: "2.1.0",
        runs: [{ tool: { driver }, results: [{ message: { text: "m" } }, "x"] }],
      },
      /\/runs\/0\/results\/1: must be object/,
    ],
  ])("%s", (_name, input, message) => {
    const outcome = read(input);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.notes).toHaveLength(1);
    expect(outcome.notes[0]).toMatchObject({ level: "error", source: "a/x.sarif" });
    expect(outcome.notes[0]!.message).toMatch(message);
  });
});

describe("readSarif reads past harmless violations", () => {
  it.each([
    ["valid", valid, 0],
    [
      "bytes with a UTF-8 BOM",
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(JSON.stringify(valid))]),
      0,
    ],
    ["runs null", { version: "2.1.0", runs: null }, 0],
    ["wrong version", { ...valid, version: "2.0.0" }, 1],
    [
      "duplicate taxa",
      {
        version: "2.1.0",
        runs: [
          { tool: { driver }, taxonomies: [{ name: "CWE", taxa: [{ id: "1" }, { id: "1" }] }] },
        ],
      },
      1,
    ],
    [
      "artifactChanges null",
      {
        version: "2.1.0",
        runs: [
          {
            tool: { driver },
            results: [{ message: { text: "m" }, fixes: [{ artifactChanges: null }] }],
          },
        ],
      },
      1,
    ],
    [
      "a string line number",
      {
        version: "2.1.0",
        runs: [
          {
            tool: { driver },
            results: [
              {
                message: { text: "m" },
                locations: [{ physicalLocation: { region: { startLine: "3" } } }],
              },
            ],
          },
        ],
      },
      1,
    ],
  ])("%s", (_name, input, warnings) => {
    const outcome = input instanceof Uint8Array ? readSarif(input, "a/x.sarif") : read(input);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.warnings).toHaveLength(warnings);
    for (const warning of outcome.warnings) {
      expect(warning).toMatchObject({ level: "warning", source: "a/x.sarif" });
      expect(warning.message).toMatch(/do not prevent reading: \/runs|\/version/);
    }
  });
});

describe("readSarif on hostile input", () => {
  it("refuses 100,000 nested arrays with a clear note", () => {
    const outcome = read("[".repeat(100_000) + "]".repeat(100_000));
    expect(outcome).toEqual({
      ok: false,
      notes: [
        {
          level: "error",
          source: "a/x.sarif",
          message: expect.stringMatching(/nested deeper than 256/) as unknown,
        },
      ],
    });
  });

  it("refuses deep nesting hidden in a property bag", () => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    const text = JSON.stringify(valid).replace(
      '"results":[]',
      `"results":[],"properties":{"x":${deep}}`,
    );
    expect(read(text).ok).toBe(false);
  });

  it("caps the violations it collects from 200,000 bad results", () => {
    const results = Array.from({ length: 200_000 }, () => ({
      message: { text: "m" },
      level: "loud",
    }));
    const outcome = read({ version: "2.1.0", runs: [{ tool: { driver }, results }] });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.warnings[0]!.message).toMatch(new RegExp(`^${MAX_SCHEMA_VIOLATIONS}\\+ SARIF`));
    expect(outcome.warnings[0]!.message.length).toBeLessThan(2000);
  });

  it("still refuses a non-object result that comes after the cap", () => {
    const results: unknown[] = Array.from({ length: 500 }, () => ({
      message: { text: "m" },
      level: "loud",
    }));
    results.push(null);
    const outcome = read({ version: "2.1.0", runs: [{ tool: { driver }, results }] });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.notes[0]!.message).toMatch(/\/runs\/0\/results\/500: must be object/);
  });

  it("keeps a huge parser message short", () => {
    const outcome = read(`{"a": ${"x".repeat(100_000)}}`);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.notes[0]!.message.length).toBeLessThan(1100);
  });
});

describe("exceedsJsonDepth", () => {
  it.each([
    ["[]", 1, false],
    ["[[]]", 1, true],
    ['{"a":"[[[[[["}', 1, false], // brackets inside strings do not count
    ['{"a":"\\"[[["}', 1, false], // nor after an escaped quote
    ["[".repeat(MAX_JSON_DEPTH) + "]".repeat(MAX_JSON_DEPTH), MAX_JSON_DEPTH, false],
    ["[".repeat(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH, true],
  ])("%s (max %d) → %s", (text, max, expected) => {
    expect(exceedsJsonDepth(text, max)).toBe(expected);
  });
});
