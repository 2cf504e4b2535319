/**
 * The streaming reader against the whole-file one: every real fixture, cut into chunks of
 * several sizes (1 byte included), must give the same findings, notes and tool names as
 * readSarif + normaliseSarif; hostile input is refused the same way.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { normaliseSarif } from "../../src/sarif/normalise.js";
import { readSarif } from "../../src/sarif/read-sarif.js";
import { readSarifStream } from "../../src/sarif/read-sarif-stream.js";
import { fixtureFiles } from "./corpus-fixtures.js";

const ROOT = new URL("../fixtures/sarif/", import.meta.url);

function chunked(bytes: Uint8Array, size: number) {
  let opened = 0;
  const open = async function* () {
    opened += 1;
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    await Promise.resolve();
  };
  return { open, opens: () => opened };
}

function wholeFile(bytes: Uint8Array, source: string) {
  const read = readSarif(bytes, source);
  if (!read.ok) return read;
  const { findings, notes } = normaliseSarif(read.log, { source });
  const toolNames = [
    ...new Set((read.log.runs ?? []).map((run) => run.tool?.driver?.name).filter(Boolean)),
  ];
  const runs = (read.log.runs ?? []).map((run) => ({ ...run, results: [] }));
  return { ok: true, findings, notes: [...read.warnings, ...notes], toolNames, runs };
}

const stream = (text: string | Uint8Array, size = 5) =>
  readSarifStream(chunked(Buffer.from(text), size).open, "a/x.sarif");

describe("readSarifStream reads every fixture as readSarif + normaliseSarif do", () => {
  it.each(fixtureFiles().filter((file) => file.endsWith(".sarif") || file.endsWith(".json")))(
    "%s",
    async (file) => {
      const bytes = readFileSync(new URL(file, ROOT));
      const whole = wholeFile(bytes, file);
      // The two parsers word a syntax error differently; what matters is that both refuse.
      const expected = whole.ok
        ? whole
        : {
            ok: false,
            notes: whole.notes.map((n) => ({
              ...n,
              message: expect.stringMatching(n.message.split(":")[0]!),
            })),
          };
      for (const size of [bytes.length, 4096, 7, ...(bytes.length < 50_000 ? [1] : [])]) {
        expect(await readSarifStream(chunked(bytes, size).open, file)).toEqual(expected);
      }
    },
  );
});

const driver = { name: "S", rules: [{ id: "r1" }] };
const result = (line: number) => ({
  ruleId: "r1",
  message: { text: `m${line}` },
  locations: [
    { physicalLocation: { artifactLocation: { uri: "src/a.js" }, region: { startLine: line } } },
  ],
});

describe("readSarifStream passes", () => {
  it("reads in one pass when the tool comes first, in two when it follows the results", async () => {
    const toolFirst = JSON.stringify({
      version: "2.1.0",
      runs: [{ tool: { driver }, results: [result(1)] }],
    });
    const toolLast = JSON.stringify({
      version: "2.1.0",
      runs: [{ results: [result(1)], tool: { driver } }],
    });
    for (const [text, passes] of [
      [toolFirst, 1],
      [toolLast, 2],
    ] as const) {
      const source = chunked(Buffer.from(text), 3);
      const read = await readSarifStream(source.open, "x");
      expect(read).toMatchObject({
        ok: true,
        toolNames: ["S"],
        findings: [{ rule: { id: "r1" } }],
      });
      expect(source.opens()).toBe(passes);
    }
  });

  it("reads results against base URIs that follow them", async () => {
    const text = JSON.stringify({
      version: "2.1.0",
      runs: [
        {
          tool: { driver },
          results: [
            {
              ...result(2),
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: "a.js", uriBaseId: "SRC" },
                    region: { startLine: 2 },
                  },
                },
              ],
            },
          ],
          originalUriBaseIds: { SRC: { uri: "file:///w/src/" } },
        },
      ],
    });
    expect(await stream(text)).toEqual(wholeFile(Buffer.from(text), "a/x.sarif"));
  });

  it("passes on an error of the byte stream itself (a limit on the artifact)", async () => {
    const open = async function* () {
      yield Buffer.from('{"version":"2.1.0","runs":[{"tool":');
      await Promise.resolve();
      throw new Error("over budget");
    };
    await expect(readSarifStream(open, "x")).rejects.toThrow("over budget");
  });
});

const valid = { version: "2.1.0", runs: [{ tool: { driver }, results: [result(1), result(2)] }] };
const text = JSON.stringify(valid);

describe("readSarifStream refuses what cannot be read", () => {
  it.each([
    ["empty file", "", /^not valid JSON/],
    ["not JSON", "{ runs: ,", /^not valid JSON/],
    ["a broken result", text.replace('"m2"', "m2"), /^not valid JSON/],
    ["no comma between results", text.replace("},{", "} {"), /^not valid JSON/],
    ["a trailing comma in results", text.replace("}]}]}", "},]}]}"), /^not valid JSON/],
    ["garbage after the log", `${text} x`, /^not valid JSON/],
    ["a truncated file", text.slice(0, -3), /^not valid JSON/],
    [
      "two results arrays in a run",
      text.replace('"results":', '"results":[],"results":'),
      /two "results"/,
    ],
    [
      "a result not an object",
      JSON.stringify({
        ...valid,
        runs: [{ tool: { driver }, results: [result(1), result(2), "x"] }],
      }),
      /\/runs\/0\/results\/2: must be object/,
    ],
    [
      "results a number",
      text.replace(/"results":\[.*\]\}\]\}$/, '"results":42}]}'),
      /\/runs\/0\/results: must be array/,
    ],
    ["a JSON array", "[]", /not valid SARIF 2\.1\.0: \/: must be object/],
    ["100,000 nested arrays", "[".repeat(100_000) + "]".repeat(100_000), /nested deeper than 256/],
    [
      "deep nesting in a result",
      text.replace('"m2"', `${"[".repeat(300)}${"]".repeat(300)}`),
      /nested deeper than 256/,
    ],
  ])("%s", async (_name, input, message) => {
    for (const size of [1, 5, 1 << 16]) {
      const outcome = await stream(input, size);
      expect(outcome).toEqual({
        ok: false,
        notes: [{ level: "error", source: "a/x.sarif", message: expect.stringMatching(message) }],
      });
    }
  });

  it("reads a file with a byte order mark, split inside the mark", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    for (const size of [1, 2, 3, 4]) {
      expect(await stream(bytes, size)).toMatchObject({ ok: true, findings: [{}, {}] });
    }
  });

  it("reads strings with escaped quotes and backslashes split at any byte", async () => {
    const tricky = {
      ...valid,
      runs: [
        {
          tool: { driver },
          results: [{ ...result(1), message: { text: 'a\\"]},{\\\\' } }, result(2)],
        },
      ],
    };
    const bytes = JSON.stringify(tricky);
    const expected = wholeFile(Buffer.from(bytes), "a/x.sarif");
    expect(expected).toMatchObject({ ok: true, findings: [{ message: 'a\\"]},{\\\\' }, {}] });
    for (const size of [1, 2, 3, 5]) expect(await stream(bytes, size)).toEqual(expected);
  });

  it("keys written with escapes are the same keys", async () => {
    const escaped = text.replace('"runs"', '"r\\u0075ns"').replace('"results"', '"re\\u0073ults"');
    expect(await stream(escaped, 2)).toEqual(await stream(text));
  });
});
