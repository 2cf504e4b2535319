import { startSetupFlow } from "./setup-flow.js";

/** `npm run setup`: Probot's manifest flow, even when .env already names an App. */
await startSetupFlow();
