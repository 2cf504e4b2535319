import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ChatRequest {
  path: string;
  body: unknown;
}

export interface FakeChat {
  url(path: string): string;
  requests: ChatRequest[];
  /** Answers for the next requests, in order; then 200 "ok" (Slack) for the rest. */
  script(...replies: { status: number; headers?: Record<string, string>; body?: string }[]): void;
  close(): Promise<void>;
}

/** A local Slack / Teams webhook endpoint on 127.0.0.1 that records what it was sent. */
export async function startFakeChat(okStatus = 200, port = 0): Promise<FakeChat> {
  const requests: ChatRequest[] = [];
  const replies: { status: number; headers?: Record<string, string>; body?: string }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ path: req.url ?? "", body: JSON.parse(Buffer.concat(chunks).toString()) });
      const reply = replies.shift() ?? { status: okStatus, body: "ok" };
      res.writeHead(reply.status, reply.headers ?? {});
      res.end(reply.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${bound}${path}`,
    requests,
    script: (...next) => replies.push(...next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A clock that only moves when told to (or when the drain sleeps). */
export function fakeClock(start = Date.parse("2026-03-01T10:00:00Z")) {
  const clock = {
    t: start,
    now: () => clock.t,
    sleep: (ms: number) => {
      clock.t += ms;
      return Promise.resolve();
    },
  };
  return clock;
}
