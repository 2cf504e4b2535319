import type { ArtifactLimits } from "../artifacts/limits.js";
import { forEachSarifEntry } from "../artifacts/sarif-entries.js";
import type { Note, RawFinding } from "../findings/finding.js";
import { downloadArtifact, type RunArtifact } from "../github/artifacts.js";
import type { GitHub } from "../github/octokit.js";
import { UserError } from "../domain/errors.js";
import { executionProblems } from "../sarif/execution-problems.js";
import { readSarifStream } from "../sarif/read-sarif-stream.js";

export interface ReadFindings {
  raw: RawFinding[];
  notes: Note[];
  /** Artifacts or SARIF files that could not be read: the check fails closed. */
  readErrors: number;
  toolNames: string[];
}

/**
 * Pipeline steps 1–2: download each matching artifact, extract its SARIF files safely and
 * normalise them. Whatever can be read is kept; whatever cannot becomes a note for the summary.
 */
export async function readFindings(
  github: GitHub,
  where: { owner: string; repo: string; artifacts: RunArtifact[]; limits: ArtifactLimits },
): Promise<ReadFindings> {
  const out: ReadFindings = { raw: [], notes: [], readErrors: 0, toolNames: [] };
  for (const artifact of where.artifacts) {
    let zip: Buffer;
    try {
      zip = await downloadArtifact(github, { ...where, artifact, maxBytes: where.limits.maxBytes });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      out.notes.push({ level: "error", source: artifact.name, message: error.message });
      out.readErrors += 1;
      continue;
    }
    // Each SARIF entry streams from the zip into the reader: no log is ever held whole.
    const fileNotes: Note[] = [];
    const extracted = await forEachSarifEntry(zip, artifact.name, where.limits, async (entry) => {
      const source = `${artifact.name}/${entry.name}`;
      const read = await readSarifStream(entry.open, source);
      if (!read.ok) {
        fileNotes.push(...read.notes);
        out.readErrors += 1;
        return;
      }
      out.raw.push(...read.findings);
      fileNotes.push(...read.notes, ...executionProblems(read.runs, source));
      for (const name of read.toolNames)
        if (!out.toolNames.includes(name)) out.toolNames.push(name);
    });
    out.notes.push(...extracted.notes, ...fileNotes);
    out.readErrors += extracted.notes.filter((n) => n.level === "error").length;
  }
  return out;
}
