import { fileURLToPath } from "node:url";
import { Eta } from "eta";

export type Render = (view: string, data: Record<string, unknown>) => string;

/**
 * Eta with auto-escaping on: `<%= %>` HTML-escapes every value (& < > " '), so SARIF text,
 * justifications and GitHub names render as text. `<%~ %>` appears only in the layout, for the
 * page body Eta itself produced.
 */
export function createRenderer(): Render {
  const eta = new Eta({
    views: fileURLToPath(new URL("./views", import.meta.url)),
    autoEscape: true,
    cache: true,
  });
  return (view, data) => eta.render(view, data);
}
