import type { Upcaster } from '@sooc/event-sourcing';

/**
 * ApplicationSubmitted v1 → v2: version 2 added the learner's name and e-mail to the dossier (and
 * sealed the dossier's personal fields with the learner's key, which the store does, not this).
 * A v1 application had neither: both read as null.
 */
const applicationSubmittedV1: Upcaster = {
  type: 'ApplicationSubmitted',
  fromVersion: 1,
  up(data) {
    const v1 = data as { readonly dossier: Readonly<Record<string, unknown>> };
    return { ...v1, dossier: { name: null, email: null, ...v1.dossier } };
  },
};

export const ENROLLMENT_UPCASTERS: readonly Upcaster[] = [applicationSubmittedV1];
