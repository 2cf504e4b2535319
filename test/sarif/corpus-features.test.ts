/** Specific facts about the real SARIF fixtures, each checked by reading the file with jq. */
import { describe, expect, it } from "@jest/globals";
import { normaliseSarif } from "../../src/sarif/normalise.js";
import { resolveEscapedPaths } from "../../src/sarif/resolve-escaped-paths.js";
import { findings, read } from "./corpus-fixtures.js";

function refusal(file: string): string {
  const outcome = read(file);
  if (outcome.ok) throw new Error(`${file} was read`);
  return outcome.notes.map((note) => note.message).join("\n");
}

function warning(file: string): string {
  const outcome = read(file);
  if (!outcome.ok) throw new Error(`${file} was refused`);
  return outcome.warnings.map((note) => note.message).join("\n");
}

describe("validation outcomes", () => {
  it("refuses results that are a number, naming the pointer", () => {
    expect(refusal("codeql/codeql-action-testdata-invalid-results-is-number.sarif")).toBe(
      "not valid SARIF 2.1.0: /runs/0/results: must be array",
    );
  });

  it("refuses text that is not JSON with the parser's message", () => {
    expect(refusal("sarif-sdk-testdata/JSON1001-syntax-error-INVALID-JSON.sarif")).toMatch(
      /^not valid JSON: .*position 60/,
    );
  });

  it("reads KICS despite duplicate taxa, and gosec despite artifactChanges null, with a warning", () => {
    expect(warning("kics/kics-2.1.11-terraform-gcp.sarif")).toMatch(
      /^1 SARIF schema violation.*\/runs\/0\/taxonomies\/1\/taxa: must NOT have duplicate items/,
    );
    expect(warning("gosec/gosec-dev-fixes-artifactChanges-null.sarif")).toMatch(
      /\/runs\/0\/results\/0\/fixes\/0\/artifactChanges: must be array/,
    );
  });
});

describe("paths", () => {
  const kics = "kics/kics-2.1.11-terraform-gcp.sarif";

  it("keeps KICS ../ paths escaping, then resolves them against the repository's files", () => {
    const raw = findings(kics);
    const resolved = resolveEscapedPaths(raw, ["path/main.tf", "path/variables.tf", "README.md"]);
    expect(resolved.notes).toEqual([]);
    expect(new Set(resolved.findings.map((f) => f.location.path))).toEqual(
      new Set(["path/main.tf"]),
    );
    expect(resolved.findings).toHaveLength(26);
  });

  it("drops KICS findings whose file is not in the repository, with one note", () => {
    const resolved = resolveEscapedPaths(findings(kics), ["main.go"]);
    expect(resolved.findings).toEqual([]);
    expect(resolved.notes).toHaveLength(1);
    expect(resolved.notes[0]).toMatchObject({ level: "warning", source: "KICS" });
    expect(resolved.notes[0]?.message).toMatch(
      /\.\.\/\.\.\/path\/main\.tf .*\(and 25 more like it\)$/,
    );
  });

  it("reads Trivy's ROOTPATH '/' base as the checkout root", () => {
    const paths = findings("trivy/trivy-0.15.0-builtin-image-vuln-rootpath-slash.sarif").map(
      (f) => f.location.path,
    );
    expect(new Set(paths)).toEqual(
      new Set([
        "knqyf263/vuln-image (alpine 3.7.1)",
        "node-app/package-lock.json",
        "php-app/composer.lock",
        "python-app/Pipfile.lock",
        "ruby-app/Gemfile.lock",
        "rust-app/Cargo.lock",
      ]),
    );
  });

  it("reads a ROOTPATH on a developer's laptop as the scan root", () => {
    const paths = findings("trivy/trivy-0.45.1-config-terraform-misconfig.sarif").map(
      (f) => f.location.path,
    );
    expect(paths).toContain("modules/acme_bucket/main.tf");
    expect(paths.every((path) => !path.startsWith("/"))).toBe(true);
  });

  it("strips ESLint's absolute file:/// URIs to repo-relative paths", () => {
    const raw = findings("eslint/eslint-8.49.0-822-results.sarif");
    expect(new Set(raw.map((f) => f.location.path))).toEqual(
      new Set([
        "/Users/elizabethbarrord/git/code-scanning-javascript-demo/.eslintrc.js",
        "/Users/elizabethbarrord/git/code-scanning-javascript-demo/index.js",
      ]),
    );
    const resolved = resolveEscapedPaths(raw, [".eslintrc.js", "index.js", "package.json"]);
    expect(new Set(resolved.findings.map((f) => f.location.path))).toEqual(
      new Set([".eslintrc.js", "index.js"]),
    );
    expect(resolved.findings).toHaveLength(805);
  });

  it("drops results with no file and tallies them in one info note", () => {
    const file = "sarif-sdk-testdata/results-missing-empty-or-address-only-locations.sarif";
    const outcome = read(file);
    if (!outcome.ok) throw new Error("refused");
    const { findings: list, notes } = normaliseSarif(outcome.log, { source: file });
    expect(list.map((f) => f.location)).toEqual([{ path: "file.c" }]);
    expect(notes).toEqual([
      {
        level: "info",
        source: file,
        message:
          "Sarif Functional Testing rule TEST1001: a result names no file; skipped (and 1 more like it)",
      },
    ]);
  });
});

