import { describe, expect, it } from "@jest/globals";
import { markedFindings, parseMarker, renderMarker } from "../../src/report/marker.js";
import { codeFence, safeMarkdown } from "../../src/report/sanitize.js";
import { HOSTILE } from "./factory.js";

const REAL = renderMarker([{ fingerprint: "v1:abc123", id: "GR-1a2b3c4d" }]);
const ONE = one("v1:abc123", "GR-1a2b3c4d");

function one(fingerprint: string, id: string) {
  return { fingerprints: [fingerprint], ids: [id], fingerprint, id };
}
const SPOOF = HOSTILE.marker ?? "";

describe("renderMarker", () => {
  it("has the contract's shape", () => {
    expect(REAL).toBe("<!-- guardrail:v1 fingerprint=v1:abc123 id=GR-1a2b3c4d -->");
  });

  it.each([
    ["spaces and arrows", "a b --> c", "GR-1a2b3c4d"],
    ["double dashes", "x--y---z", "GR-1a2b3c4d"],
    ["percent and unicode", "100%/é/😀", "GR-1a2b3c4d"],
    ["hostile id", "fp", "GR-x --> <img>"],
  ])("escapes %s and round-trips", (_name, fingerprint, id) => {
    const marker = renderMarker([{ fingerprint, id }]);
    expect(marker.slice(5, -4)).not.toMatch(/--|[<>]/);
    expect(marker.split(" ")).toHaveLength(5);
    expect(parseMarker(`body\n\n${marker}`)).toEqual(one(fingerprint, id));
  });
});

describe("parseMarker", () => {
  it.each([
    ["real marker last", `text\n\n${REAL}`, ONE],
    ["trailing whitespace", `text\n\n${REAL}\n  \n`, ONE],
    ["marker alone", REAL, ONE],
    ["no marker", "just a comment", null],
    ["marker not last", `${REAL}\nmore text`, null],
    ["marker mid-line", `text ${REAL}`, null],
    ["other version", "<!-- guardrail:v3 fingerprint=a id=GR-1 -->", null],
    ["v2 with unequal lists", "<!-- guardrail:v2 fingerprints=a,b ids=GR-1 -->", null],
    ["v2 with an empty item", "<!-- guardrail:v2 fingerprints=a,,b ids=GR-1,GR-2,GR-3 -->", null],
    ["sanitised spoof alone", safeMarkdown(SPOOF, 1000), null],
    ["spoof in code alone", safeMarkdown(`\`${SPOOF}\``, 1000), null],
    ["spoof in a fence alone", safeMarkdown(`\`\`\`\n${SPOOF}\n\`\`\``, 1000), null],
  ])("%s", (_name, body, expected) => {
    expect(parseMarker(body)).toEqual(expected);
  });

  it.each([
    ["prose", SPOOF],
    ["inline code", `\`${SPOOF}\``],
    ["a fence", `\`\`\`\n${SPOOF}\n\`\`\``],
  ])("is not fooled by a marker in sanitised SARIF %s above the real one", (_name, text) => {
    const body = `${safeMarkdown(text, 1000)}\n\n${REAL}`;
    expect(parseMarker(body)).toEqual(ONE);
    expect(body).not.toContain("<!-- guardrail:v1 fingerprint=evil");
  });

  it("is not fooled by a marker line in suggested code, which is shown verbatim", () => {
    const body = `${codeFence(SPOOF, "suggestion")}\n\n${REAL}`;
    expect(parseMarker(body)).toEqual(ONE);
  });
});

describe("a marker for several findings", () => {
  const findings = [
    { fingerprint: "v1:aaa", id: "GR-aaaaaaaa" },
    { fingerprint: "v1:b,b --> c", id: "GR-bbbbbbbb" },
    { fingerprint: "v1:ccc", id: "GR-cccccccc" },
  ];

  it("lists every fingerprint and id, in order, and round-trips hostile values", () => {
    const marker = renderMarker(findings);
    expect(marker).toMatch(
      /^<!-- guardrail:v2 fingerprints=v1:aaa,\S+,v1:ccc ids=GR-aaaaaaaa,GR-bbbbbbbb,GR-cccccccc -->$/,
    );
    expect(marker.slice(5, -4)).not.toMatch(/--|[<>]/);
    const parsed = parseMarker(`text\n\n${marker}`);
    expect(parsed && markedFindings(parsed)).toEqual(findings);
    expect(parsed?.fingerprint).toBe("v1:aaa");
  });

  it("still reads the single-finding v1 markers of threads posted before grouping", () => {
    const old = "<!-- guardrail:v1 fingerprint=v1:abc123 id=GR-1a2b3c4d -->";
    expect(parseMarker(`old body\n\n${old}`)).toEqual(ONE);
  });
});
