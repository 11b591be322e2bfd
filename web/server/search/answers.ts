import { plainText, type ConsultService, type PublishedAnswer } from "@soskes/chat";
import type { SearchDocument, SearchService } from "@soskes/search";
import { paths } from "@soskes/domain/paths";

export const ANSWER_SOURCE = "answers";

/**
 * A published answer-bank entry as a search document: every member may find it. The text is
 * only what the expert wrote and the panel lead approved; a passed review date ranks it lower.
 */
export function answerDocument(answer: PublishedAnswer): SearchDocument {
  const first = answer.sections[0];
  return {
    key: `answer:${answer.id}`,
    source: ANSWER_SOURCE,
    type: "answer",
    id: String(answer.id),
    audience: "members",
    title: answer.title,
    keywords: [answer.panel.name, ...answer.sections.map((s) => `${s.statute} ${s.section} §`)],
    text: `${plainText(answer.question)}\n${plainText(answer.answer)}`,
    url: paths.answer(answer.id),
    municipalityCodes: [],
    serviceAreas: [answer.serviceArea],
    statute: first?.statute ?? null,
    section: first?.section ?? null,
    weight: answer.reviewDue ? 0.8 : 1,
  };
}

/** Makes the index's answers equal to the published answer bank (start, `npm run reindex`). */
export async function reindexAnswers(
  services: { consult: Pick<ConsultService, "allAnswers">; search: SearchService },
  progress?: (done: number, total: number) => void,
  options: { force?: boolean } = {},
) {
  const docs = [];
  for await (const answer of services.consult.allAnswers()) docs.push(answerDocument(answer));
  return services.search.reconcile(ANSWER_SOURCE, docs, progress, options);
}
