/**
 * Timing and memory helpers shared by the benchmarks. Every figure a benchmark prints is a ratio
 * of two measurements taken in the same run, so machine speed cancels out.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Milliseconds taken by `fn` (sync or async). */
export async function timeMs(fn) {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Median milliseconds over `runs` calls of `fn`, collecting garbage between runs when allowed. */
export async function medianMs(fn, runs) {
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    globalThis.gc?.();
    times.push(await timeMs(fn));
  }
  return median(times);
}

/** Peak resident set size of this process so far, in bytes (resourceUsage reports KiB). */
export function peakRssBytes() {
  return process.resourceUsage().maxRSS * 1024;
}

export const MiB = 1024 * 1024;

export function mib(bytes) {
  return `${(bytes / MiB).toFixed(1)} MiB`;
}

export function fixed(value, digits = 2) {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

/** Prints rows as an aligned plain-text table (also valid Markdown). */
export function printTable(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map(String));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(" | ")} |`;
  console.log(line(cells[0]));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of cells.slice(1)) console.log(line(row));
}

const RESULT_PREFIX = "RESULT ";

/** How a child hands its figures to the parent: one line on stdout, after anything for people. */
export function reportResult(result) {
  console.log(RESULT_PREFIX + JSON.stringify(result));
}

/**
 * Runs `node --expose-gc <script> ...args` in a fresh process (so its peak RSS is its own) and
 * resolves with what it passed to reportResult. Its other output is echoed when `echo` is set.
 */
export function runChild(script, args = [], { echo = false, nodeArgs = [] } = {}) {
  const path = script instanceof URL ? fileURLToPath(script) : script;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", ...nodeArgs, path, ...args], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let result;
    let pending = "";
    const take = (line) => {
      if (line.startsWith(RESULT_PREFIX)) result = JSON.parse(line.slice(RESULT_PREFIX.length));
      else if (echo) console.log(line);
    };
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      lines.forEach(take);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (pending !== "") take(pending);
      if (code !== 0) return reject(new Error(`${path} ${args.join(" ")} exited with ${code}`));
      if (result === undefined)
        return reject(new Error(`${path} ${args.join(" ")} reported no result`));
      resolve(result);
    });
  });
}
