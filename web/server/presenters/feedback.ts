import type { Selectable } from "kysely";
import type { FeedbackTable } from "../db/schema.js";
export function presentFeedback(r: Selectable<FeedbackTable>, today: string) {
  return {
    id: r.id,
    topic: r.topic,
    message: r.message,
    page: r.page,
    signed: r.email !== null,
    name: r.name,
    email: r.email,
    createdAt: r.created_at,
    dueOn: r.due_on,
    /** Accessibility feedback past its 14-day reply deadline, still unanswered. */
    overdue: r.due_on !== null && r.answered_at === null && r.due_on < today,
    answer: r.answer,
    answeredAt: r.answered_at,
  };
}
