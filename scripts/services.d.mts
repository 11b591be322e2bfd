// Types for scripts/services.mjs, for the TypeScript suites that start their own servers.
export type OwnServer = {
  url: string;
  port?: number;
  stop(): void | Promise<void>;
  start?(): void | Promise<void>;
  restart?(): void | Promise<void>;
};
export function freePort(): Promise<number>;
export function waitForPort(port: number, timeoutMs?: number): Promise<boolean>;
export function canStartPostgres(): boolean;
export function redisUrl(options?: { own?: boolean }): Promise<OwnServer | undefined>;
export function postgres(prefix?: string, options?: { own?: boolean }): Promise<OwnServer | undefined>;
