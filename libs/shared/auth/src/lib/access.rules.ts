import type { Principal } from './principal';

/** Roles that read every cohort's data whole. */
export function readsEverything(principal: Principal): boolean {
  return principal.role === 'admin' || principal.role === 'compliance';
}

/** A facilitator or reviewer acts in the cohorts their token names, and only there. */
export function boundToCohort(principal: Principal, cohortId: unknown): boolean {
  return typeof cohortId === 'string' && principal.cohorts.includes(cohortId);
}

export function isLearner(principal: Principal, learnerId: unknown): boolean {
  return principal.role === 'learner' && principal.learnerId !== null && principal.learnerId === learnerId;
}

export interface ApplicationParties {
  readonly cohortId: string;
  readonly learnerId: string;
  readonly companyId: string | null;
  /** The learner agreed that their company sees them by name. */
  readonly shareWithCompany: boolean;
}

/**
 * Row rule for applications: admins and compliance all; facilitators and reviewers their
 * cohorts'; a partner its company's employees' who agreed to be seen by it (as its feed and
 * webhooks do); a learner their own. What they see of each is the field rules' business.
 */
export function mayReadApplication(principal: Principal, application: ApplicationParties): boolean {
  switch (principal.role) {
    case 'admin':
    case 'compliance':
      return true;
    case 'facilitator':
    case 'reviewer':
      return boundToCohort(principal, application.cohortId);
    case 'partner':
      return (
        principal.companyId !== null && application.companyId === principal.companyId && application.shareWithCompany
      );
    case 'learner':
      return isLearner(principal, application.learnerId);
    default:
      return false;
  }
}

/**
 * Field rule: the free text of a dossier (motivation, answers) is the learner's own words, for
 * those who select and teach; a partner company gets the facts of its employees' applications.
 */
export function mayReadDossierText(principal: Principal): boolean {
  return principal.role !== 'partner';
}

/** Field rule: a reviewer of a blind rubric never sees who applied nor their employer. */
export function hidesIdentity(principal: Principal, blindReview: boolean): boolean {
  return principal.role === 'reviewer' && blindReview;
}

/**
 * Field rule: a cohort's seats and waitlist (its dashboard, whole or summed up on a list) are for
 * those who run cohorts, as the `cohortDashboard` query's policy says: admins and compliance all,
 * a facilitator their own cohorts'.
 */
export function mayReadDashboard(principal: Principal, cohortId: string): boolean {
  return readsEverything(principal) || (principal.role === 'facilitator' && boundToCohort(principal, cohortId));
}
