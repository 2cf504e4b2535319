import { describe, expect, it } from "@jest/globals";
import type { Finding } from "../../src/findings/finding.js";
import { fingerprintFindings } from "../../src/fingerprint/identity.js";
import { snippetHash } from "../../src/fingerprint/track-keys.js";
import { trackIdentities } from "../../src/pipeline/track-identities.js";
import type { StoredEntry } from "../../src/tracking/baseline-trackable.js";
import { rawFinding } from "../fingerprint/raw-finding.js";

const BEFORE = ["a();", "eval(input);", "b();", "c();"].join("\n");
const AFTER = ["x();", "y();", "a();", "eval(input);", "bEdited();", "c();"].join("\n");

function files(text: string) {
  const reads: string[] = [];
  const content = (path: string) => {
    reads.push(path);
    return Promise.resolve(new TextEncoder().encode(text));
  };
  return { reads, content };
}

/** As the App has them: the tool gave a line hash, so no file was read to fingerprint. */
async function scanned(line: number, hash: string): Promise<Finding[]> {
  const raw = rawFinding({ line, identity: { primaryLocationLineHash: hash } });
  return (await fingerprintFindings([raw], () => Promise.resolve(null))).findings;
}

describe("trackIdentities", () => {
  it("reads nothing when every finding kept its fingerprint", async () => {
    const head = await scanned(2, "h1:1");
    const earlier = files(BEFORE);
    const headFiles = files(BEFORE);
    const tracked = await trackIdentities({
      findings: head,
      content: headFiles.content,
      diff: null,
      earlier: [{ findings: head, content: earlier.content }],
      baseline: [],
    });
    expect(tracked).toEqual(head);
    expect([...earlier.reads, ...headFiles.reads]).toEqual([]);
  });

  it("reads both commits' flagged lines for a finding whose line hash changed, and keeps the earlier identity", async () => {
    const before = await scanned(2, "h1:1");
    const head = await scanned(4, "h2:1");
    const earlier = files(BEFORE);
    const headFiles = files(AFTER);
    const [tracked] = await trackIdentities({
      findings: head,
      content: headFiles.content,
      diff: null,
      earlier: [{ findings: before, content: earlier.content }],
      baseline: [],
    });
    expect([tracked?.fingerprint, tracked?.id]).toEqual([before[0]?.fingerprint, before[0]?.id]);
    expect(tracked?.location.region?.startLine).toBe(4);
    expect([earlier.reads, headFiles.reads]).toEqual([["src/app.js"], ["src/app.js"]]);
  });

  it("tracks to a baseline entry by its stored snippet", async () => {
    const head = await scanned(4, "h2:1");
    const entry: StoredEntry = {
      tool: "semgrep",
      fingerprint: "v1:base",
      ruleId: "js.eval",
      path: "src/app.js",
      line: 2,
      snippetHash: snippetHash("eval(input);"),
      windowHash: "h1",
      messageHash: "",
    };
    const [tracked] = await trackIdentities({
      findings: head,
      content: files(AFTER).content,
      diff: null,
      earlier: [],
      baseline: [entry],
    });
    expect(tracked?.fingerprint).toBe("v1:base");
  });
});
