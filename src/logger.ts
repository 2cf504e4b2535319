import { getTransformStream } from "@probot/pino";
import { pino, type Logger } from "pino";

/** Anything that could carry a credential never reaches the log. */
export const REDACTED_PATHS = [
  "privateKey",
  "*.privateKey",
  "secret",
  "*.secret",
  "token",
  "*.token",
  "headers.authorization",
  "*.headers.authorization",
  "*.*.headers.authorization",
  'headers["x-hub-signature-256"]',
  'req.headers["x-hub-signature-256"]',
  "req.headers.authorization",
  "req.headers.cookie",
];

export interface LoggerOptions {
  level: string;
  format?: "json" | "pretty" | undefined;
  /** Where log lines go (stdout by default). */
  destination?: NodeJS.WritableStream;
}

export async function createLogger(options: LoggerOptions): Promise<Logger> {
  const transform = await getTransformStream({
    logFormat: options.format ?? (process.stdout.isTTY ? "pretty" : "json"),
  });
  transform.pipe(options.destination ?? (pino.destination(1) as unknown as NodeJS.WritableStream));
  return pino(
    {
      name: "guardrail",
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    },
    transform,
  );
}
