export * from './lib/cohort.reaction';
export * from './lib/cohort.reactions';
