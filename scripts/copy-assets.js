// tsc emits only code: copy the JSON assets the app reads at run time next to the built files.
import { cpSync } from "node:fs";

cpSync("src/sarif/sarif-schema-2.1.0.json", "dist/sarif/sarif-schema-2.1.0.json");
// The security console's templates and browser files (uPlot itself is served from node_modules).
cpSync("src/console/views", "dist/console/views", { recursive: true });
cpSync("src/console/assets", "dist/console/assets", { recursive: true });
