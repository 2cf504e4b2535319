import { run } from "probot";

/**
 * Probot's manifest flow: it serves a page on $PORT that creates the App from app.yml, then writes
 * APP_ID, PRIVATE_KEY and WEBHOOK_SECRET into .env; the next `npm start` runs the App.
 */
export async function startSetupFlow(): Promise<void> {
  // Probot chooses setup mode only when it has no App ID.
  delete process.env.APP_ID;
  await run(() => undefined);
}

/** As Probot apps do: outside production, a missing APP_ID means "set me up", not an error. */
export function wantsSetup(env: NodeJS.ProcessEnv): boolean {
  return (env.APP_ID ?? "") === "" && env.NODE_ENV !== "production";
}
