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
} from "./events/log.js";
export { createEventRunner, type EventRunner, type Processor, type RunnerOptions } from "./events/runner.js";
export {
  consultationStream,
  groupStream,
  noticeStream,
  type DomainEvent,
  type EventMap,
  type EventType,
  type NewEvent,
} from "./events/types.js";
export { tryLease } from "./leases.js";
export type { LeasesTable } from "./events/schema.js";
