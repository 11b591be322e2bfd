import { io, type Socket } from "socket.io-client";

let shared: Socket | null = null;

/**
 * The one realtime connection of this browser tab, on the portal's own origin with the session
 * cookie. It reconnects by itself; feeds catch up on every reconnect.
 */
export function realtime(): Socket {
  shared ??= io({ path: "/socket.io", transports: ["websocket", "polling"], withCredentials: true });
  // Refused earlier (logged out, session ended): try again with the current session.
  if (!shared.connected && !shared.active) shared.connect();
  return shared;
}

/** Ends the connection (logout). */
export function closeRealtime(): void {
  shared?.disconnect();
  shared = null;
}

/**
 * Listens to several events at once; returns the function that stops listening (an effect's
 * cleanup).
 */
export function subscribe(socket: Socket, handlers: Record<string, (payload: never) => void>): () => void {
  const entries = Object.entries(handlers) as Array<[string, (...args: unknown[]) => void]>;
  for (const [event, handler] of entries) socket.on(event, handler);
  return () => {
    for (const [event, handler] of entries) socket.off(event, handler);
  };
}
