/**
 * What a developer reads: comments and check summaries from real scanner SARIF, rendered to HTML
 * as GitHub does (GFM, here with `marked`), then read as text.
 */
import { describe, expect, it } from "@jest/globals";
import { createHash } from "node:crypto";
import { marked } from "marked";
import type { Finding, RawFinding } from "../../src/findings/finding.js";
import { severityRank } from "../../src/findings/finding.js";
import { renderLocationComment } from "../../src/report/location-comment.js";
import { renderCheckOutput } from "../../src/report/summary.js";
import { findings as rawFindings } from "../sarif/corpus-fixtures.js";
import { makeTriaged } from "./factory.js";

const FIXTURES = [
  "checkov/checkov-3.2.495-terraform-azure.sarif",
  "checkov/checkov-2.1.16-with-suppressions.sarif",
  "bandit/bandit-1.8.6-172-results.sarif",
  "eslint/eslint-8.49.0-822-results.sarif",
];

function identified(raw: RawFinding[]): Finding[] {
  return raw.map((f, i) => {
    const fingerprint = `v1:${f.tool.name}/${f.rule.id}/${f.location.path}/${i}`;
    const id = `GR-${createHash("sha256").update(fingerprint).digest("hex").slice(0, 8)}`;
    return { ...f, fingerprint, id };
  });
}

/** Findings grouped as the report plan groups them: by file and start line, most severe first. */
function locations(found: Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of found) {
    const key = `${f.location.path}:${f.location.region?.startLine ?? 0}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((g) =>
    g.sort((a, b) => severityRank(a.severity) - severityRank(b.severity)),
  );
}

function html(markdown: string): string {
  return marked.parse(markdown, { gfm: true, async: false });
}

/** The text a reader sees: comments and tags gone, entities decoded. */
function seen(page: string): string {
  return page
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<\/?(p|li|ul|ol|h\d|details|summary|table|tr|td|th|pre|blockquote)\b[^>]*>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+| · /)
    .map((s) => s.replace(/\s+/g, " ").trim().toLowerCase())
    .filter((s) => s.split(" ").length >= 4);
}

function expectReadable(markdown: string): string {
  const page = html(markdown);
  const text = seen(page);
  // No markup shows as text: emphasis, links, raw tags or table pipes.
  expect(text).not.toMatch(/\*\*|\]\(|<\/?(sub|details|summary)>|^\s*\|.*\|\s*$/m);
  // A table row per finding repeats a rule's message by design; the prose around it may not.
  const said = sentences(seen(page.replace(/<table>[\s\S]*?<\/table>/g, "")));
  expect(said.filter((s, i) => said.indexOf(s) !== i)).toEqual([]);
  return page;
}

describe.each(FIXTURES)("%s as GitHub shows it", (file) => {
  const found = identified(rawFindings(file));
  const groups = locations(found);

  it("renders every comment without leaking markup or repeating a sentence", () => {
    for (const group of groups.slice(0, 60)) {
      const page = expectReadable(renderLocationComment(group.map((finding) => ({ finding }))));
      if (group.length > 1) expect(page).toMatch(/<ul>\n(<li>[\s\S]*?<\/li>\n){2,}<\/ul>/);
      for (const f of group) expect(page).toContain(f.id);
    }
  });

  it("renders each finding alone (a resource failing one check) without repeating its rule's sentence", () => {
    for (const finding of found.slice(0, 60)) {
      const page = expectReadable(renderLocationComment([{ finding }]));
      // Checkov writes the first failing resource into its rule help: not shown as this one's.
      expect(page).not.toContain("Resource:");
    }
  });

  it("renders the check summary with each table once and no severity row of zeros", () => {
    const triaged = found.map((finding, i) =>
      makeTriaged(
        {
          isNew: i % 3 !== 0,
          suppressedBy:
            finding.suppressions.length > 0 ? { kind: "sarif", suppressionKind: "inSource" } : null,
        },
        finding,
      ),
    );
    const output = renderCheckOutput({
      gate: {
        conclusion: "neutral",
        reason: "New findings, none at or above critical (fail_on for main)",
      },
      triaged,
      notes: [],
      omitted: [],
      inlineCount: 3,
      annotationCount: 4,
      headSha: "0123456789abcdef0123456789abcdef01234567",
      runUrl: "https://github.com/octo/app/actions/runs/1",
      toolNames: [found[0]?.tool.name ?? ""],
    });
    const page = expectReadable(`${output.summary}\n\n${output.text}`);
    expect(page).toContain("<th>Severity</th>");
    const headings = [...page.matchAll(/<h[23][^>]*>([^<(]+)/g)].map((m) => m[1]?.trim());
    expect(headings.filter((h, i) => headings.indexOf(h) !== i)).toEqual([]);
    const counts = page.slice(page.indexOf("<th>Severity</th>"), page.indexOf("</table>"));
    expect(counts).not.toMatch(/<td>0<\/td>\s*<td>0<\/td>\s*<td>0<\/td>/);
  });
});
