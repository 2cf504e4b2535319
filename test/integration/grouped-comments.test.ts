import { describe, expect, it } from "@jest/globals";
import { useTestApp } from "../helpers/integration.js";
import { parseMarker } from "../../src/report/marker.js";
import { analysePull, fixture, lines, repeatedSentences } from "./real-sarif.js";

const harness = useTestApp();
const CHECKOV = fixture("sarif/checkov/checkov-3.2.495-terraform-azure.sarif");
const BANDIT = fixture("sarif/bandit/bandit-1.8.6-172-results.sarif");
const TF = "modules/storage_account/main.tf";
const PY = "src/rapid7/tools/install_insight_agent.py";

describe("one comment per location, from real scanners", () => {
  it("Checkov: 11 checks on one resource are one comment, most severe first, every fingerprint in its marker", async () => {
    const { reviews, checks } = await analysePull(harness.app, {
      sarif: CHECKOV,
      files: { [TF]: lines(12) },
    });
    const [comment, ...others] = reviews[0]?.comments ?? [];
    expect(others).toEqual([]);
    const body = comment?.body ?? "";
    expect(body.split("\n")[0]).toBe("**11 findings on this line** · Checkov");
    expect(
      body.match(/^- \*\*🟠 high\*\* · \[CKV2?_AZURE_\d+\]\(https:\/\/docs\.prismacloud\.io\//gm),
    ).toHaveLength(11);
    expect(body).toContain("Ensure that Storage accounts disallow public access");
    // Checkov's rule help names the first failing resource: never shown for this one.
    expect(body).not.toContain("Resource:");
    expect(repeatedSentences(body)).toEqual([]);
    expect(body.match(/Reply `\/fp <why>`/g)).toHaveLength(1);
    const marker = parseMarker(body);
    expect(marker?.fingerprints).toHaveLength(11);
    expect(new Set(marker?.ids)).toEqual(new Set(body.match(/GR-[0-9a-f]{8}(?=`$)/gm)));
    // The cap counts comments; the check run counts findings.
    expect(checks[0]?.output.summary).toContain("In the diff: 1 inline comment, 0 annotations.");
    expect(checks[0]?.output.title).toBe("11 high block");
    expect(reviews[0]?.body).toContain("11 new findings on lines this pull request changes");
  });

  it("Bandit: the title calls blocking only what blocks, and two checks on one call share a comment", async () => {
    const { reviews, checks } = await analysePull(harness.app, {
      sarif: BANDIT,
      files: { [PY]: lines(140) },
      config: 'gate:\n  - branches: ["**"]\n    fail_on: medium\n',
    });
    const comments = reviews[0]?.comments ?? [];
    const starts = comments.map((c) => c.start_line ?? c.line);
    expect(starts).toEqual([54, 19, 65, 74, 139]);
    const at65 = comments[starts.indexOf(65)]?.body ?? "";
    expect(at65).toMatch(/^\*\*2 findings on this line\*\* · Bandit\n\n- .*B603.*\n- .*B607/);
    expect(parseMarker(at65)?.fingerprints).toHaveLength(2);
    const title = checks[0]?.output.title ?? "";
    expect(title).toMatch(/^1 medium blocks · 7 (low|note) new$/);
    for (const c of comments) expect(repeatedSentences(c.body)).toEqual([]);
  });
});
