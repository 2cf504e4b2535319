import type { Entry, ZipFile } from "yauzl";

export type EntryRead =
  | { status: "ok"; content: Buffer }
  /** More than `maxBytes` inflated; the stream was stopped there. */
  | { status: "over-budget"; bytesRead: number }
  /** Inflated past the size its header declares (caught by yauzl's validateEntrySizes). */
  | { status: "size-mismatch"; message: string }
  | { status: "failed"; message: string };

/** Why an entry's stream stopped short: what `entryChunks` throws. */
export class EntryReadError extends Error {
  override name = "EntryReadError";
  constructor(readonly read: Exclude<EntryRead, { status: "ok" }>) {
    super(
      read.status === "over-budget" ? `over budget after ${read.bytesRead} bytes` : read.message,
    );
  }
}

/**
 * One entry's inflated bytes as they come, counting the bytes actually produced and stopping
 * the moment they pass `maxBytes`: declared sizes are attacker-controlled, so memory is bounded by
 * this count alone. Throws EntryReadError; stopping early (the consumer breaks) closes the stream.
 */
export async function* entryChunks(
  zipfile: ZipFile,
  entry: Entry,
  maxBytes: number,
): AsyncGenerator<Buffer, void, undefined> {
  let stream;
  try {
    stream = await zipfile.openReadStreamPromise(entry);
  } catch (error) {
    throw new EntryReadError({ status: "failed", message: errorMessage(error) });
  }
  let bytesRead = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      if (bytesRead > maxBytes) throw new EntryReadError({ status: "over-budget", bytesRead });
      yield chunk;
    }
  } catch (error) {
    if (error instanceof EntryReadError) throw error;
    const message = errorMessage(error);
    // yauzl's wording for validateEntrySizes; the only way to tell this case apart.
    const lied = message.startsWith("too many bytes in the stream");
    throw new EntryReadError(
      lied ? { status: "size-mismatch", message } : { status: "failed", message },
    );
  } finally {
    stream.destroy();
  }
}

/** The whole entry in memory, within `maxBytes`. */
export async function readEntryBounded(
  zipfile: ZipFile,
  entry: Entry,
  maxBytes: number,
): Promise<EntryRead> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of entryChunks(zipfile, entry, maxBytes)) chunks.push(chunk);
  } catch (error) {
    if (error instanceof EntryReadError) return error.read;
    throw error;
  }
  return { status: "ok", content: Buffer.concat(chunks) };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
