import yauzl from "yauzl";
import type { Entry, ZipFile } from "yauzl";
import type { Note } from "../findings/finding.js";
import { classifyEntryName } from "./entry-name.js";
import type { ArtifactLimits } from "./limits.js";
import { entryChunks, EntryReadError } from "./read-entry.js";
import * as say from "./extract-notes.js";

export interface SarifEntry {
  /** The entry's path inside the artifact (safe, relative, POSIX). */
  name: string;
  /** Its inflated bytes, within the limits; may be opened again (a second read pass). */
  open: () => AsyncIterable<Buffer>;
}

/**
 * Hands each SARIF entry of an artifact zip to `visit` as a stream, within `limits`: nothing is
 * inflated beyond what the limits allow, and no entry is ever held whole here. Whatever could be
 * read is visited even when something else in the artifact was refused; refusals become notes
 * with `source` = the artifact name. An error of `visit` itself is thrown after the zip is closed.
 */
export async function forEachSarifEntry(
  zip: Buffer,
  artifactName: string,
  limits: ArtifactLimits,
  visit: (entry: SarifEntry) => Promise<void>,
): Promise<{ notes: Note[] }> {
  const notes: Note[] = [];
  const note = (level: Note["level"], message: string): void => {
    notes.push({ level, source: artifactName, message });
  };
  if (zip.length > limits.maxBytes) {
    note("error", say.tooBig(zip.length, limits.maxBytes));
    return { notes };
  }
  let zipfile: ZipFile;
  try {
    zipfile = await yauzl.fromBufferPromise(zip, {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: true,
      // Names are decoded and judged here: yauzl would abort the whole zip on one unsafe name.
      decodeStrings: false,
    });
  } catch (error) {
    note("error", say.notAZip(error));
    return { notes };
  }
  let visited = 0;
  let failure: { error: unknown } | undefined;
  try {
    if (zipfile.entryCount > limits.maxEntries) {
      note("error", say.tooManyEntries(zipfile.entryCount, limits.maxEntries));
      return { notes };
    }
    let budget = limits.maxUncompressedBytes;
    for await (const entry of zipfile.eachEntry()) {
      const name = entryName(entry);
      const kind = classifyEntryName(name);
      if (kind.kind === "unsafe") note("error", say.unsafeName(name, kind.reason));
      if (kind.kind !== "sarif") continue;
      if (entry.uncompressedSize > entry.compressedSize * limits.maxRatio) {
        note("error", say.ratioTooHigh(name, entry, limits.maxRatio));
        continue;
      }
      const entryBudget = Math.min(budget, entry.compressedSize * limits.maxRatio);
      const counted = countFirstRead(() => entryChunks(zipfile, entry, entryBudget));
      try {
        await visit({ name, open: counted.open });
        visited += 1;
        budget -= counted.bytes();
      } catch (error) {
        if (!(error instanceof EntryReadError)) {
          failure = { error };
          break;
        }
        const { read } = error;
        if (read.status === "over-budget" && entryBudget === budget) {
          note("error", say.totalTooBig(name, limits.maxUncompressedBytes));
          return { notes };
        } else if (read.status === "over-budget") {
          note("error", say.ratioExceededWhileReading(name, limits.maxRatio));
        } else if (read.status === "size-mismatch") {
          note("error", say.sizeLied(name, entry.uncompressedSize));
        } else {
          note("error", say.unreadable(name, read.message));
        }
      }
    }
  } catch (error) {
    note("error", say.damaged(error));
  } finally {
    zipfile.close();
  }
  if (failure !== undefined) throw failure.error;
  if (visited === 0 && notes.length === 0) note("warning", say.noSarif());
  return { notes };
}

/** The budget is spent by the bytes of an entry, not by reading them twice. */
function countFirstRead(open: () => AsyncGenerator<Buffer>) {
  let bytes = 0;
  let opened = 0;
  return {
    bytes: () => bytes,
    open: (): AsyncGenerator<Buffer> => {
      const first = opened === 0;
      opened += 1;
      return (async function* () {
        for await (const chunk of open()) {
          if (first) bytes += chunk.length;
          yield chunk;
        }
      })();
    },
  };
}

/** Strict: backslashes are kept so that classifyEntryName can refuse them. */
function entryName(entry: Entry): string {
  const { generalPurposeBitFlag, fileNameRaw, extraFields } = entry;
  return yauzl.getFileNameLowLevel(generalPurposeBitFlag, fileNameRaw, extraFields, true);
}
