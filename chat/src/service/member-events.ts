import { groupStream, type EventMap, type EventRef, type NewEvent } from "@soskes/domain";

/** Records a membership change on its group's stream (in the caller's transaction). */
export function recordMemberChange(
  record: (event: NewEvent) => EventRef,
  payload: EventMap["member.changed"],
): EventRef {
  return record({ type: "member.changed", stream: groupStream(payload.groupId), payload });
}
