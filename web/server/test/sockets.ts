import { AckError } from "@soskes/chat/client";
import { io as connect, type Socket } from "socket.io-client";

/** A Socket.IO client as the web client opens it, with the portal session cookie. */
export function socketFor(url: string, cookie: string | undefined, origin?: string): Socket {
  return connect(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    extraHeaders: { ...(cookie ? { cookie: `soskes.sid=${cookie}` } : {}), ...(origin ? { origin } : {}) },
  });
}

export const connected = (socket: Socket) =>
  new Promise<void>((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });

export const waitFor = async (check: () => boolean, what: string, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** The ack error code of a request, or "ok". */
export const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (err: unknown) => (err instanceof AckError ? err.code : String(err)),
  );
