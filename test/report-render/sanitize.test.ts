import { describe, expect, it } from "@jest/globals";
import {
  codeFence,
  plainText,
  safeInline,
  safeMarkdown,
  safeUrl,
  truncate,
  truncateBytes,
} from "../../src/report/sanitize.js";
import { HOSTILE } from "./factory.js";
import { expectInert, outsideFences } from "./inert.js";

const EMOJI = "😀"; // one code point, two UTF-16 units, four UTF-8 bytes

describe("truncate", () => {
  it.each([
    ["short", 10, "short"],
    ["exactly10!", 10, "exactly10!"],
    ["0123456789abc", 10, "012345678…"],
    [`12345678${EMOJI}`, 9, "12345678…"],
    [`1234567${EMOJI}x`, 9, `1234567…`],
    [`1234567${EMOJI}`, 9, `1234567${EMOJI}`],
    ["abc", 0, ""],
  ])("truncate(%j, %i) = %j", (text, max, expected) => {
    expect(truncate(text, max)).toBe(expected);
  });

  it.each([
    ["ascii fits", "hello", 5, "hello"],
    ["ascii cut", "hello world", 8, "hello…"],
    ["emoji not split", `ab${EMOJI}${EMOJI}`, 8, `ab…`],
    ["emoji kept whole", `ab${EMOJI}${EMOJI}`, 9, `ab${EMOJI}…`],
    ["fits exactly", `ab${EMOJI}${EMOJI}`, 10, `ab${EMOJI}${EMOJI}`],
    ["accents", "ééééé", 7, "éé…"],
  ])("truncateBytes: %s", (_name, text, max, expected) => {
    const out = truncateBytes(text, max);
    expect(out).toBe(expected);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(max);
  });

  it("never leaves a lone surrogate at the cut, whatever the cut point", () => {
    const text = EMOJI.repeat(50);
    for (let max = 1; max < 60; max += 1) {
      expect(truncate(text, max)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      expect(truncateBytes(text, max)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });
});

describe("safeUrl", () => {
  it.each([
    ["https://example.com/a", "https://example.com/a"],
    ["HTTP://Example.com/x y", "http://example.com/x%20y"],
    ["https://en.wikipedia.org/wiki/A_(b)", "https://en.wikipedia.org/wiki/A_%28b%29"],
    ["https://x.io/a|b'c", "https://x.io/a%7Cb%27c"],
    ["javascript:alert(1)", undefined],
    ["JaVaScRiPt:alert(1)", undefined],
    ["data:text/html,<script>", undefined],
    ["vbscript:msgbox", undefined],
    ["//evil.com/x", undefined],
    ["../relative", undefined],
    ["https://trusted.com@evil.com/", undefined],
    ["http:evil.com", undefined],
    [`https://x.io/${"a".repeat(3000)}`, undefined],
    [undefined, undefined],
  ])("%j -> %j", (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });
});

describe("codeFence", () => {
  it.each([
    ["plain", "x = 1", "```\nx = 1\n```"],
    ["longer fence than the content's runs", "a ``` b ````", "`````\na ``` b ````\n`````"],
    ["empty body stays empty (deletes lines in a suggestion)", "", "```\n```"],
  ])("%s", (_name, text, expected) => {
    expect(codeFence(text)).toBe(expected);
  });

  it("keeps a safe language and drops a hostile one", () => {
    expect(codeFence("x", "suggestion")).toBe("```suggestion\nx\n```");
    expect(codeFence("x", "js`\n<img>")).toBe("```\nx\n```");
  });

  it("cannot be closed from inside", () => {
    const fenced = codeFence("```\n</details>\n```` \n~~~");
    expect(outsideFences(`${fenced}\n<after>`)).toBe("<after>");
  });
});

describe("safeMarkdown", () => {
  it.each(Object.entries(HOSTILE))("makes %s inert", (_name, text) => {
    expectInert(safeMarkdown(text, 1000));
    expectInert(`<details>\n\n${safeMarkdown(text, 1000)}\n\n</details>`);
  });

  it.each([
    ["mention", "cc @octocat", "cc @\u200Doctocat"],
    ["team", "@org/team", "@\u200Dorg/team"],
    ["html", "<b>x</b> & y", "&lt;b&gt;x&lt;/b&gt; &amp; y"],
    ["http link kept", "[docs](https://x.io/a)", "[docs](https://x.io/a)"],
    ["js link to text", "[x](javascript:alert(1))", "x"],
    ["relative link to text", "[value](1)", "value"],
    ["image to alt text", "![i](http://x/y.png)", "i"],
    ["code span kept verbatim", "use `a<b && @c` here", "use `a<b && @c` here"],
    ["heading escaped", "# Title", "\\# Title"],
    ["setext underline escaped", "a\n---", "a\n\\---"],
    ["pipes escaped", "a | b", "a \\| b"],
    ["issue reference broken", "see #12", "see #\u200D12"],
    ["stray backtick escaped", "a ` b", "a \\` b"],
    ["fence re-fenced", "~~~js\n`x`\n~~~", "```js\n`x`\n```"],
    ["marker in code broken", "`<!-- x -->`", "`<\u200B!-- x -->`"],
    ["reference definition inert", "[a]: javascript:alert(1)", "\\[a\\]: javascript:alert(1)"],
  ])("%s", (_name, text, expected) => {
    expect(safeMarkdown(text, 1000)).toBe(expected);
  });

  it("closes a fence it cuts through and stays within the cap", () => {
    const text = `intro\n\`\`\`\n${"line\n".repeat(500)}\`\`\`\noutro`;
    const out = safeMarkdown(text, 300);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out.endsWith("…\n```")).toBe(true);
    expect(() => outsideFences(out)).not.toThrow();
  });

  it("bounds a 10 MB hostile string quickly", () => {
    const huge = `${HOSTILE.fence ?? ""}${"<img src=x>@everyone [a](javascript:x) ```".repeat(250_000)}`;
    const started = Date.now();
    const out = safeMarkdown(huge, 5000);
    expect(out.length).toBeLessThanOrEqual(5000);
    expectInert(out);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe("safeInline", () => {
  it.each([
    ["newlines collapse", "a\n\n# b\r\nc", "a # b c"],
    ["leading heading escaped", "# title", "\\# title"],
    ["pipes in code escaped for tables", "`a|b` | c", "`a\\|b` \\| c"],
    ["mention", "@here", "@\u200Dhere"],
    ["html", "<script>", "&lt;script&gt;"],
  ])("%s", (_name, text, expected) => {
    expect(safeInline(text, 100)).toBe(expected);
  });

  it.each(Object.entries(HOSTILE))("keeps %s on one inert line", (_name, text) => {
    const out = safeInline(text, 200);
    expect(out).not.toContain("\n");
    expect(out.replace(/\\\|/g, "")).not.toContain("|");
    expectInert(out);
  });
});

describe("plainText", () => {
  it.each([
    ["controls and bidi stripped", "a\u202Eb\u0007c\u001b[0m\u2066d", 100, "abc[0md"],
    ["newlines kept, CRLF normalised", "a\r\nb", 100, "a\nb"],
    ["lone surrogate replaced", "a\uD800b", 100, "a\uFFFDb"],
    ["capped", "abcdef", 4, "abc…"],
    ["10 MB capped", "x".repeat(10_000_000), 5, "xxxx…"],
  ])("%s", (_name, text, max, expected) => {
    expect(plainText(text, max)).toBe(expected);
  });
});
