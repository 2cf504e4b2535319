/**
 * Slack allows 50 blocks a message and Teams ~28 KB a card: 20 events (one block or container
 * each) with capped texts fit both; the rest are counted in the last line.
 */
export const MAX_EVENTS_PER_MESSAGE = 20;
/** A finding message is a reminder, not the report: the PR and check run hold the full text. */
export const MAX_MESSAGE_CHARS = 300;
export const MAX_FIELD_CHARS = 120;
