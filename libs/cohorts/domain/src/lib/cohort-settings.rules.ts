import { FieldProblems, isIntegerBetween, isWellFormedId } from '@sooc/event-sourcing';
import { SETTINGS_LIMITS, type CohortSettings } from './cohort-settings';

const L = SETTINGS_LIMITS;

type SettingKey = keyof CohortSettings;

/** The order of CohortSettings' fields: problems are reported in it. */
const SETTING_KEYS: readonly SettingKey[] = [
  'facilitators',
  'offerTtlHours',
  'targetGroupSize',
  'waitlistOrder',
  'sessions',
  'completionThreshold',
];

function validFacilitators(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length <= L.facilitatorsMax &&
    value.every((id) => isWellFormedId(id)) &&
    new Set(value).size === value.length
  );
}

const RULES: Record<
  SettingKey,
  { readonly ok: (value: unknown) => boolean; readonly code: string; readonly message: string }
> = {
  facilitators: {
    ok: validFacilitators,
    code: 'COHORT.FACILITATORS_INVALID',
    message: `facilitators must be at most ${L.facilitatorsMax} distinct ids, without surrounding blanks`,
  },
  offerTtlHours: {
    ok: (v) => isIntegerBetween(v, L.offerTtlHoursMin, L.offerTtlHoursMax),
    code: 'COHORT.OFFER_TTL_OUT_OF_BOUNDS',
    message: `offerTtlHours must be a whole number from ${L.offerTtlHoursMin} to ${L.offerTtlHoursMax}`,
  },
  targetGroupSize: {
    ok: (v) => isIntegerBetween(v, L.groupSizeMin, L.groupSizeMax),
    code: 'COHORT.GROUP_SIZE_OUT_OF_BOUNDS',
    message: `targetGroupSize must be a whole number from ${L.groupSizeMin} to ${L.groupSizeMax}`,
  },
  waitlistOrder: {
    ok: (v) => v === 'arrival' || v === 'score',
    code: 'COHORT.WAITLIST_ORDER_INVALID',
    message: 'waitlistOrder must be "arrival" or "score"',
  },
  sessions: {
    ok: (v) => isIntegerBetween(v, L.sessionsMin, L.sessionsMax),
    code: 'COHORT.SESSIONS_OUT_OF_BOUNDS',
    message: `sessions must be a whole number from ${L.sessionsMin} to ${L.sessionsMax}`,
  },
  completionThreshold: {
    ok: (v) => typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 1,
    code: 'COHORT.COMPLETION_THRESHOLD_INVALID',
    message: 'completionThreshold must be a share above 0 and at most 1',
  },
};

/**
 * Applies the given settings over the current ones and checks the result. A key left out or
 * `undefined` keeps its value; anything else (null included) must be a valid value, and an
 * unknown key is refused rather than silently dropped, so a typo never passes for a change.
 */
export function mergeCohortSettings(current: CohortSettings, changes: unknown): CohortSettings {
  const problems = new FieldProblems();
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    problems.add('changes', 'COHORT.SETTINGS_INVALID', 'changes must be an object of settings');
    problems.throwIfAny('The cohort cannot be configured');
  }
  const given = Object.fromEntries(Object.entries(changes as object).filter(([, value]) => value !== undefined));
  for (const key of SETTING_KEYS) {
    if (!(key in given)) continue;
    const rule = RULES[key];
    problems.require(rule.ok(given[key]), `changes.${key}`, rule.code, rule.message);
  }
  for (const key of Object.keys(given).filter((k) => !(SETTING_KEYS as readonly string[]).includes(k))) {
    problems.add(`changes.${key}`, 'COHORT.SETTINGS_INVALID', `${key} is not a cohort setting`);
  }
  problems.throwIfAny('The cohort cannot be configured');
  const merged = { ...current, ...(given as Partial<CohortSettings>) };
  return { ...merged, facilitators: [...merged.facilitators] };
}
