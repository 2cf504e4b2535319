/**
 * `primaryLocationLineHash`, computed exactly as github/codeql-action `src/fingerprints.ts` does,
 * so that Guardrail's identities line up with GitHub code scanning alerts.
 * Test vectors: test/fixtures/fingerprints.md.
 */

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
/** codeql-action feeds this sentinel after the last unit (it collides with U+FFFF there too). */
const EOF = 65535;
/** A line's hash covers the 100 kept units from its start, as in codeql-action. */
const BLOCK_SIZE = 100;
const MOD = 37;

/**
 * The 64-bit state is four 16-bit limbs (least significant first) in int32 arithmetic: V8 keeps
 * these as small integers, which is several times faster than doubles, BigInt or Long per unit.
 */
const FIRST_MOD = BigInt.asUintN(64, BigInt(MOD) ** BigInt(BLOCK_SIZE));
const F0 = Number(FIRST_MOD & 0xffffn);
const F1 = Number((FIRST_MOD >> 16n) & 0xffffn);
const F2 = Number((FIRST_MOD >> 32n) & 0xffffn);
const F3 = Number((FIRST_MOD >> 48n) & 0xffffn);
const LIMB_MASK = 0xffff;
// Bound once: a global lookup per unit is slow inside vm contexts (jest, sandboxes).
const imul = Math.imul;

const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/**
 * Hash of each line: index 0 is line 1. A trailing newline yields one more (empty) line.
 * With `untilLine`, hashing stops once that line's hash is known: a line's hash and its `:n`
 * count depend only on what comes before its window ends, so the result is the same prefix.
 */
export function computeLineHashes(content: Uint8Array | string, untilLine = Infinity): string[] {
  const text = typeof content === "string" ? content : decoder.decode(content);
  const window = new Uint16Array(BLOCK_SIZE);
  // Line number starting at each window slot, or -1.
  const lineAt = new Int32Array(BLOCK_SIZE).fill(-1);
  const hashes: string[] = [];
  const seen = new Map<string, number>();
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let index = 0;
  let lineNumber = 0;
  let lineStart = true;
  let prevCR = false;
  const length = text.length;

  // The text, then the EOF sentinel, then BLOCK_SIZE zeros that flush the last lines' windows.
  for (let i = 0; i < length + 1 + BLOCK_SIZE; i++) {
    let current = i < length ? text.charCodeAt(i) : i === length ? EOF : 0;
    if (i <= length) {
      // Quirk kept for parity: a space or tab between CR and LF also ends the CR's pairing.
      if (current === SPACE || current === TAB || (prevCR && current === LF)) {
        prevCR = false;
        continue;
      }
      prevCR = current === CR;
      if (prevCR) current = LF;
    }
    const startedLine = lineAt[index] ?? -1;
    if (startedLine !== -1) {
      const hex = toHex(a3, a2, a1, a0);
      const count = (seen.get(hex) ?? 0) + 1;
      seen.set(hex, count);
      hashes[startedLine - 1] = `${hex}:${count}`;
      lineAt[index] = -1;
      // Lines end their windows in order, so every earlier line is done too.
      if (startedLine >= untilLine) return hashes;
    }
    if (i <= length) {
      if (lineStart) {
        lineStart = false;
        lineNumber++;
        lineAt[index] = lineNumber;
      }
      if (current === LF) lineStart = true;
    }
    // h = MOD * h + current - MOD^BLOCK_SIZE * leaving (mod 2^64), limb by limb with carries.
    // Each product below is < 2^32, so imul's low 32 bits read unsigned are exact.
    const leaving = window[index] ?? 0;
    window[index] = current;
    const p0 = imul(F0, leaving);
    const p1 = imul(F1, leaving);
    const p2 = imul(F2, leaving);
    const p3 = imul(F3, leaving);
    let t = a0 * MOD + current - (p0 & LIMB_MASK);
    a0 = t & LIMB_MASK;
    t = a1 * MOD + (t >> 16) - (p0 >>> 16) - (p1 & LIMB_MASK);
    a1 = t & LIMB_MASK;
    t = a2 * MOD + (t >> 16) - (p1 >>> 16) - (p2 & LIMB_MASK);
    a2 = t & LIMB_MASK;
    t = a3 * MOD + (t >> 16) - (p2 >>> 16) - (p3 & LIMB_MASK);
    a3 = t & LIMB_MASK;
    index = index + 1 === BLOCK_SIZE ? 0 : index + 1;
  }
  return hashes;
}

/** The unsigned 64-bit value as lowercase hex without zero padding, like `Long#toString(16)`. */
function toHex(a3: number, a2: number, a1: number, a0: number): string {
  if (a3 !== 0) return a3.toString(16) + pad(a2) + pad(a1) + pad(a0);
  if (a2 !== 0) return a2.toString(16) + pad(a1) + pad(a0);
  if (a1 !== 0) return a1.toString(16) + pad(a0);
  return a0.toString(16);
}

function pad(limb: number): string {
  return limb.toString(16).padStart(4, "0");
}
