/**
 * The e2e suite's GraphQL documents and fixtures, reused so this project talks to the gateways
 * exactly as the in-process e2e specs do. They live in another test project, hence the
 * relative imports (allowed like test/e2e-esdb's import of the e2e harness).
 */
import type { GatewayClient } from './gateway.client';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { Harness } from '../e2e/gateway.harness';

// eslint-disable-next-line @nx/enforce-module-boundaries
export { SUBMIT, submission } from '../e2e/admission.support';
// eslint-disable-next-line @nx/enforce-module-boundaries
export {
  ADMIN,
  APPLICATION,
  APPLICATIONS,
  DASHBOARD,
  WITHDRAW,
  type Application,
  type Dashboard,
} from '../e2e/enrollment.fixture';
// eslint-disable-next-line @nx/enforce-module-boundaries
export { COHORT, draftCourse, OPEN, planCohort } from '../e2e/cohorts.fixture';

/** The e2e fixtures take a Harness but only call its `gql`, which a client of a gateway process has. */
export const asHarness = (client: GatewayClient): Harness => ({ gql: client.gql }) as unknown as Harness;
