/** Lists are capped here only against absurd payloads; the domain enforces the real limits. */
export const LIST_CAP = 100;
