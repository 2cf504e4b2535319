// `npm run build`: compile src/ to dist/ and copy the assets. With --if-stale (npm start, npm test)
// it does nothing when dist/ is newer than every input, so a built checkout starts at once.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const STAMP = "dist/.build-stamp";
// Everything the build reads. Directories count too: deleting or adding a file changes theirs.
const INPUTS = ["src", "scripts", "tsconfig.json", "tsconfig.build.json", "package-lock.json"];

function newestChange(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestChange(join(path, entry))),
    stat.mtimeMs,
  );
}

function isStale() {
  if (!existsSync("dist/server.js")) return true;
  const built = statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs ?? -Infinity;
  return INPUTS.some((input) => newestChange(input) > built);
}

function run(args) {
  const result = spawnSync(process.execPath, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!process.argv.includes("--if-stale") || isStale()) {
  // Stamped with the time the build began: a source saved during the build makes it stale again.
  const began = new Date();
  run(["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"]);
  run(["scripts/copy-assets.js"]);
  writeFileSync(STAMP, `${began.toISOString()}\n`);
  utimesSync(STAMP, began, began);
}
