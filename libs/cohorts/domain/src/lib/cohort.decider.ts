import type { Decider } from '@sooc/event-sourcing';
import { changeCapacity, setCompanyQuota } from './cohort-capacity.decide';
import { formCohortGroups } from './cohort-groups.decide';
import { cancelCohort, completeCohort, startCohort } from './cohort-lifecycle.decide';
import { closeApplications, openApplications, planCohort } from './cohort-plan.decide';
import { admitApplicant, confirmSeat, releaseSeat, waitlistApplicant } from './cohort-seats.decide';
import { configureCohort } from './cohort-settings.decide';
import type { CohortCommand } from './cohort.commands';
import type { CohortEvent } from './cohort.events';
import { evolveCohort } from './cohort.evolve';
import type { CohortState } from './cohort.state';

export { evolveCohort } from './cohort.evolve';

export function decideCohort(command: CohortCommand, state: CohortState): readonly CohortEvent[] {
  switch (command.type) {
    case 'PlanCohort':
      return planCohort(command, state);
    case 'OpenApplications':
      return openApplications(command, state);
    case 'CloseApplications':
      return closeApplications(command, state);
    case 'ConfigureCohort':
      return configureCohort(command, state);
    case 'SetCompanyQuota':
      return setCompanyQuota(command, state);
    case 'ChangeCapacity':
      return changeCapacity(command, state);
    case 'AdmitApplicant':
      return admitApplicant(command, state);
    case 'WaitlistApplicant':
      return waitlistApplicant(command, state);
    case 'ReleaseSeat':
      return releaseSeat(command, state);
    case 'ConfirmSeat':
      return confirmSeat(command, state);
    case 'StartCohort':
      return startCohort(command, state);
    case 'CompleteCohort':
      return completeCohort(command, state);
    case 'CancelCohort':
      return cancelCohort(command, state);
    case 'FormGroups':
      return formCohortGroups(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`Unknown cohort command ${JSON.stringify(unknown)}`);
    }
  }
}

export const cohortDecider: Decider<CohortCommand, CohortEvent, CohortState> = {
  decide: decideCohort,
  evolve: evolveCohort,
  initialState: () => ({ status: 'none' }),
};
