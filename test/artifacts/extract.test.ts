import { randomBytes } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { extractSarifFiles } from "../../src/artifacts/extract.js";
import { DEFAULT_ARTIFACT_LIMITS, type ArtifactLimits } from "../../src/artifacts/limits.js";
import { buildZip, type ZipEntrySpec } from "./zip-builder.js";

const SARIF = JSON.stringify({ version: "2.1.0", runs: [{ tool: { driver: { name: "x" } } }] });
const OK: ZipEntrySpec = { name: "ok.sarif", data: SARIF };

async function extract(zip: Buffer, limits: Partial<ArtifactLimits> = {}) {
  const result = await extractSarifFiles(zip, "sarif-results", {
    ...DEFAULT_ARTIFACT_LIMITS,
    ...limits,
  });
  return {
    names: result.files.map((file) => file.name),
    files: result.files,
    notes: result.notes,
    messages: result.notes.map((note) => `${note.level}: ${note.message}`),
  };
}

/** Incompressible text, so entries stay far under the ratio limit. */
function noise(bytes: number): string {
  return randomBytes(bytes).toString("base64").slice(0, bytes);
}

describe("extractSarifFiles", () => {
  it("returns the SARIF entries and silently skips other files and directories", async () => {
    const zip = buildZip([
      { name: "codeql/", data: "" },
      { name: "codeql/javascript.sarif", data: SARIF },
      { name: "trivy.sarif.json", data: "{}", method: "store" },
      { name: "README.md", data: "# hello" },
    ]);
    const { files, notes } = await extract(zip);
    expect(notes).toEqual([]);
    expect(files).toEqual([
      { name: "codeql/javascript.sarif", content: Buffer.from(SARIF) },
      { name: "trivy.sarif.json", content: Buffer.from("{}") },
    ]);
  });

  it("skips zip-slip names with a note each and still reads the safe entries", async () => {
    const hostile = ["../../etc/passwd.sarif", "/abs.sarif", "C:\\x.sarif", "..\\..\\evil.sarif"];
    const zip = buildZip([...hostile.map((name) => ({ name, data: SARIF })), OK]);
    const { names, notes } = await extract(zip);
    expect(names).toEqual(["ok.sarif"]);
    expect(notes).toHaveLength(hostile.length);
    hostile.forEach((name, i) => {
      expect(notes[i]).toEqual({
        level: "error",
        source: "sarif-results",
        message: expect.stringContaining(`Skipped entry ${JSON.stringify(name)}`),
      });
    });
  });

  it("refuses a zip bomb by its declared ratio without inflating it", async () => {
    const bomb = { name: "bomb.sarif", data: Buffer.alloc(50 * 1024 * 1024) };
    const zip = buildZip([bomb, OK]);
    expect(zip.length).toBeLessThan(200 * 1024);
    const { names, messages } = await extract(zip);
    expect(names).toEqual(["ok.sarif"]);
    expect(messages).toEqual([
      expect.stringMatching(/^error: Skipped "bomb.sarif".*compression ratio limit of 200/),
    ]);
  });

  it("stops at the total uncompressed limit, keeping what was read before", async () => {
    const entries = ["a", "b", "c", "d"].map((n) => ({ name: `${n}.sarif`, data: noise(100_000) }));
    const { names, messages } = await extract(buildZip(entries), {
      maxUncompressedBytes: 250_000,
    });
    expect(names).toEqual(["a.sarif", "b.sarif"]);
    expect(messages).toEqual([
      expect.stringMatching(/^error: Stopped at "c.sarif".*GUARDRAIL_ARTIFACT_MAX_UNCOMPRESSED/),
    ]);
  });

  it("refuses an artifact with more entries than allowed before reading any", async () => {
    const entries = Array.from({ length: 1001 }, (_, i) => ({ name: `r${i}.sarif`, data: "{}" }));
    const { names, messages } = await extract(buildZip(entries));
    expect(names).toEqual([]);
    expect(messages).toEqual([expect.stringMatching(/^error: .*has 1001 entries.*limit of 1000/)]);
  });

  it("stops an entry that inflates past its declared size", async () => {
    const liar = {
      name: "liar.sarif",
      data: Buffer.alloc(5 * 1024 * 1024),
      declaredUncompressedSize: 1000,
    };
    const { names, messages } = await extract(buildZip([liar, OK]));
    expect(names).toEqual(["ok.sarif"]);
    expect(messages).toEqual([
      expect.stringMatching(/^error: Stopped reading "liar.sarif".*past the 1000 bytes/),
    ]);
  });

  it("refuses a download over the compressed size limit", async () => {
    const zip = buildZip([{ name: "big.sarif", data: noise(20_000) }]);
    const { names, messages } = await extract(zip, { maxBytes: 10_000 });
    expect(names).toEqual([]);
    expect(messages).toEqual([
      expect.stringMatching(/^error: .*GUARDRAIL_ARTIFACT_MAX_BYTES.*not opened/),
    ]);
  });

  it.each([
    ["truncated", (zip: Buffer) => zip.subarray(0, zip.length - 10), /not a readable zip file/],
    ["not a zip at all", () => Buffer.from("<html>Not Found</html>"), /not a readable zip file/],
    ["empty bytes", () => Buffer.alloc(0), /not a readable zip file/],
  ])("reports a %s artifact", async (_name, corrupt, message) => {
    const { names, notes } = await extract(corrupt(buildZip([OK])));
    expect(names).toEqual([]);
    expect(notes).toEqual([
      { level: "error", source: "sarif-results", message: expect.stringMatching(message) },
    ]);
  });

  it("keeps the entries read before a damaged central directory record", async () => {
    const zip = buildZip([OK, { name: "second.sarif", data: SARIF }]);
    const second = zip.lastIndexOf(Buffer.from("PK\u0001\u0002"));
    zip.writeUInt32LE(0xdeadbeef, second);
    const { names, messages } = await extract(zip);
    expect(names).toEqual(["ok.sarif"]);
    expect(messages).toEqual([expect.stringMatching(/^error: .*zip directory is damaged/)]);
  });

  const broken: [string, ZipEntrySpec, boolean][] = [
    ["corrupt deflate data", { name: "bad.sarif", data: SARIF, method: "store" }, true],
    ["an encrypted entry", { name: "bad.sarif", data: SARIF, encrypted: true }, false],
  ];
  it.each(broken)(
    "notes %s and reads the other entries",
    async (_name, bad: ZipEntrySpec, retype) => {
      const zip = buildZip([bad, OK]);
      if (retype) {
        // Mark the stored entry as deflated in both headers: its bytes are not a deflate stream.
        zip.writeUInt16LE(8, 8);
        zip.writeUInt16LE(8, zip.indexOf(Buffer.from("PK\u0001\u0002")) + 10);
      }
      const { names, messages } = await extract(zip);
      expect(names).toEqual(["ok.sarif"]);
      expect(messages).toEqual([expect.stringMatching(/^error: Could not read "bad.sarif"/)]);
    },
  );

  it.each([
    ["an empty zip", []],
    ["a zip without SARIF", [{ name: "notes.txt", data: "hi" }]],
  ])("warns about %s", async (_name, entries: ZipEntrySpec[]) => {
    const { names, messages } = await extract(buildZip(entries));
    expect(names).toEqual([]);
    expect(messages).toEqual([expect.stringMatching(/^warning: .*contains no SARIF file/)]);
  });
});
