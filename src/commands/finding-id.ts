/** GR ids are typed by hand, so any case is accepted; the stored form is lower-case hex. */
const FINDING_ID = /^gr-([0-9a-f]{8})$/i;

/** `gr-1A2B3C4D` → `GR-1a2b3c4d`; anything else → null. */
export function parseFindingId(text: string): string | null {
  const match = FINDING_ID.exec(text);
  return match?.[1] === undefined ? null : `GR-${match[1].toLowerCase()}`;
}
