import yauzl from "yauzl";
import type { Entry, ZipFile } from "yauzl";
import type { Note } from "../findings/finding.js";
import { classifyEntryName } from "./entry-name.js";
import type { ArtifactLimits } from "./limits.js";
import { readEntryBounded } from "./read-entry.js";
import * as say from "./extract-notes.js";

export interface ExtractedFile {
  /** The entry's path inside the artifact (safe, relative, POSIX). */
  name: string;
  content: Buffer;
}

export interface Extraction {
  files: ExtractedFile[];
  /** Everything skipped or refused, with `source` = the artifact name. Never throws instead. */
  notes: Note[];
}

/**
 * The SARIF files of an artifact zip, read in memory within `limits`. Whatever could be read
 * safely is returned even when something else in the artifact was refused.
 */
export async function extractSarifFiles(
  zip: Buffer,
  artifactName: string,
  limits: ArtifactLimits,
): Promise<Extraction> {
  const files: ExtractedFile[] = [];
  const notes: Note[] = [];
  const note = (level: Note["level"], message: string): void => {
    notes.push({ level, source: artifactName, message });
  };
  if (zip.length > limits.maxBytes) {
    note("error", say.tooBig(zip.length, limits.maxBytes));
    return { files, notes };
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
    return { files, notes };
  }
  try {
    if (zipfile.entryCount > limits.maxEntries) {
      note("error", say.tooManyEntries(zipfile.entryCount, limits.maxEntries));
      return { files, notes };
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
      const read = await readEntryBounded(zipfile, entry, entryBudget);
      if (read.status === "ok") {
        files.push({ name, content: read.content });
        budget -= read.content.length;
      } else if (read.status === "over-budget" && entryBudget === budget) {
        note("error", say.totalTooBig(name, limits.maxUncompressedBytes));
        return { files, notes };
      } else if (read.status === "over-budget") {
        note("error", say.ratioExceededWhileReading(name, limits.maxRatio));
      } else if (read.status === "size-mismatch") {
        note("error", say.sizeLied(name, entry.uncompressedSize));
      } else {
        note("error", say.unreadable(name, read.message));
      }
    }
  } catch (error) {
    note("error", say.damaged(error));
  } finally {
    zipfile.close();
  }
  if (files.length === 0 && notes.length === 0) note("warning", say.noSarif());
  return { files, notes };
}

/** Strict: backslashes are kept so that classifyEntryName can refuse them. */
function entryName(entry: Entry): string {
  const { generalPurposeBitFlag, fileNameRaw, extraFields } = entry;
  return yauzl.getFileNameLowLevel(generalPurposeBitFlag, fileNameRaw, extraFields, true);
}
