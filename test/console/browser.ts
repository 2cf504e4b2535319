import { existsSync } from "node:fs";

/** Debian's chromium (apt-get install chromium); playwright-core's own browsers cannot be fetched here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Running as root in a container needs --no-sandbox; headless avoids needing a display. */
export const LAUNCH_OPTIONS = {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: ["--no-sandbox", "--disable-dev-shm-usage"],
};
