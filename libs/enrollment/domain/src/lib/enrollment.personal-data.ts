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
  // Why the learner withdrew or declined, in their own words (null when they gave none).
  { type: 'ApplicationWithdrawn', subject: 'learnerId', paths: ['reason'], sealedSince: 2 },
  { type: 'OfferDeclined', subject: 'learnerId', paths: ['reason'], sealedSince: 2 },
];
