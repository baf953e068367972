import { globalIdOf } from '@sooc/graphql';
import type { CohortDashboardView, GroupsView } from '@sooc/cohorts-read-models';
import type { CohortDashboard, DashboardSettings } from './cohort-dashboard.type';
import type { CohortGroups } from './cohort-groups.type';
import type { ApplicationStatus, DashboardWaitlistOrder, LearnerLevel } from './enums';

/** A cohort's settings as the API shows them, from the read model's view or the decider's state alike. */
export function toDashboardSettings(settings: CohortDashboardView['settings']): DashboardSettings {
  return {
    facilitators: [...settings.facilitators],
    offerTtlHours: settings.offerTtlHours,
    targetGroupSize: settings.targetGroupSize,
    waitlistOrder: settings.waitlistOrder as DashboardWaitlistOrder,
    sessions: settings.sessions,
    completionThreshold: settings.completionThreshold,
  };
}

export function toCohortDashboard(view: CohortDashboardView): CohortDashboard {
  const { settings } = view;
  return {
    id: globalIdOf('CohortDashboard', view.cohortId),
    cohortId: view.cohortId,
    title: view.title,
    capacity: view.capacity,
    reserved: view.reserved,
    confirmed: view.confirmed,
    free: view.free,
    fillRate: view.fillRate,
    waitlistLength: view.waitlistLength,
    waitlist: view.waitlist.map((entry) => ({ ...entry })),
    applicationsByStatus: view.applicationsByStatus.map(({ status, count }) => ({
      status: status as ApplicationStatus,
      count,
    })),
    companies: view.companies.map((company) => ({ ...company })),
    settings: toDashboardSettings(settings),
    updatedAt: view.updatedAt,
  };
}

export function toCohortGroups(view: GroupsView): CohortGroups {
  return {
    id: globalIdOf('CohortGroups', view.cohortId),
    cohortId: view.cohortId,
    formation: view.formation,
    targetSize: view.targetSize,
    seed: view.seed,
    formedAt: view.formedAt,
    groups: view.groups.map((group) => ({
      groupId: group.groupId,
      members: group.members.map((m) => ({
        enrollmentId: m.enrollmentId,
        learnerId: m.learnerId,
        companyId: m.companyId,
        level: m.level as LearnerLevel,
      })),
    })),
  };
}
