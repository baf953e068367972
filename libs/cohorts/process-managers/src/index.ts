export * from './lib/cohort.reaction';
export * from './lib/cohort.reactions';
export * from './lib/window-closing.reactions';
