import type { Note } from "../findings/finding.js";
import type { ArtifactLimits } from "./limits.js";
import { forEachSarifEntry } from "./sarif-entries.js";

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
 * safely is returned even when something else in the artifact was refused. (The pipeline streams
 * each entry instead: forEachSarifEntry.)
 */
export async function extractSarifFiles(
  zip: Buffer,
  artifactName: string,
  limits: ArtifactLimits,
): Promise<Extraction> {
  const files: ExtractedFile[] = [];
  const { notes } = await forEachSarifEntry(zip, artifactName, limits, async (entry) => {
    const chunks: Buffer[] = [];
    for await (const chunk of entry.open()) chunks.push(chunk);
    files.push({ name: entry.name, content: Buffer.concat(chunks) });
  });
  return { files, notes };
}
