/** Why a job or a run failed: a code from its list and the parameters its words need, rendered by the reader's UI. */
export type CodedFailure<Code extends string> = { code: Code; params: Record<string, string | number> };
