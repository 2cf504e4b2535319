/** What an artifact entry is, judged by its name alone. */
export type EntryKind =
  | { kind: "sarif" }
  | { kind: "directory" }
  | { kind: "other" }
  | { kind: "unsafe"; reason: string };

/** design.md: only these are read; everything else in an artifact is ignored. */
const SARIF_NAME = /\.sarif(\.json)?$/i;

/**
 * Nothing is written to disk, but a name that could escape a directory on extraction is a sign of a
 * hostile artifact, and the user is told rather than left guessing why a file was ignored.
 */
export function classifyEntryName(name: string): EntryKind {
  const reason = unsafeReason(name);
  if (reason !== null) return { kind: "unsafe", reason };
  if (name.endsWith("/")) return { kind: "directory" };
  return SARIF_NAME.test(name) ? { kind: "sarif" } : { kind: "other" };
}

function unsafeReason(name: string): string | null {
  if (name === "") return "the name is empty";
  if (/[\u0000-\u001f\u007f]/.test(name)) return "the name contains control characters";
  // Windows treats backslash as a separator, so `..\\x` would climb out there.
  if (name.includes("\\")) return "the name contains a backslash";
  if (/^[a-zA-Z]:/.test(name)) return "the name starts with a drive letter";
  if (name.startsWith("/")) return "the name is an absolute path";
  if (name.split("/").includes("..")) return "the name contains a '..' segment";
  return null;
}