describe("rules, messages and flows", () => {
  it("reads a CodeQL result with its rule, severity, CWE, related location, flow and line hash", () => {
    const [first] = findings("codeql/codeql-2.12.6-javascript-vulnerable-node-codeflows.sarif");
    expect(first).toMatchObject({
      tool: { name: "CodeQL", version: "2.12.6" },
      rule: {
        id: "js/server-side-unvalidated-url-redirection",
        shortDescription: "Server-side URL redirect",
      },
      severity: "medium", // security-severity "6.1"
      message: "Untrusted URL redirection depends on a [user-provided value](1).",
      location: {
        path: "routes/login.js",
        region: { startLine: 36, endLine: 36, startColumn: 26, endColumn: 35 },
      },
      relatedLocations: [
        { path: "routes/login.js", message: "user-provided value", region: { startLine: 23 } },
      ],
      identity: { primaryLocationLineHash: "e5803adce97fe385:1" },
    });
    expect(first?.rule.tags).toEqual(["security", "external/cwe/cwe-601", "CWE-601"]);
    expect(first?.codeFlows.map((flow) => flow.length)).toEqual([4]);
  });

  it("rates CodeQL's SQL injection (security-severity 8.8) high", () => {
    const sqli = findings("codeql/codeql-2.20.7-javascript-codeflows-taxonomies.sarif").filter(
      (f) => f.rule.id === "js/sql-injection",
    );
    expect(sqli.length).toBeGreaterThan(0);
    expect(new Set(sqli.map((f) => f.severity))).toEqual(new Set(["high"]));
  });

  it("adds CWE tags from gosec's rule relationships", () => {
    const g301 = findings("gosec/gosec-dev-26-results-cwe-taxonomy.sarif").find(
      (f) => f.rule.id === "G301",
    );
    expect(g301?.rule.tags).toEqual(["security", "MEDIUM", "CWE-276"]);
  });

  it("reads both runs of a two-run log", () => {
    const tools = findings("codeql/codeql-action-testdata-valid-two-runs-lgtm-codeql.sarif").map(
      (f) => f.tool.name,
    );
    expect(tools).toEqual([
      "LGTM.com",
      "CodeQL command-line toolchain",
      "CodeQL command-line toolchain",
    ]);
  });

  it("reads tfsec's defsec driver without a version", () => {
    expect(findings("tfsec/tfsec-1.28.14-defsec-driver-aws.sarif")[0]?.tool).toEqual({
      name: "defsec",
    });
  });
});

describe("suppressions, fixes, fingerprints", () => {
  it("reads Checkov's inSource suppressions with justifications", () => {
    const justifications = findings("checkov/checkov-2.1.16-with-suppressions.sarif").map(
      (f) => f.suppressions,
    );
    expect(justifications).toContainEqual([
      { kind: "inSource", justification: " Not yet supported" },
    ]);
    expect(justifications.every((list) => list.length === 1 && list[0]?.kind === "inSource")).toBe(
      true,
    );
  });

  it("reads ESLint's eslint-disable suppressions with empty justification", () => {
    const list = findings("eslint/eslint-8.56.0-with-suppressions.sarif");
    expect(list.map((f) => f.suppressions)).toEqual(
      Array.from({ length: 12 }, () => [{ kind: "inSource", justification: "" }]),
    );
  });

  it("reads Semgrep's nosemgrep suppression on one of two results", () => {
    const list = findings("semgrep/semgrep-snapshot-nosemgrep-suppressions.sarif");
    expect(list.map((f) => f.suppressions)).toEqual([[{ kind: "inSource" }], []]);
    expect(list[0]?.identity.toolFingerprint).toMatch(/^matchBasedId\/v1\/4440db75/);
  });

  it("reads Semgrep's autofix as a replacement", () => {
    const [first] = findings("semgrep/semgrep-snapshot-autofix-fixes.sarif");
    expect(first?.fixes).toEqual([
      {
        description:
          "Use `.get()` method to avoid a KeyNotFound error\n Autofix: Semgrep rule suggested fix",
        replacements: [
          {
            path: "targets/autofix/autofix.py",
            deleted: { startLine: 5, endLine: 5, startColumn: 3, endColumn: 12 },
            inserted: "  inputs.get(x) = 1",
          },
        ],
      },
    ]);
  });

  it("keeps gosec's description-only fix when artifactChanges is null", () => {
    const withFix = findings("gosec/gosec-dev-fixes-artifactChanges-null.sarif").filter(
      (f) => f.fixes.length > 0,
    );
    expect(withFix).toHaveLength(1);
    expect(withFix[0]?.fixes[0]).toEqual({
      description: expect.stringMatching(/^Consider using os\.Root/) as unknown,
      replacements: [],
    });
  });
});
