import type { PersonalDataDeclaration } from '@sooc/event-sourcing';

/** The learner's own words and contact: sealed with their key, erased with it. */
export const ENROLLMENT_PERSONAL_DATA: readonly PersonalDataDeclaration[] = [
  {
    type: 'ApplicationSubmitted',
    subject: 'learnerId',
    paths: ['dossier.name', 'dossier.email', 'dossier.motivation', 'dossier.answers'],
    // Version 1 held the motivation and answers in clear (enrollment.upcasters.ts).
    sealedSince: 2,
  },
];
