export * from './lib/enrollment.events';
export * from './lib/enrollment.commands';
export * from './lib/enrollment.state';
export * from './lib/streams';
export * from './lib/enrollment.decider';
export * from './lib/enrollment.evolve';
export { ENROLLMENT_LIMITS, checkEnrollmentRef, normalizeDossier, unmetPrerequisites } from './lib/dossier.rules';
export { attendedSessions, requiredSessions } from './lib/attendance.decisions';
export * from './lib/application-snapshot.query';
