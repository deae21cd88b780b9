/** The quiz lengths a person can choose. No Zod here: forms render them before their validator loads. */
export const QUIZ_LENGTHS = [5, 10, 20] as const;
