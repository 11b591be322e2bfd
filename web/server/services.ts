import type { Config } from "@soskes/config";
import type { Dialect, EventRunner } from "@soskes/domain";
import type { RedisClientType } from "redis";
import type { SearchService } from "@soskes/search";
import type { ChatService, ConsultService } from "@soskes/chat";
import type { Passport } from "passport";
import type { Logger } from "pino";
import type { csrfProtection } from "./auth/csrf.js";
import type { SessionStore } from "./auth/session-store.js";
import type { ActionLimiter, LoginThrottle } from "./auth/throttle.js";
import type { UsageRecorder } from "./usage/recorder.js";
import type { ContentService } from "./content/content-service.js";
import type { Db } from "./db/database.js";
import type { MailWorker } from "./mail/outbox.js";

/** What every route, job and processor is given: built once, in compose.ts. */
export type Services = {
  config: Config;
  db: Db;
  dialect: Dialect;
  logger: Logger;
  /** This node's name in the event log (stable for its data directory). */
  nodeId: string;
  /** The processors of this node over the durable event log. */
  events: EventRunner;
  /** Shared with the session store and the event wake-ups, when REDIS_URL is set. */
  redis?: RedisClientType;
  sessions: SessionStore;
  sessionCookieName: string;
  loginThrottle: LoginThrottle;
  actionLimiter: ActionLimiter;
  mail: MailWorker;
  /** Single sign-on is configured and its provider answered at start. */
  oidc: boolean;
  /** This app's own authenticator: passport's default export is shared by the whole process. */
  passport: InstanceType<typeof Passport>;
  csrf: ReturnType<typeof csrfProtection>;
  content: ContentService;
  search: SearchService;
  chat: ChatService;
  consult: ConsultService;
  usage: UsageRecorder;
  /** This node's realtime connections (none until Socket.IO is attached). */
  realtime: Realtime;
};

type Connections = {
  disconnectUser(userId: number): void;
  disconnectSessions(userId: number, sessionIds: string[]): void;
};

/** Ends sockets: those of a user, or those opened with given sessions, on every node. */
export type Realtime = Connections & { attach(gateway: Connections): void };

/** Sockets of a node that has none yet; the gateway attaches itself once it is listening. */
export function createRealtimeRegistry(): Realtime {
  let gateway: Connections | undefined;
  return {
    attach(next) {
      gateway = next;
    },
    disconnectUser: (userId) => gateway?.disconnectUser(userId),
    disconnectSessions: (userId, sessionIds) => gateway?.disconnectSessions(userId, sessionIds),
  };
}
