import type { ArtifactLimits } from "../artifacts/limits.js";
import { extractSarifFiles } from "../artifacts/extract.js";
import type { Note, RawFinding } from "../findings/finding.js";
import { downloadArtifact, type RunArtifact } from "../github/artifacts.js";
import type { GitHub } from "../github/octokit.js";
import { UserError } from "../domain/errors.js";
import { normaliseSarif } from "../sarif/normalise.js";
import { executionProblems } from "../sarif/execution-problems.js";
import { readSarif } from "../sarif/read-sarif.js";

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
    const extracted = await extractSarifFiles(zip, artifact.name, where.limits);
    out.notes.push(...extracted.notes);
    out.readErrors += extracted.notes.filter((n) => n.level === "error").length;
    for (const file of extracted.files) {
      const source = `${artifact.name}/${file.name}`;
      const read = readSarif(file.content, source);
      if (!read.ok) {
        out.notes.push(...read.notes);
        out.readErrors += 1;
        continue;
      }
      out.notes.push(...read.warnings);
      const normalised = normaliseSarif(read.log, { source });
      out.raw.push(...normalised.findings);
      out.notes.push(...normalised.notes, ...executionProblems(read.log.runs, source));
      for (const run of read.log.runs ?? []) {
        const name = run.tool?.driver?.name;
        if (name && !out.toolNames.includes(name)) out.toolNames.push(name);
      }
    }
  }
  return out;
}
