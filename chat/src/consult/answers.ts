import { withFirst } from "../service/bind.js";
import { createAnswerContext, type AnswerBankDeps } from "./answer-context.js";
import * as drafts from "./answer-drafts.js";
import * as reads from "./answer-reads.js";
export { richText, AnswerInput, AnswerReturn, ConsentInput } from "./answer-inputs.js";
export type { AnswerDraft, PublishedAnswer } from "./wire.js";
export type { AnswerBankDeps };

/** The answer bank of eKonsultaatio: drafts by the expert, approval by the panel lead, publication. */
export function createAnswerBank(deps: AnswerBankDeps) {
  const ctx = createAnswerContext(deps);
  return { ...withFirst(ctx, drafts), ...withFirst(ctx, reads) };
}
