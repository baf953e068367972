import { FieldProblems, isWellFormedId, trimmed } from '@sooc/event-sourcing';
import { LEARNER_LEVELS, type LearnerLevel } from '@sooc/cohorts-domain/published';
import { enrollmentIdOf } from './streams';
import type { Dossier, EnrollmentRef } from './enrollment.events';

export const ENROLLMENT_LIMITS = {
  motivationMax: 4000,
  answersMax: 50,
  answerMax: 4000,
  companyIdMax: 128,
  reasonMax: 500,
  nameMax: 200,
  /** RFC 5321's longest path. */
  emailMax: 254,
} as const;

/** Deliberately loose (one @, a dot in the domain, no blanks): the address is checked by writing to it. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The ref names the stream: its parts must be well formed and agree, or events land in the wrong place. */
export function checkEnrollmentRef(ref: EnrollmentRef): void {
  const problems = new FieldProblems();
  const cohortOk = problems.require(
    isWellFormedId(ref.cohortId),
    'cohortId',
    'ENROLLMENT.ID_INVALID',
    'cohortId is required, without surrounding blanks',
  );
  const learnerOk = problems.require(
    isWellFormedId(ref.learnerId),
    'learnerId',
    'ENROLLMENT.ID_INVALID',
    'learnerId is required, without surrounding blanks',
  );
  if (cohortOk && learnerOk) {
    const expected = enrollmentIdOf(ref.cohortId, ref.learnerId);
    problems.require(
      ref.enrollmentId === expected,
      'enrollmentId',
      'ENROLLMENT.ID_INVALID',
      `enrollmentId must be ${expected}`,
    );
  }
  problems.throwIfAny('The enrollment reference is invalid');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a dossier and returns it as the event carries it: motivation and stated prerequisites trimmed. */
export function normalizeDossier(input: unknown): Dossier {
  const dossier: Record<string, unknown> = isPlainObject(input) ? input : {};
  const problems = new FieldProblems();
  const bad = (ok: boolean, field: string, message: string) =>
    problems.require(ok, `dossier.${field}`, 'ENROLLMENT.DOSSIER_INVALID', message);
  const badText = (text: string | null, limits: { min?: number; max: number }, field: string, message: string) =>
    problems.requireText(`dossier.${field}`, text, limits, 'ENROLLMENT.DOSSIER_INVALID', message);

  const motivation = trimmed(dossier['motivation']) ?? '';
  badText(
    motivation,
    { min: 1, max: ENROLLMENT_LIMITS.motivationMax },
    'motivation',
    `motivation is required and at most ${ENROLLMENT_LIMITS.motivationMax} characters`,
  );
  const name = optionalText(dossier['name']);
  if (name !== null)
    badText(
      name,
      { min: 1, max: ENROLLMENT_LIMITS.nameMax },
      'name',
      `name must be text of at most ${ENROLLMENT_LIMITS.nameMax} characters`,
    );
  const email = optionalText(dossier['email']);
  if (email !== null)
    bad(
      email.length <= ENROLLMENT_LIMITS.emailMax && EMAIL.test(email),
      'email',
      `email must be an e-mail address (name@example.org) of at most ${ENROLLMENT_LIMITS.emailMax} characters`,
    );
  const level = dossier['level'];
  bad(
    (LEARNER_LEVELS as readonly unknown[]).includes(level),
    'level',
    `level must be one of ${LEARNER_LEVELS.join(', ')}`,
  );
  const companyId = dossier['companyId'] ?? null;
  bad(
    companyId === null || isWellFormedId(companyId, ENROLLMENT_LIMITS.companyIdMax),
    'companyId',
    `companyId must be null or an id of at most ${ENROLLMENT_LIMITS.companyIdMax} characters without surrounding blanks`,
  );

  const shareWithCompany = dossier['shareWithCompany'] ?? false;
  if (bad(typeof shareWithCompany === 'boolean', 'shareWithCompany', 'shareWithCompany must be true or false'))
    bad(
      !shareWithCompany || companyId !== null,
      'shareWithCompany',
      'shareWithCompany needs a companyId: an independent learner has no company to share with',
    );

  const answers = dossier['answers'] ?? {};
  if (bad(isPlainObject(answers), 'answers', 'answers must map question ids to text') && isPlainObject(answers)) {
    const entries = Object.entries(answers);
    bad(entries.length <= ENROLLMENT_LIMITS.answersMax, 'answers', `at most ${ENROLLMENT_LIMITS.answersMax} answers`);
    for (const [question, answer] of entries) {
      badText(
        typeof answer === 'string' ? answer : null,
        { max: ENROLLMENT_LIMITS.answerMax },
        `answers.${question}`,
        `the answer to ${question} must be text of at most ${ENROLLMENT_LIMITS.answerMax} characters`,
      );
    }
  }

  const met = dossier['prerequisitesMet'] ?? [];
  if (bad(Array.isArray(met), 'prerequisitesMet', 'prerequisitesMet must be a list') && Array.isArray(met)) {
    met.forEach((p: unknown, i) =>
      badText(
        typeof p === 'string' ? p : null,
        { max: Infinity },
        `prerequisitesMet[${i}]`,
        'each prerequisite met must be text',
      ),
    );
  }

  problems.throwIfAny('The dossier is invalid');
  return {
    name,
    email,
    motivation,
    level: level as LearnerLevel,
    companyId: companyId as string | null,
    shareWithCompany: shareWithCompany === true,
    answers: answers as Record<string, string>,
    prerequisitesMet: (met as string[]).map((p) => p.trim()),
  };
}

/**
 * Absent, null or blank is no value. Anything else is checked as text: a value that is not a
 * string becomes an empty one, which the length check refuses.
 */
function optionalText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return '';
  const text = value.trim();
  return text === '' ? null : text;
}

/** The course's prerequisites the learner does not state, in the course's wording; matching ignores case and blanks. */
export function unmetPrerequisites(required: readonly string[], met: readonly string[]): string[] {
  const key = (p: string) => p.trim().toLowerCase();
  const stated = new Set(met.map(key));
  return required.filter((p) => !stated.has(key(p)));
}

/** Optional free-text reasons: blank means none; longer than the limit is refused. */
export function normalizeReason(reason: unknown, field = 'reason'): string | null {
  const text = trimmed(reason);
  const problems = new FieldProblems();
  problems.requireText(
    field,
    reason === null || reason === undefined ? '' : text,
    { max: ENROLLMENT_LIMITS.reasonMax },
    'ENROLLMENT.REASON_INVALID',
    `${field} must be text of at most ${ENROLLMENT_LIMITS.reasonMax} characters`,
  );
  problems.throwIfAny('The reason is invalid');
  return text ? text : null;
}
