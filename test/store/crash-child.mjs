// Child process for crash.test.ts: runs the real store code against a SQLite file and prints
// the id of every suppression whose create() has resolved (i.e. committed), until killed.
// Usage: node crash-child.mjs <src/store dir> <build dir> <db path>
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

const [srcDir, buildDir, dbPath] = process.argv.slice(2);
mkdirSync(buildDir, { recursive: true });
for (const file of readdirSync(srcDir).filter((name) => name.endsWith(".ts"))) {
  const { outputText } = ts.transpileModule(readFileSync(join(srcDir, file), "utf8"), {
    compilerOptions: {
      module: ts.ModuleKind.ES2022,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
    },
  });
  writeFileSync(join(buildDir, file.replace(/\.ts$/, ".js")), outputText);
}

const { openStore } = await import(pathToFileURL(join(buildDir, "open-store.js")).href);
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
