import { run } from "probot";

/**
 * `npm run setup`: Probot's manifest flow. Open the printed URL, create the App from app.yml, and
 * Probot writes APP_ID, PRIVATE_KEY and WEBHOOK_SECRET into .env; then `npm start`.
 */
delete process.env.APP_ID;
await run(() => undefined);
