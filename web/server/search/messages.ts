import type { PresentedMessage } from "@soskes/chat";
import type { SearchDocument } from "@soskes/search";
import { paths } from "@soskes/domain/paths";

export const MESSAGE_SOURCE = "messages";

/** A group message as a search document: findable only by the group's current members. */
export function messageDocument(
  message: PresentedMessage,
  group: { id: number; name: string },
): SearchDocument {
  return {
    key: `message:${message.id}`,
    source: MESSAGE_SOURCE,
    type: "message",
    id: String(message.id),
    audience: `group:${group.id}`,
    title: group.name,
    keywords: [message.author.name],
    text: message.body ?? "",
    url: `${paths.group(group.id)}#viesti-${message.seq}`,
    municipalityCodes: [],
    serviceAreas: [],
    statute: null,
    section: null,
  };
}
