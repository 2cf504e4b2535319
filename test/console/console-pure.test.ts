import { describe, expect, it } from "@jest/globals";
import { csvCell, toCsv } from "../../src/console/csv.js";
import { fileUrl } from "../../src/console/links.js";
import { sign, verify } from "../../src/console/signed-value.js";
import { openToken, sealToken } from "../../src/console/token-box.js";
import { isLoopback } from "../../src/console/console-config.js";
import { formatDuration } from "../../src/console/format.js";
import { describeRef } from "../../src/console/pages/finding-timeline.js";

const SECRET = "a-session-secret-that-is-long-enough-0123";

describe("csvCell: RFC 4180 quoting and spreadsheet formula neutralising", () => {
  it.each([
    ["plain", "plain"],
    ["=1+2", "'=1+2"],
    ["+SUM(A1)", "'+SUM(A1)"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\tTAB", "'\tTAB"],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    [" padded ", '" padded "'],
  ])("%j → %j", (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it("leaves numbers and nulls alone and ends rows with CRLF", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
    expect(toCsv(["a", "b"], [[1, "=x"]])).toBe("a,b\r\n1,'=x\r\n");
  });
});

describe("signed values", () => {
  const signed = sign(SECRET, "session", "payload");
  it.each([
    ["the same secret and purpose", SECRET, "session", signed, "payload"],
    [
      "another purpose (a state cookie replayed as a session)",
      SECRET,
      "oauth-state",
      signed,
      undefined,
    ],
    ["another secret", `${SECRET}x`, "session", signed, undefined],
    ["a changed payload", SECRET, "session", signed.replace("payload", "payloaf"), undefined],
    ["no signature", SECRET, "session", "payload", undefined],
    ["a truncated signature", SECRET, "session", signed.slice(0, -2), undefined],
  ])("verifies with %s → %j", (_name, secret, purpose, value, expected) => {
    expect(verify(secret, purpose, value)).toBe(expected);
  });
});

describe("token box", () => {
  it("round-trips, never shows the token, and refuses tampering or another secret", () => {
    const sealed = sealToken(SECRET, "ghu_secret_token");
    expect(sealed).not.toContain("ghu_");
    expect(sealToken(SECRET, "ghu_secret_token")).not.toBe(sealed); // fresh IV each time
    expect(openToken(SECRET, sealed)).toBe("ghu_secret_token");
    expect(openToken(`${SECRET}x`, sealed)).toBeUndefined();
    const raw = Buffer.from(sealed, "base64url");
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1);
    expect(openToken(SECRET, raw.toString("base64url"))).toBeUndefined();
    expect(openToken(SECRET, "short")).toBeUndefined();
  });
});

describe("links and formats", () => {
  const repo = { fullName: "acme/shop", key: "acme/shop", htmlUrl: "https://github.com/acme/shop" };
  it.each([
    ["src/a.js", 3, "https://github.com/acme/shop/blob/HEAD/src/a.js#L3"],
    ["/abs/a b.js", null, "https://github.com/acme/shop/blob/HEAD/abs/a%20b.js"],
    ["javascript:alert(1)", 1, "https://github.com/acme/shop/blob/HEAD/javascript%3Aalert(1)#L1"],
    ["../../x?y#z", 0, "https://github.com/acme/shop/blob/HEAD/%2E%2E/%2E%2E/x%3Fy%23z"],
    ["", 1, null],
  ])("file %j line %j → %j", (path, line, url) => {
    expect(fileUrl(repo, path, line)).toBe(url);
  });

  it("links nowhere for a repository URL that is not http(s)", () => {
    expect(fileUrl({ ...repo, htmlUrl: "javascript:alert(1)" }, "a.js", 1)).toBeNull();
  });

  it.each([
    ["127.0.0.1", true],
    ["localhost", true],
    ["[::1]", true],
    ["guardrail.example.com", false],
    ["127.example.com", false],
  ])("isLoopback(%j) = %j", (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
  });

  it.each([
    [null, "–"],
    [45_000, "45s"],
    [5 * 60_000, "5m"],
    [2 * 3_600_000 + 5 * 60_000, "2h 5m"],
    [3 * 86_400_000 + 4 * 3_600_000, "3d 4h"],
  ])("formatDuration(%j) = %j", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([
    ["pr:7", "in pull request #7"],
    ["branch:main", "on branch main"],
    ["something else", "something else"],
  ])("describeRef(%j) = %j", (ref, text) => {
    expect(describeRef(ref)).toBe(text);
  });
});
