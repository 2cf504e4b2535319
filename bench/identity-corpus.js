/**
 * Benchmark: identity across real edits (issue 13). Real JavaScript files from node_modules, 6
 * synthetic findings each on real lines (3 rules, one message per rule, as scanners word them),
 * 10 kinds of edit. Each edited file is fingerprinted again, and every original finding is looked
 * for among the head's: by the plain line hash (Guardrail's fingerprint alone) and by the
 * tracker. Kept: the finding carries its base identity. False merge: a head finding carries the
 * identity of another base finding, or two head findings carry the same one (a duplicated block
 * counted twice). Prints one table; `--json` adds a RESULT line for bench/run.js.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fingerprintFindings } from "../dist/fingerprint/identity.js";
import { adoptIdentities } from "../dist/tracking/adopt-identities.js";
import { trackableOf } from "../dist/tracking/trackable.js";
import { fixed, printTable, reportResult } from "./measure.js";
import { EDITS } from "./identity-edits.js";

const FILES = 20;
const FINDINGS_PER_FILE = 6;
const RULES = 3;
/** Findings at least this far apart, so an edit "after" one never lands on another. */
const MIN_GAP = 20;

/** The first readable, non-minified .js file of each package, spread evenly over the packages. */
function corpusFiles(root = "node_modules") {
  const perPackage = [];
  for (const name of readdirSync(root).sort()) {
    if (name.startsWith(".") || name.startsWith("@")) continue;
    for (const dir of ["lib", "dist", "src", ""]) {
      const found = jsFiles(join(root, name, dir)).find(usable);
      if (found !== undefined) {
        perPackage.push(found);
        break;
      }
    }
  }
  const step = perPackage.length / FILES;
  return Array.from({ length: FILES }, (_, i) => perPackage[Math.floor(i * step)]);
}

function jsFiles(dir) {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith(".js"))
      .sort()
      .map((f) => join(dir, f))
      .filter((p) => statSync(p).isFile());
  } catch {
    return [];
  }
}

function usable(path) {
  const lines = readFileSync(path, "utf8").split("\n");
  return lines.length >= 200 && lines.length <= 3000 && lines.every((l) => l.length < 160);
}

/** 6 real lines (non-trivial text, not a comment), spread over the file, at least MIN_GAP apart. */
function pickLines(lines) {
  const picked = [];
  for (let k = 1; k <= FINDINGS_PER_FILE; k++) {
    let line = Math.max(
      Math.floor((k * lines.length) / (FINDINGS_PER_FILE + 1)),
      (picked[picked.length - 1] ?? -MIN_GAP) + MIN_GAP,
    );
    while (line < lines.length - MIN_GAP && !flaggable(lines[line - 1])) line++;
    if (line < lines.length - MIN_GAP) picked.push(line);
  }
  return picked;
}

function flaggable(text) {
  const t = (text ?? "").trim();
  return t.length >= 12 && !t.startsWith("//") && !t.startsWith("*") && !t.startsWith("/*");
}

function raw(path, line, k) {
  const rule = `bench/rule-${k % RULES}`;
  return {
    tool: { name: "BenchScanner" },
    rule: { id: rule, tags: [] },
    severity: "medium",
    message: `Rule ${rule} matched here`,
    location: { path, region: { startLine: line, endLine: line } },
    relatedLocations: [],
    codeFlows: [],
    fixes: [],
    suppressions: [],
    identity: {},
  };
}

async function analyse(path, text, lines) {
  const content = new TextEncoder().encode(text);
  const specs = lines.map(({ line, k }) => raw(path, line, k));
  return (await fingerprintFindings(specs, async (p) => (p === path ? content : null), "all"))
    .findings;
}

/** Kept and false merges of one method: `identities[i]` is head finding i's identity. */
function score(base, head, identities) {
  const baseIndex = new Map(base.map((f, i) => [f.fingerprint, i]));
  let kept = 0;
  let merges = 0;
  for (let b = 0; b < base.length; b++) {
    if (head.some((h, i) => h.origin === b && identities[i] === base[b].fingerprint)) kept++;
  }
  const owners = new Map();
  head.forEach((h, i) => {
    const other = baseIndex.get(identities[i]);
    if (other !== undefined && other !== h.origin) merges++;
    owners.set(identities[i], (owners.get(identities[i]) ?? 0) + 1);
  });
  for (const n of owners.values()) merges += (n * (n - 1)) / 2;
  return { kept, merges };
}

const totals = new Map(
  EDITS.map((e) => [e.name, { n: 0, plain: 0, tracked: 0, plainMerges: 0, trackedMerges: 0 }]),
);
for (const file of corpusFiles()) {
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n");
  const path = file.replace(/^node_modules\//, "vendor/");
  const picked = pickLines(lines).map((line, k) => ({ line, k }));
  const base = await analyse(path, text, picked);
  for (const edit of EDITS) {
    const out = edit.apply(
      lines,
      picked.map((p) => p.line),
      path,
    );
    const headSpecs = out.findings.map(({ line, origin }) => ({ line, k: picked[origin].k }));
    const head = await analyse(out.path, out.text, headSpecs);
    const origins = out.findings.map(({ origin }) => ({ origin }));
    const olderPath = (p) => (p === out.path ? path : p);
    const tracked = adoptIdentities(head, base.map(trackableOf), { olderPath }).findings;
    const plain = score(
      base,
      origins,
      head.map((f) => f.fingerprint),
    );
    const byTracker = score(
      base,
      origins,
      tracked.map((f) => f.fingerprint),
    );
    const t = totals.get(edit.name);
    t.n += base.length;
    t.plain += plain.kept;
    t.tracked += byTracker.kept;
    t.plainMerges += plain.merges;
    t.trackedMerges += byTracker.merges;
  }
}

const pct = (part, whole) => `${fixed((100 * part) / whole, 1)} %`;
const rows = [...totals].map(([name, t]) => [
  name,
  t.n,
  pct(t.plain, t.n),
  t.plainMerges,
  pct(t.tracked, t.n),
  t.trackedMerges,
]);
const all = [...totals.values()].reduce((a, t) => ({
  n: a.n + t.n,
  plain: a.plain + t.plain,
  tracked: a.tracked + t.tracked,
  plainMerges: a.plainMerges + t.plainMerges,
  trackedMerges: a.trackedMerges + t.trackedMerges,
}));
rows.push([
  "all",
  all.n,
  pct(all.plain, all.n),
  all.plainMerges,
  pct(all.tracked, all.n),
  all.trackedMerges,
]);
console.log(
  `Identity across edits: ${FILES} files from node_modules, ${all.n / EDITS.length} findings, ${EDITS.length} edit kinds\n`,
);
printTable(
  [
    "edit",
    "findings",
    "line hash kept",
    "line hash false merges",
    "tracker kept",
    "tracker false merges",
  ],
  rows,
);
reportResult({
  keptRatio: all.tracked / all.n,
  falseMerges: all.trackedMerges,
  lineHashKeptRatio: all.plain / all.n,
  lineHashFalseMerges: all.plainMerges,
});
