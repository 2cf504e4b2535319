/**
 * A synthetic but realistic scan: a Semgrep/CodeQL-like SARIF run with 50 rules, the source files
 * it points into (so line hashes can be computed), and the PR files of a pull request touching
 * some of them. Deterministic: the same size always yields the same bytes.
 */

export const RULE_COUNT = 50;
/** Lines per generated source file; findings spread over them. */
export const FILE_LINES = 150;
/** Results per file on average: a large monorepo scan, not one file with a thousand hits. */
const RESULTS_PER_FILE = 25;
/** One file in ten is changed by the pull request. */
const CHANGED_FILE_EVERY = 10;
/** The PR adds this many lines at the top of each changed file. */
const ADDED_LINES = 40;

const LEVELS = ["error", "warning", "note"];
const SINKS = ["exec", "eval", "query", "innerHTML", "redirect", "open", "deserialize"];

function rule(index) {
  const sink = SINKS[index % SINKS.length];
  const id = `bench.security.${sink}.rule-${index}`;
  return {
    id,
    name: `Untrusted data reaches ${sink} (${index})`,
    shortDescription: { text: `User-controlled data flows into ${sink} without sanitising.` },
    fullDescription: {
      text:
        `Data from an HTTP request reaches a call to ${sink}. An attacker can use this to run ` +
        "code or read data they should not. Validate or escape the value before the call.",
    },
    help: {
      text: `Avoid passing request data to ${sink}. See the project guidelines for safe patterns.`,
      markdown: `Avoid passing request data to \`${sink}\`.\n\n* Validate input\n* Use the safe API`,
    },
    helpUri: `https://example.com/rules/${id}`,
    defaultConfiguration: { level: LEVELS[index % LEVELS.length] },
    properties: {
      tags: ["security", `external/cwe/cwe-${78 + index}`],
      precision: "high",
      ...(index % 3 === 0 ? { "security-severity": String(4 + (index % 6)) } : {}),
    },
  };
}

export function filePath(index) {
  return `src/module-${index % 40}/component-${index}.js`;
}

/** A source file whose every line differs, so each line has its own hash. */
function fileContent(index) {
  const lines = [];
  for (let line = 1; line <= FILE_LINES; line += 1) {
    lines.push(
      `  const value${line} = compute${index % 97}(input.field${line}, ${index * 31 + line});`,
    );
  }
  return lines.join("\n") + "\n";
}

function lineHashLike(i) {
  return `${(0x9e3779b97f4a7c15n * BigInt(i + 1)).toString(16).slice(-16)}:1`;
}

function result(i, fileCount) {
  const fileIndex = i % fileCount;
  // 7 is coprime with FILE_LINES, so up to FILE_LINES results per file land on distinct lines.
  const line = 1 + ((Math.floor(i / fileCount) * 7) % FILE_LINES);
  const ruleIndex = (i * 13) % RULE_COUNT;
  const sink = SINKS[ruleIndex % SINKS.length];
  const out = {
    ruleId: rule(ruleIndex).id,
    ruleIndex,
    message: { text: `Untrusted value \`input.field${line}\` reaches ${sink} here.` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: filePath(fileIndex), uriBaseId: "%SRCROOT%" },
          region: { startLine: line, startColumn: 9, endLine: line, endColumn: 30 },
        },
      },
    ],
  };
  if (i % 2 === 0) out.partialFingerprints = { primaryLocationLineHash: lineHashLike(i) };
  if (i % 10 === 0) {
    out.relatedLocations = [
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: filePath(fileIndex), uriBaseId: "%SRCROOT%" },
          region: { startLine: Math.max(1, line - 1), startColumn: 3, endColumn: 20 },
        },
        message: { text: "the request data" },
      },
    ];
  }
  return out;
}

function patch() {
  const lines = [`@@ -1,3 +1,${ADDED_LINES + 3} @@`];
  for (let i = 1; i <= ADDED_LINES; i += 1) lines.push(`+  added line ${i}`);
  lines.push(" context a", " context b", " context c");
  return lines.join("\n");
}

export function fileCountFor(resultCount) {
  return Math.max(10, Math.ceil(resultCount / RESULTS_PER_FILE));
}

/** The SARIF log's bytes for `resultCount` results. */
export function generateSarif(resultCount, fileCount = fileCountFor(resultCount)) {
  const results = Array.from({ length: resultCount }, (_, i) => result(i, fileCount));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "BenchScanner",
            semanticVersion: "1.2.3",
            informationUri: "https://example.com/bench-scanner",
            rules: Array.from({ length: RULE_COUNT }, (_, i) => rule(i)),
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: "file:///home/runner/work/shop/shop/" } },
        invocations: [{ executionSuccessful: true }],
        results,
      },
    ],
  };
  return Buffer.from(JSON.stringify(log));
}

/** The source files the log points into, as the analysed commit holds them. */
export function generateFiles(resultCount, fileCount = fileCountFor(resultCount)) {
  const files = new Map();
  const encoder = new TextEncoder();
  for (let i = 0; i < fileCount; i += 1) {
    files.set(filePath(i), encoder.encode(fileContent(i)));
  }
  return files;
}

/** The pull request's files (as the REST API lists them): every tenth file gains 40 lines. */
export function generatePullFiles(resultCount) {
  const pullFiles = [];
  for (let i = 0; i < fileCountFor(resultCount); i += CHANGED_FILE_EVERY) {
    pullFiles.push({ filename: filePath(i), status: "modified", patch: patch() });
  }
  return pullFiles;
}
/** Content for files a real fixture points at: enough distinct lines for every referenced line. */
export function contentFor(path, lineCount) {
  const lines = [];
  for (let line = 1; line <= lineCount; line += 1) lines.push(`// ${path} line ${line}`);
  return new TextEncoder().encode(lines.join("\n") + "\n");
}
