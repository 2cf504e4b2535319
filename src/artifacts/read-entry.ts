import type { Entry, ZipFile } from "yauzl";

export type EntryRead =
  | { status: "ok"; content: Buffer }
  /** More than `maxBytes` inflated; the stream was stopped there. */
  | { status: "over-budget"; bytesRead: number }
  /** Inflated past the size its header declares (caught by yauzl's validateEntrySizes). */
  | { status: "size-mismatch"; message: string }
  | { status: "failed"; message: string };

/**
 * Inflates one entry, counting the bytes actually produced and stopping the moment they pass
 * `maxBytes`: declared sizes are attacker-controlled, so memory is bounded by this count alone.
 */
export async function readEntryBounded(
  zipfile: ZipFile,
  entry: Entry,
  maxBytes: number,
): Promise<EntryRead> {
  let stream;
  try {
    stream = await zipfile.openReadStreamPromise(entry);
  } catch (error) {
    return { status: "failed", message: errorMessage(error) };
  }
  const opened = stream;
  return new Promise<EntryRead>((resolve) => {
    const chunks: Buffer[] = [];
    let bytesRead = 0;
    let settled = false;
    const settle = (result: EntryRead): void => {
      if (settled) return;
      settled = true;
      opened.removeAllListeners("data");
      resolve(result);
    };
    opened.on("data", (chunk: Buffer) => {
      bytesRead += chunk.length;
      if (bytesRead > maxBytes) {
        opened.destroy();
        settle({ status: "over-budget", bytesRead });
        return;
      }
      chunks.push(chunk);
    });
    opened.on("end", () => settle({ status: "ok", content: Buffer.concat(chunks, bytesRead) }));
    opened.on("error", (error: Error) => {
      const message = errorMessage(error);
      // yauzl's wording for validateEntrySizes; the only way to tell this case apart.
      const lied = message.startsWith("too many bytes in the stream");
      settle(lied ? { status: "size-mismatch", message } : { status: "failed", message });
    });
  });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
