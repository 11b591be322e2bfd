export { containsHetu, findHetu, isValidHetu, HETU_MESSAGE, type HetuMatch } from "./hetu.js";
export { ChatError, chatErrors, type Lang } from "./errors.js";
export { chatMigration, type ChatDatabase, type NotifyMode } from "./schema.js";
export * as protocol from "./protocol.js";
export { REACTIONS, MAX_BODY } from "./protocol.js";
export { canCreateGroup, isStaff, type Actor } from "./policy.js";
export {
  createChatService,
  finnishDay,
  type ChatHooks,
  type ChatMail,
  type ChatService,
  type Fanout,
  type PresentedGroup,
  type PresentedMember,
  type PresentedMessage,
} from "./service.js";
export { attachGateway, type Gateway, type GatewayOptions } from "./gateway.js";
