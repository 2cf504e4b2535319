import { describe, expect, it } from "@jest/globals";
import { MAX_RESULTS_PER_FILE } from "../../src/sarif/normalise.js";
import { MAX_READ_FLOW_STEPS, MAX_RELATED_LOCATIONS } from "../../src/sarif/location.js";
import { findingsOf, logOf, normalise, onlyFinding, result, type Json } from "./sarif-snippets.js";

const at = (uri: string, region?: Json, message?: string): Json => ({
  physicalLocation: { artifactLocation: { uri }, ...(region === undefined ? {} : { region }) },
  ...(message === undefined ? {} : { message: { text: message } }),
});

describe("regions", () => {
  it.each([
    ["start only", { startLine: 7 }, { startLine: 7, endLine: 7 }],
    [
      "full",
      { startLine: 2, endLine: 4, startColumn: 3, endColumn: 9 },
      { startLine: 2, endLine: 4, startColumn: 3, endColumn: 9 },
    ],
    ["end before start", { startLine: 5, endLine: 2 }, { startLine: 5, endLine: 5 }],
    [
      "junk columns dropped",
      { startLine: 1, startColumn: 0, endColumn: 1.5 },
      { startLine: 1, endLine: 1 },
    ],
    ["offsets only → file level", { charOffset: 10, charLength: 3 }, undefined],
  ])("%s", (_name, region, expected) => {
    expect(onlyFinding([result({ locations: [at("a.js", region)] })]).location.region).toEqual(
      expected,
    );
  });

  it.each([
    ["zero", { startLine: 0 }],
    ["negative", { startLine: -4 }],
    ["fractional", { startLine: 2.5 }],
    ["absurdly large", { startLine: 10_000_001 }],
    ["huge end line", { startLine: 1, endLine: 1e300 }],
    ["a string", { startLine: "12" }],
  ])("a %s line makes a file-level finding with a warning", (_name, region) => {
    const { findings, notes } = normalise(logOf([result({ locations: [at("a.js", region)] })]));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.location).toEqual({ path: "a.js" });
    expect(notes).toEqual([
      {
        level: "warning",
        source: "test.sarif",
        message: expect.stringMatching(
          /^Scanner rule R1 in a\.js: .* line .* reported for the whole file$/,
        ) as unknown,
      },
    ]);
  });
});

describe("primary location", () => {
  it.each([
    ["no locations", { locations: undefined }],
    ["empty locations", { locations: [] }],
    ["logical only", { locations: [{ logicalLocations: [{ fullyQualifiedName: "a::b" }] }] }],
    ["address only", { locations: [{ physicalLocation: { address: { absoluteAddress: 1024 } } }] }],
    ["a web URI", { locations: [at("https://example.com/x.js")] }],
  ])("%s: dropped with an info note", (_name, overrides) => {
    const { findings, notes } = normalise(logOf([result(overrides)]));
    expect(findings).toEqual([]);
    expect(notes).toEqual([
      {
        level: "info",
        source: "test.sarif",
        message: "Scanner rule R1: a result names no file; skipped",
      },
    ]);
  });

  it("takes the first location that names a file; one note tallies many drops", () => {
    const located = result({
      locations: [{ physicalLocation: { address: {} } }, at("b.py", { startLine: 2 })],
    });
    const { findings, notes } = normalise(
      logOf([located, result({ locations: [] }), result({ locations: [] })]),
    );
    expect(findings.map((f) => f.location)).toEqual([
      { path: "b.py", region: { startLine: 2, endLine: 2 } },
    ]);
    expect(notes.map((note) => note.message)).toEqual([
      "Scanner rule R1: a result names no file; skipped (and 1 more like it)",
    ]);
  });

  it("is file level when only the artifact is known", () => {
    expect(onlyFinding([result({ locations: [at("Dockerfile")] })]).location).toEqual({
      path: "Dockerfile",
    });
  });
});

