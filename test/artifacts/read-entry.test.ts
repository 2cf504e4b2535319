import { describe, expect, it } from "@jest/globals";
import yauzl from "yauzl";
import type { Entry } from "yauzl";
import { readEntryBounded } from "../../src/artifacts/read-entry.js";
import { buildZip } from "./zip-builder.js";

async function firstEntry(zip: Buffer) {
  const zipfile = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const entry = await new Promise<Entry>((resolve) => {
    zipfile.once("entry", resolve);
    zipfile.readEntry();
  });
  return { zipfile, entry };
}

describe("readEntryBounded", () => {
  it("reads an entry within its budget", async () => {
    const { zipfile, entry } = await firstEntry(
      buildZip([{ name: "a.sarif", data: "x".repeat(500) }]),
    );
    expect(await readEntryBounded(zipfile, entry, 500)).toEqual({
      status: "ok",
      content: Buffer.from("x".repeat(500)),
    });
  });

  it("stops counting bytes actually inflated, whatever the header declares", async () => {
    const data = Buffer.alloc(4 * 1024 * 1024);
    const { zipfile, entry } = await firstEntry(buildZip([{ name: "a.sarif", data }]));
    const read = await readEntryBounded(zipfile, entry, 1000);
    expect(read.status).toBe("over-budget");
    // Stopped at the first chunk past the budget, long before the 4 MiB.
    expect(read.status === "over-budget" && read.bytesRead).toBeLessThanOrEqual(1000 + 64 * 1024);
  });
});
