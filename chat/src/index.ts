export { chatErrors } from "./errors.js";
export { prepareQuery } from "./prepared.js";
export { chatMigration, threadsMigration, type ChatDatabase, type NotifyMode } from "./schema.js";
export * as protocol from "./protocol.js";
export { REACTIONS, MAX_BODY } from "./protocol.js";
export { canCreateGroup, isStaff, type Actor } from "./policy.js";
export {
  createChatService,
  finnishDay,
  type ModerationEntry,
  type ChatMail,
  type ChatService,
  type Fanout,
  type PresentedGroup,
  type PresentedMember,
  type PresentedMessage,
} from "./service.js";
export { attachGateway, type Gateway, type GatewayOptions } from "./gateway.js";
export {
  consultMigration,
  consultStatesMigration,
  consultDeadlinesMigration,
  consultAnswersMigration,
  type AnswerStatus,
  type ConsultDatabase,
  type Urgency,
} from "./consult/schema.js";
export {
  auditCsv,
  ConsultationCreate,
  createConsultService,
  DEFAULT_TARGETS,
  PanelCreate,
  PanelMember,
  type ConsultActor,
  type ConsultService,
  type Targets,
} from "./consult/service.js";
export { anonymisationFlags, type AnonymisationFlag } from "./consult/anonymise.js";
export { consultEffects, type ConsultEffects } from "./consult/effects.js";
export {
  createCitationFinder,
  MAX_RICH_TEXT,
  normaliseRichText,
  parseRichText,
  plainText,
  type RichBlock,
  type StatuteName,
} from "./richtext.js";
export {
  AnswerInput,
  AnswerReturn,
  ConsentInput,
  type AnswerDraft,
  type PublishedAnswer,
} from "./consult/answers.js";
export { percentile, reportCsv, type ConsultReport, type ReportRow } from "./consult/report.js";
export { consultErrors } from "./consult/errors.js";
