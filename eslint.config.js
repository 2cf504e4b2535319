import { readdirSync } from "node:fs";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";
import noMutualFolders from "./eslint-rules/no-mutual-folders.js";

/**
 * The layers of src/, bottom to top; each imports only from layers below it (design: issue #12).
 * A folder not named here is a domain folder (types and pure stages): new pure folders fit as
 * they are; a new edge or feature folder is one word in its layer.
 */
const EDGES = [
  "github",
  "store",
  "queue",
  "enrichment",
  "metrics",
  "app-deps.ts",
  "env.ts",
  "logger.ts",
  "load-dotenv.ts",
];
const PIPELINE = ["pipeline"];
const FEATURES = ["commands", "jobs", "handlers", "console", "notify", "backlog"];
const TOP = [
  "app.ts",
  "start.ts",
  "server.ts",
  "setup.ts",
  "setup-flow.ts",
  "maintenance.ts",
  "http",
  "cli",
];
const ABOVE_DOMAIN = new Set([...EDGES, ...PIPELINE, ...FEATURES, ...TOP]);
const DOMAIN = readdirSync("src", { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !ABOVE_DOMAIN.has(entry.name))
  .map((entry) => entry.name);
const LAYERS = [
  ["domain types and pure stages", DOMAIN],
  ["edges (GitHub, store, queue)", EDGES],
  ["the pipeline", PIPELINE],
  ["commands, jobs, handlers and features", FEATURES],
  ["the app and server", TOP],
];
const src = (names) => names.map((name) => `src/${name}`);
const layerZones = LAYERS.slice(0, -1).map(([name, folders], i) => ({
  target: src(folders),
  from: src(LAYERS.slice(i + 1).flatMap(([, above]) => above)),
  message: `${name} import only from layers below them (eslint.config.js).`,
}));
// Within the features layer the job runner is the roof: nothing else imports it.
layerZones.push({
  target: src(FEATURES.filter((name) => name !== "jobs")),
  from: ["src/jobs"],
  message: "src/jobs (the runner and its registry) is imported by the app only.",
});

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "coverage/**",
      "data/**",
      "node_modules/**",
      "*.config.js",
      "bench/**/*.js",
      "scripts/**",
      "eslint-rules/**",
      // plain JavaScript child processes that tests spawn
      "**/*.mjs",
      // the console's browser script (plain JavaScript, served as a file)
      "src/console/assets/**",
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "no-console": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
    },
  },
  {
    files: ["src/**/*.ts"],
    plugins: {
      "import-x": importX,
      guardrail: { rules: { "no-mutual-folders": noMutualFolders } },
    },
    settings: {
      "import-x/extensions": [".ts", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts"] },
      "import-x/resolver-next": [
        createNodeResolver({
          extensions: [".ts", ".js"],
          extensionAlias: { ".js": [".ts", ".js"] },
        }),
      ],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": ["error", { zones: layerZones }],
      "guardrail/no-mutual-folders": "error",
    },
  },
  {
    files: ["test/**/*.ts", "src/cli/**/*.ts"],
    rules: { "no-console": "off", "@typescript-eslint/unbound-method": "off" },
  },
);
