import { AckError, request } from "@soskes/chat/client";
import { useEffect, useState } from "react";
import { realtime, subscribe } from "../../../lib/realtime";

export { closeRealtime, realtime, subscribe } from "../../../lib/realtime";

export type ConnectionState = "connecting" | "online" | "offline";

export function useConnection(): ConnectionState {
  const socket = realtime();
  const [state, setState] = useState<ConnectionState>(socket.connected ? "online" : "connecting");
  useEffect(() => {
    const online = () => setState("online");
    const offline = () => setState("offline");
    const stop = subscribe(socket, { connect: online, disconnect: offline });
    socket.io.on("reconnect_attempt", offline);
    if (socket.connected) online();
    return () => {
      stop();
      socket.io.off("reconnect_attempt", offline);
    };
  }, [socket]);
  return state;
}

/**
 * Emits with an ack. A lost answer (the connection dropped) is retried once reconnected, and a
 * server whose database is restarting (service_unavailable) is asked again a moment later:
 * message:create carries a client id, so a retry never makes a second message.
 */
export async function send<T>(event: string, payload: unknown, attempts = 3): Promise<T> {
  const socket = realtime();
  for (let attempt = 1; ; attempt++) {
    try {
      return await request<T>(socket, event, payload, 8000);
    } catch (err) {
      const again = err instanceof AckError && (err.code === "timeout" || err.code === "service_unavailable");
      if (!again || attempt >= attempts) throw err;
      if (err.code === "service_unavailable")
        await new Promise((resolve) => setTimeout(resolve, 2000 * attempt));
      if (!socket.connected) await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    }
  }
}
