import * as access from "./access.js";
import * as present from "./present.js";
import * as writes from "./writes.js";
import { withFirst } from "./bind.js";
import { createChatStore } from "./store.js";
import type { ChatServiceOptions } from "./types.js";

export type ChatContext = ReturnType<typeof createChatContext>;

/** The store with the rules and presenters bound to it: what every part of the service is given. */
export function createChatContext(options: ChatServiceOptions) {
  const store = createChatStore(options);
  return { ...store, ...withFirst(store, access), ...withFirst(store, present), ...withFirst(store, writes) };
}
