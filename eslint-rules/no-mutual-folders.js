/**
 * "No two folders importing each other": import-x/no-cycle sees cycles of modules, not of folders
 * (a/x → b/y and b/z → a/w is no module cycle, yet the folders are one tangle). On an import from
 * src/<a>/ into src/<b>/, this rule reads b's files once and reports when any of them imports a.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']+)["']/gm;
const importsOf = new Map();

function folderOf(srcRoot, file) {
  const rel = relative(srcRoot, file);
  if (rel.startsWith("..")) return null;
  const [first, ...rest] = rel.split(sep);
  return rest.length > 0 ? first : null;
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|js)$/.test(name) ? [path] : [];
  });
}

/** Folder → the first file in it importing each other folder. */
function folderImports(srcRoot, folder) {
  const cached = importsOf.get(folder);
  if (cached) return cached;
  const found = new Map();
  for (const file of filesUnder(join(srcRoot, folder))) {
    for (const [, spec] of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const target = folderOf(srcRoot, resolve(dirname(file), spec));
      if (target && target !== folder && !found.has(target)) found.set(target, file);
    }
  }
  importsOf.set(folder, found);
  return found;
}

export default {
  meta: {
    type: "problem",
    docs: { description: "Two folders of src/ may not import each other." },
    schema: [
      { type: "object", properties: { root: { type: "string" } }, additionalProperties: false },
    ],
    messages: {
      mutual:
        "src/{{from}} and src/{{to}} import each other ({{back}} imports src/{{from}}): one of them belongs lower.",
    },
  },
  create(context) {
    const srcRoot = resolve(context.options[0]?.root ?? "src");
    const file = context.physicalFilename;
    const from = folderOf(srcRoot, file);
    if (!from) return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== "string" || !spec.startsWith(".")) return;
      const to = folderOf(srcRoot, resolve(dirname(file), spec));
      if (!to || to === from) return;
      const back = folderImports(srcRoot, to).get(from);
      if (back)
        context.report({
          node,
          messageId: "mutual",
          data: { from, to, back: relative(process.cwd(), back) },
        });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