describe("related locations, code flows, fixes, suppressions, identity", () => {
  it("reads related locations with messages, capped", () => {
    const related = Array.from({ length: MAX_RELATED_LOCATIONS + 5 }, (_, i) =>
      at("src/a.js", { startLine: i + 1 }, `step ${i}`),
    );
    const finding = onlyFinding([
      result({ relatedLocations: [{ message: { text: "nowhere" } }, ...related] }),
    ]);
    expect(finding.relatedLocations).toHaveLength(MAX_RELATED_LOCATIONS);
    expect(finding.relatedLocations[0]).toEqual({
      path: "src/a.js",
      message: "step 0",
      region: { startLine: 1, endLine: 1 },
    });
  });

  it("reads one step list per threadFlow, in order, capped", () => {
    const steps = (n: number, file: string) =>
      Array.from({ length: n }, (_, i) => ({ location: at(file, { startLine: i + 1 }, `s${i}`) }));
    const codeFlows = [
      {
        threadFlows: [
          { locations: steps(2, "a.js") },
          { locations: steps(MAX_READ_FLOW_STEPS + 1, "b.js") },
        ],
      },
      { threadFlows: [{ locations: [{ location: { message: { text: "no place" } } }] }] },
    ];
    const flows = onlyFinding([result({ codeFlows })]).codeFlows;
    expect(flows.map((flow) => flow.length)).toEqual([2, MAX_READ_FLOW_STEPS]);
    expect(flows[0]).toEqual([
      { path: "a.js", message: "s0", region: { startLine: 1, endLine: 1 } },
      { path: "a.js", message: "s1", region: { startLine: 2, endLine: 2 } },
    ]);
  });

  it("reads fixes; tolerates artifactChanges null; skips offset-only replacements", () => {
    const fixes = [
      {
        description: { text: "Use get()" },
        artifactChanges: [
          {
            artifactLocation: { uri: "a.py" },
            replacements: [
              {
                deletedRegion: { startLine: 5, startColumn: 3, endColumn: 12 },
                insertedContent: { text: "x.get(k)" },
              },
              { deletedRegion: { charOffset: 0, charLength: 1 } },
            ],
          },
        ],
      },
      { description: { markdown: "Consider `os.Root`" }, artifactChanges: null },
      {
        artifactChanges: [
          {
            artifactLocation: { uri: "a.py" },
            replacements: [{ deletedRegion: { byteOffset: 3 } }],
          },
        ],
      },
    ];
    expect(onlyFinding([result({ fixes })]).fixes).toEqual([
      {
        description: "Use get()",
        replacements: [
          {
            path: "a.py",
            deleted: { startLine: 5, endLine: 5, startColumn: 3, endColumn: 12 },
            inserted: "x.get(k)",
          },
        ],
      },
      { description: "Consider `os.Root`", replacements: [] },
    ]);
  });

  it("reads suppressions with kind, status and justification", () => {
    const suppressions = [
      { kind: "inSource", justification: "tested" },
      { kind: "external", status: "underReview" },
      { kind: "sideways", status: "accepted" },
      { kind: "external", status: "maybe" },
    ];
    expect(onlyFinding([result({ suppressions })]).suppressions).toEqual([
      { kind: "inSource", justification: "tested" },
      { kind: "external", status: "underReview" },
      { kind: "external" },
    ]);
  });

  it.each([
    [{ fingerprints: { b: "2", a: "1" } }, { toolFingerprint: "a/1" }],
    [{ fingerprints: { a: 7, b: "2" } }, { toolFingerprint: "b/2" }],
    [
      { partialFingerprints: { primaryLocationLineHash: "abc:1", other: "x" } },
      { primaryLocationLineHash: "abc:1" },
    ],
    [{ partialFingerprints: { primaryLocationLineHash: "h".repeat(5000) } }, {}],
    [{}, {}],
  ])("identity hints of %j", (overrides, expected) => {
    expect(onlyFinding([result(overrides)]).identity).toEqual(expected);
  });
});

describe("dedupe and caps", () => {
  it("keeps one finding per tool, rule, path and lines: the most severe, the first among equals", () => {
    const findings = findingsOf([
      result({ level: "note", message: { text: "first note" } }),
      result({ level: "error", message: { text: "first error" } }),
      result({ level: "error", message: { text: "second error" } }),
      result({ level: "error", locations: [at("src/app.js", { startLine: 3, endLine: 4 })] }),
      result({ ruleId: "R2", level: "error" }),
    ]);
    expect(findings.map((f) => [f.rule.id, f.message, f.location.region?.endLine])).toEqual([
      ["R1", "first error", 3],
      ["R1", "found it", 4],
      ["R2", "found it", 3],
    ]);
  });

  it("reads several runs", () => {
    const log = logOf([result()]);
    log.runs.push({ tool: { driver: { name: "Other" } }, results: [result() as never] });
    expect(normalise(log).findings.map((f) => f.tool.name)).toEqual(["Scanner", "Other"]);
  });

  it(`reads at most ${MAX_RESULTS_PER_FILE} results per file, with a warning`, () => {
    const results = Array.from({ length: MAX_RESULTS_PER_FILE + 3 }, (_, i) =>
      result({ locations: [at("a.js", { startLine: i + 1 })] }),
    );
    const { findings, notes } = normalise(logOf(results));
    expect(findings).toHaveLength(MAX_RESULTS_PER_FILE);
    expect(notes).toEqual([
      {
        level: "warning",
        source: "test.sarif",
        message: `${MAX_RESULTS_PER_FILE + 3} results; only the first ${MAX_RESULTS_PER_FILE} were read`,
      },
    ]);
  });
});
