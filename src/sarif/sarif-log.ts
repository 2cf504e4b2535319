import type { Log } from "sarif";
import type { Note } from "../findings/finding.js";

/**
 * A log that passed the structural checks: an object whose `runs` (if any) is an array of
 * objects whose `results` (if any) is an array of objects. Anything deeper may still break
 * the schema harmlessly, so normalisation reads every field defensively.
 */
export type SarifLog = Log;

export type SarifReadResult =
  { ok: true; log: SarifLog; warnings: Note[] } | { ok: false; notes: Note[] };
