import type { Finding } from "../findings/finding.js";
import { hash } from "node:crypto";
import { findingId } from "../fingerprint/identity.js";
import { track, type TrackMatch, type TrackOptions } from "./track.js";
import { trackableOf, type Trackable } from "./trackable.js";

export interface Adopted {
  findings: Finding[];
  /** Per finding, the older one it was tracked to (null: new to the older analysis). */
  matches: (TrackMatch | null)[];
}

/**
 * Each finding tracked to an older one takes that one's fingerprint and `GR-` id, so its
 * suppression, its thread and its baseline entry still apply; the rest keep their own. Older
 * entries are taken once per fingerprint (the first wins); a new finding whose own fingerprint an
 * older entry has gets a distinct one, so the result's fingerprints stay unique.
 */
export function adoptIdentities(
  findings: readonly Finding[],
  older: readonly Trackable[],
  options: TrackOptions = {},
): Adopted {
  const seen = new Set<string>();
  const unique = older.filter((item) => !seen.has(item.fingerprint) && seen.add(item.fingerprint));
  const matches = track(findings.map(trackableOf), unique, options);
  const adopted = findings.map((finding, i) => {
    const match = matches[i];
    const earlier = match == null ? undefined : unique[match.older];
    if (earlier === undefined) {
      // Its own fingerprint names an older finding it is not (a copy took over a `:n` count).
      return seen.has(finding.fingerprint)
        ? renamed(finding, distinctFrom(finding.fingerprint))
        : finding;
    }
    return earlier.fingerprint === finding.fingerprint
      ? finding
      : renamed(finding, earlier.fingerprint);
  });
  return { findings: adopted, matches };
}

function renamed(finding: Finding, fingerprint: string): Finding {
  return { ...finding, fingerprint, id: findingId(fingerprint) };
}

/** Deterministic, so the same new finding gets the same identity on every re-run. */
function distinctFrom(fingerprint: string): string {
  return `v1:${hash("sha256", JSON.stringify([fingerprint, "untracked"]), "hex")}`;
}
