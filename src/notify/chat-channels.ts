import type { Env } from "../env.js";
import type { ChatChannel } from "./chat-channel.js";
import { slackChannel } from "./slack-channel.js";
import { teamsChannel } from "./teams-channel.js";

/** The chat webhooks the deployment configured; none: notifications are off. */
export function chatChannelsFromEnv(
  env: Pick<Env, "GUARDRAIL_SLACK_WEBHOOK_URL" | "GUARDRAIL_TEAMS_WEBHOOK_URL">,
): ChatChannel[] {
  return [
    ...(env.GUARDRAIL_SLACK_WEBHOOK_URL ? [slackChannel(env.GUARDRAIL_SLACK_WEBHOOK_URL)] : []),
    ...(env.GUARDRAIL_TEAMS_WEBHOOK_URL ? [teamsChannel(env.GUARDRAIL_TEAMS_WEBHOOK_URL)] : []),
  ];
}
