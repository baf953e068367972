export * from './lib/enums';
export * from './lib/application.type';
export * from './lib/payloads.type';
export * from './lib/submit-application.input';
export * from './lib/record-attendance.input';
export * from './lib/enrollment.reader';
export * from './lib/enrollment-api.module';
