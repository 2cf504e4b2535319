import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

interface Asset {
  contentType: string;
  body: Buffer;
}

const require = createRequire(import.meta.url);

/** Charts come from the installed uPlot package, served by the app itself: no CDN, no other origin. */
const SOURCES: Record<string, { file: string; contentType: string }> = {
  "uPlot.iife.min.js": {
    file: require.resolve("uplot/dist/uPlot.iife.min.js"),
    contentType: "text/javascript; charset=utf-8",
  },
  "uPlot.min.css": {
    file: require.resolve("uplot/dist/uPlot.min.css"),
    contentType: "text/css; charset=utf-8",
  },
  "console.js": { file: local("console.js"), contentType: "text/javascript; charset=utf-8" },
  "console.css": { file: local("console.css"), contentType: "text/css; charset=utf-8" },
};

/** Read once, on first use: the files are small and never change while the app runs. */
export function loadAssets(): Map<string, Asset> {
  return new Map(
    Object.entries(SOURCES).map(([name, { file, contentType }]) => [
      name,
      { contentType, body: readFileSync(file) },
    ]),
  );
}

function local(name: string): string {
  return fileURLToPath(new URL(`./assets/${name}`, import.meta.url));
}
