import { describe, expect, it } from "@jest/globals";
import { computeLineHashes } from "../../src/fingerprint/line-hash.js";

const GREETING = " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End";
const GREETING_HASHES = [
  "8b7cf3e952e7aeb2:1",
  "b1ae1287ec4718d9:1",
  "bff680108adb0fcc:1",
  "c6805c5e1288b612:1",
  "b86d3392aea1be30:1",
  "e6ceba753e1a442:1",
];
const GREETING_NL_HASHES = [
  "e9496ae3ebfced30:1",
  "fb7c023a8b9ccb3f:1",
  "ce8ba1a563dcdaca:1",
  "e20e36e16fcb0cc8:1",
  "b3edc88f2938467e:1",
  "c8e28b0b4002a3a0:1",
  "c129715d7a2bc9a3:1",
];

// Every vector of test/fixtures/fingerprints.md.
const VECTORS: [string, string, string[]][] = [
  ["empty file", "", ["c129715d7a2bc9a3:1"]],
  [
    "blanks are dropped",
    " a\nb\n  \t\tc\n d",
    ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"],
  ],
  ["no trailing newline", GREETING, GREETING_HASHES],
  ["trailing \\n", `${GREETING}\n`, GREETING_NL_HASHES],
  ["\\r line ends", `${GREETING}\n`.replaceAll("\n", "\r"), GREETING_NL_HASHES],
  ["\\r\\n line ends", `${GREETING}\n`.replaceAll("\n", "\r\n"), GREETING_NL_HASHES],
  [
    "repeated lines are numbered",
    "x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n",
    [
      "e54938cc54b302f1:1",
      "bb609acbe9138d60:1",
      "1131fd5871777f34:1",
      "5c482a0f8b35ea28:1",
      "54517377da7028d2:1",
      "2c644846cb18d53e:1",
      "f1b89f20de0d133:1",
      "c129715d7a2bc9a3:1",
    ],
  ],
];

describe("computeLineHashes", () => {
  it.each(VECTORS)("matches codeql-action: %s", (_name, content, expected) => {
    expect(computeLineHashes(content)).toEqual(expected);
  });

  it.each(VECTORS)("reads UTF-8 bytes like the string: %s", (_name, content, expected) => {
    expect(computeLineHashes(new TextEncoder().encode(content))).toEqual(expected);
  });

  it("keeps a BOM and maps invalid UTF-8 to U+FFFD", () => {
    const withBom = Uint8Array.of(0xef, 0xbb, 0xbf, 0x61);
    expect(computeLineHashes(withBom)).toEqual(computeLineHashes("\ufeffa"));
    expect(computeLineHashes(withBom)).not.toEqual(computeLineHashes("a"));
    expect(computeLineHashes(Uint8Array.of(0x61, 0xff))).toEqual(computeLineHashes("a\ufffd"));
  });

  it("numbers the same long line by occurrence and hashes only 100 kept units", () => {
    const long = "y".repeat(150);
    const hashes = computeLineHashes(`${long}\n${long}a\n`);
    const [first, second] = hashes;
    expect(first?.split(":")[0]).toBe(second?.split(":")[0]);
    expect([first?.split(":")[1], second?.split(":")[1]]).toEqual(["1", "2"]);
  });

  it("hashes 100k lines quickly (per-unit BigInt would not)", () => {
    const content = Array.from({ length: 100_000 }, (_, i) => `  const v${i} = compute(${i});`);
    const started = performance.now();
    const hashes = computeLineHashes(content.join("\n"));
    expect(hashes).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe("computeLineHashes up to a line", () => {
  const content = Array.from({ length: 300 }, (_, i) => `line ${i % 7} ${"x".repeat(i % 40)}`).join(
    "\n",
  );

  it.each([1, 2, 50, 150, 299, 300])("gives the same first %i hashes as the whole file", (line) => {
    const whole = computeLineHashes(content);
    expect(computeLineHashes(content, line).slice(0, line)).toEqual(whole.slice(0, line));
  });

  it("stops early instead of hashing the whole file", () => {
    expect(computeLineHashes(content, 10).length).toBeLessThan(300);
  });
});
