/** Streaming each SARIF entry of a zip into the streaming reader, within the artifact limits. */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { DEFAULT_ARTIFACT_LIMITS, type ArtifactLimits } from "../../src/artifacts/limits.js";
import { forEachSarifEntry } from "../../src/artifacts/sarif-entries.js";
import { readSarifStream, type StreamedSarif } from "../../src/sarif/read-sarif-stream.js";
import { buildZip } from "./zip-builder.js";

const driver = { name: "S", rules: [{ id: "r" }] };
const result = (i: number) => ({
  ruleId: "r",
  message: { text: `m ${i} ${randomBytes(24).toString("base64")}` },
  locations: [
    { physicalLocation: { artifactLocation: { uri: `f${i}.js` }, region: { startLine: 1 } } },
  ],
});
/** Semgrep's order: results before the tool, so the reader opens each entry twice. */
function semgrepLike(results: number): string {
  return JSON.stringify({
    version: "2.1.0",
    runs: [{ results: Array.from({ length: results }, (_, i) => result(i)), tool: { driver } }],
  });
}

async function readAll(zip: Buffer, limits: Partial<ArtifactLimits> = {}) {
  const reads: [string, StreamedSarif][] = [];
  const { notes } = await forEachSarifEntry(
    zip,
    "scan",
    { ...DEFAULT_ARTIFACT_LIMITS, ...limits },
    async (entry) => void reads.push([entry.name, await readSarifStream(entry.open, entry.name)]),
  );
  return { reads, messages: notes.map((n) => `${n.level}: ${n.message}`) };
}

describe("forEachSarifEntry + readSarifStream", () => {
  it("reads each entry's findings, and a second pass does not spend the budget again", async () => {
    const text = semgrepLike(300);
    const zip = buildZip([
      { name: "a.sarif", data: text },
      { name: "b.sarif", data: text },
    ]);
    // Room for both files once each, not for four reads.
    const { reads, messages } = await readAll(zip, { maxUncompressedBytes: text.length * 2 + 10 });
    expect(messages).toEqual([]);
    expect(reads.map(([name, read]) => [name, read.ok && read.findings.length])).toEqual([
      ["a.sarif", 300],
      ["b.sarif", 300],
    ]);
  });

  it("stops an entry whose inflated bytes pass the total budget, with the note extraction gives", async () => {
    const text = semgrepLike(300);
    const zip = buildZip([{ name: "a.sarif", data: text }]);
    const { reads, messages } = await readAll(zip, { maxUncompressedBytes: text.length - 1 });
    expect(reads).toEqual([]);
    expect(messages).toEqual([expect.stringMatching(/^error: .*a\.sarif/)]);
  });

  it("throws what the visitor throws, after closing the zip", async () => {
    const zip = buildZip([{ name: "a.sarif", data: semgrepLike(1) }]);
    const visit = () => Promise.reject(new Error("store down"));
    await expect(forEachSarifEntry(zip, "scan", DEFAULT_ARTIFACT_LIMITS, visit)).rejects.toThrow(
      "store down",
    );
  });

  it("refuses a broken entry and still reads the others", async () => {
    const zip = buildZip([
      { name: "bad.sarif", data: '{"version":"2.1.0","runs":[{"tool":{},"results":[{]}]}' },
      { name: "good.sarif", data: semgrepLike(2) },
    ]);
    const { reads, messages } = await readAll(zip);
    expect(messages).toEqual([]);
    expect(reads).toEqual([
      [
        "bad.sarif",
        {
          ok: false,
          notes: [expect.objectContaining({ message: expect.stringMatching(/^not valid JSON/) })],
        },
      ],
      ["good.sarif", expect.objectContaining({ ok: true })],
    ]);
  });
});
