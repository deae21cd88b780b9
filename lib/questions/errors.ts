import { PublicError } from "@/lib/public-error";

/** An answer the question cannot have (422): a tampered or stale form, never a wrong answer. */
export class QuestionError extends PublicError<"invalid_answer"> {}
