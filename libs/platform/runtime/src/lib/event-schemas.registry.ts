import { ENROLLMENT_PERSONAL_DATA, ENROLLMENT_UPCASTERS } from '@sooc/enrollment-domain/published';
import { UpcasterRegistry, type PersonalDataDeclaration } from '@sooc/event-sourcing';
import { PARTNER_SECRET_DATA, PARTNER_UPCASTERS } from '@sooc/partners-domain/published';

/** Every context's upcasters: the store lifts old events through them on every read path. */
export const UPCASTERS = new UpcasterRegistry([...ENROLLMENT_UPCASTERS, ...PARTNER_UPCASTERS]);

/** Every context's personal fields and secrets: the store seals them with their subject's key. */
export const PERSONAL_DATA: readonly PersonalDataDeclaration[] = [...ENROLLMENT_PERSONAL_DATA, ...PARTNER_SECRET_DATA];
