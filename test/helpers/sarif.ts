/** Small SARIF logs for the integration tests, shaped like Semgrep's output. */

export interface ResultSpec {
  ruleId?: string;
  level?: "error" | "warning" | "note" | "none";
  uri: string;
  startLine?: number;
  endLine?: number;
  message?: string;
  lineHash?: string;
  securitySeverity?: string;
}

export function sarifLog(results: ResultSpec[], tool = "Semgrep"): string {
  return JSON.stringify({
    version: "2.1.0",
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    runs: [
      {
        tool: {
          driver: {
            name: tool,
            version: "1.90.0",
            rules: [
              {
                id: "js.sqli",
                name: "SqlInjection",
                shortDescription: { text: "SQL injection" },
                helpUri: "https://semgrep.dev/r/js.sqli",
                help: {
                  text: "Use parameterised queries.",
                  markdown: "Use **parameterised** queries.",
                },
                defaultConfiguration: { level: "error" },
                properties: { tags: ["security", "CWE-89"] },
              },
              {
                id: "js.xss",
                shortDescription: { text: "Cross-site scripting" },
                properties: { tags: ["CWE-79"] },
              },
            ],
          },
        },
        results: results.map((r) => ({
          ruleId: r.ruleId ?? "js.sqli",
          ...(r.level ? { level: r.level } : {}),
          message: { text: r.message ?? "User input reaches a SQL query" },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: r.uri },
                ...(r.startLine
                  ? {
                      region: {
                        startLine: r.startLine,
                        ...(r.endLine ? { endLine: r.endLine } : {}),
                      },
                    }
                  : {}),
              },
            },
          ],
          ...(r.lineHash ? { partialFingerprints: { primaryLocationLineHash: r.lineHash } } : {}),
          ...(r.securitySeverity
            ? { properties: { "security-severity": r.securitySeverity } }
            : {}),
        })),
      },
    ],
  });
}

/** A unified-diff patch: lines 10–11 context, 12 added, 13 context (new-file numbering). */
export const DB_PATCH =
  "@@ -10,3 +10,4 @@ function query(db, input) {\n const a = 1;\n const b = 2;\n+db.query(`SELECT * FROM t WHERE id = ${input}`);\n return a + b;";
