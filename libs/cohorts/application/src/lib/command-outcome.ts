// Shared by every context's handlers; re-exported here for the cohorts API's existing imports.
export { outcomeOf, type CommandOutcome } from '@sooc/nest';
