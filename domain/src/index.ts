export {
  eventsMigration,
  type EventsDatabase,
  type DomainEventsTable,
  type EventProcessorsTable,
} from "./events/schema.js";
export {
  appendEvents,
  headPosition,
  onEventsCommitted,
  readEvents,
  withEvents,
  type Dialect,
  type EventRef,
} from "./events/log.js";
export { createEventRunner, type EventRunner, type Processor, type RunnerOptions } from "./events/runner.js";
export {
  consultationStream,
  CONTENT_STREAM,
  groupStream,
  noticeStream,
  type ConsultationChange,
  type MemberChange,
  type DomainEvent,
  type EventMap,
  type EventType,
  type NewEvent,
} from "./events/types.js";
export { tryLease } from "./leases.js";
export type { LeasesTable } from "./events/schema.js";
export { writeAudit, type AuditEntry, type AuditLogTable } from "./audit.js";
export { toCsv } from "./csv.js";
export {
  addDays,
  addWorkingDays,
  easterSunday,
  endOfFinnishDay,
  finnishDate,
  holidays,
  isWorkingDay,
  workingDaysBetween,
} from "./dates.js";
export {
  HETU_MESSAGE,
  containsHetu,
  containsHetuDeep,
  findHetu,
  findHetuDeep,
  isValidHetu,
  readerText,
  type HetuMatch,
} from "./hetu.js";
export { AppError, commonErrors, isUnavailable, type Lang, type Messages } from "./errors.js";
export { paths } from "./paths.js";
