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

/**
 * ApplicationSubmitted v2 → v3: version 3 added the learner's consent to be named to their
 * company (`shareWithCompany`). Nobody gave it before it could be asked: false.
 */
const applicationSubmittedV2: Upcaster = {
  type: 'ApplicationSubmitted',
  fromVersion: 2,
  up(data) {
    const v2 = data as { readonly dossier: Readonly<Record<string, unknown>> };
    return { ...v2, dossier: { ...v2.dossier, shareWithCompany: false } };
  },
};

/**
 * ApplicationWithdrawn and OfferDeclined v1 → v2: version 2 stores the learner's reason sealed
 * with their key (the store does that, ENROLLMENT_PERSONAL_DATA); the shape is unchanged. The
 * version says which stored events still hold a reason in clear, so the store seals those.
 */
const reasonSealedFromV2 = (type: string): Upcaster => ({ type, fromVersion: 1, up: (data) => data });

export const ENROLLMENT_UPCASTERS: readonly Upcaster[] = [
  applicationSubmittedV1,
  applicationSubmittedV2,
  reasonSealedFromV2('ApplicationWithdrawn'),
  reasonSealedFromV2('OfferDeclined'),
];
