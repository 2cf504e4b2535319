// Child process for crash.test.ts: runs the real store code against a SQLite file and prints
// the id of every suppression whose create() has resolved (i.e. committed), until killed.
// Usage: node crash-child.mjs <src dir> <build dir> <db path>
// The whole of src/ is transpiled (the store imports the pure lifecycle and domain folders).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

const [srcDir, buildDir, dbPath] = process.argv.slice(2);
for (const entry of readdirSync(srcDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const from = join(entry.parentPath, entry.name);
  const to = join(buildDir, relative(srcDir, from));
  mkdirSync(dirname(to), { recursive: true });
  if (entry.name.endsWith(".json")) copyFileSync(from, to);
  if (!entry.name.endsWith(".ts")) continue;
  const { outputText } = ts.transpileModule(readFileSync(from, "utf8"), {
    compilerOptions: {
      module: ts.ModuleKind.ES2022,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
    },
  });
  writeFileSync(to.replace(/\.ts$/, ".js"), outputText);
}

const { openStore } = await import(pathToFileURL(join(buildDir, "store", "open-store.js")).href);
const store = await openStore(`sqlite:${dbPath}`);
process.stdout.write("ready\n");
for (let i = 0; ; i += 1) {
  const suppression = await store.suppressions.create({
    repo: "octo/crash",
    scope: { kind: "finding", fingerprint: `fp-${i}` },
    reason: "accepted-risk",
    justification: `iteration ${i} `.repeat(20),
    author: "crash-test",
    createdAt: new Date(),
    expiresAt: null,
    source: `https://github.com/octo/crash/pull/1#issuecomment-${i}`,
    findingId: null,
    actor: "crash-test",
    commentUrl: null,
  });
  process.stdout.write(`${suppression.id}\n`);
}
