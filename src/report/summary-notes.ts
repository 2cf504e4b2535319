import type { Note } from "../findings/finding.js";
import { andMore, fitLines, type Section } from "./fit-lines.js";
import { safeInline } from "./sanitize.js";

/** Beyond this the notes repeat one problem; the count says how many there were. */
const MAX_NOTES = 100;
const MAX_SOURCE_CHARS = 200;
const MAX_MESSAGE_CHARS = 1_000;

const ORDER: Record<Note["level"], number> = { error: 0, warning: 1, info: 2 };
const LABEL: Record<Note["level"], string> = {
  error: "❌ **error**",
  warning: "⚠️ **warning**",
  info: "ℹ️ **info**",
};

/** Artifact, SARIF and config problems under `title`, errors first. */
export function notesSection(title: string, notes: Note[]): Section {
  return (maxBytes) => {
    if (notes.length === 0) return "";
    const sorted = [...notes].sort((a, b) => ORDER[a.level] - ORDER[b.level]);
    const lines = sorted.slice(0, MAX_NOTES).map((note) => {
      const source = safeInline(note.source, MAX_SOURCE_CHARS);
      return `- ${LABEL[note.level]} · ${source}: ${safeInline(note.message, MAX_MESSAGE_CHARS)}`;
    });
    return fitLines({
      head: `### ${title} (${notes.length})\n`,
      lines,
      total: notes.length,
      maxBytes,
      more: andMore("notes"),
    });
  };
}
