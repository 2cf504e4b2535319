import type { Trackable } from "./trackable.js";

/** How far the last pass looks for a same-message finding: an edit of the flagged line itself. */
export const NEAR_LINES = 3;

/** Maps a path of the newer analysis to the path it had in the older one (renames). */
export type OlderPath = (path: string) => string;

/**
 * A pass keys both sides; items with equal non-null keys are candidates for each other. The
 * newer side's path goes through `olderPath` only in the rename pass, so a file that merely
 * shares its new name with an old one is matched by the strict passes first.
 */
export interface Pass {
  name: "fingerprint" | "window" | "snippet" | "renamed" | "nearby";
  newer: (item: Trackable, olderPath: OlderPath) => string | null;
  older: (item: Trackable) => string | null;
}

const keyed = (...parts: string[]) => JSON.stringify(parts);
const located = (item: Trackable) => item.line > 0;
const windowKey = (t: Trackable) => (t.window === "" ? null : keyed(t.path, t.window));
const snippetKey = (t: Trackable) => (t.snippet === "" ? null : keyed(t.path, t.snippet));

export const PASSES: readonly Pass[] = [
  { name: "fingerprint", newer: (t) => t.fingerprint, older: (t) => t.fingerprint },
  {
    name: "window",
    newer: windowKey,
    older: windowKey,
  },
  {
    name: "snippet",
    newer: snippetKey,
    older: snippetKey,
  },
  {
    name: "renamed",
    newer: (t, olderPath) => {
      const old = olderPath(t.path);
      if (old === t.path) return null;
      if (!located(t)) return keyed(old, "file", t.message);
      return t.window === "" ? null : keyed(old, t.window);
    },
    older: (t) => (located(t) ? windowKey(t) : keyed(t.path, "file", t.message)),
  },
  {
    name: "renamed",
    newer: (t, olderPath) => {
      const old = olderPath(t.path);
      return old === t.path || t.snippet === "" ? null : keyed(old, t.snippet);
    },
    older: snippetKey,
  },
  // Same message in the same (or renamed-from) file; pairing then keeps only those ≤ NEAR_LINES apart.
  {
    name: "nearby",
    newer: (t, olderPath) => (located(t) ? keyed(olderPath(t.path), t.message) : null),
    older: (t) => (located(t) ? keyed(t.path, t.message) : null),
  },
];
