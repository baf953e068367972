import type { Projection, RecordedEvent } from '@sooc/event-sourcing';
import type { PartnerEvent } from '@sooc/partners-domain/published';
import type { PartnerRow } from './partners.read-model';

type Handled = Extract<PartnerEvent, { type: 'PartnerRegistered' | 'PartnerSuspended' | 'PartnerResumed' }>;

export function applyPartnerEvent(row: PartnerRow | null, event: RecordedEvent<Handled>): PartnerRow | null {
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'PartnerRegistered':
      return {
        partner_id: event.data.partnerId,
        company_id: event.data.companyId,
        name: event.data.name,
        contact: event.data.contact,
        status: 'active',
        status_reason: null,
        registered_at: at,
        updated_at: at,
      };
    case 'PartnerSuspended':
      return row && { ...row, status: 'suspended', status_reason: event.data.reason, updated_at: at };
    case 'PartnerResumed':
      return row && { ...row, status: 'active', status_reason: null, updated_at: at };
  }
}

/** Each partner and the company it speaks for: the key every scoping goes through. */
export const partnerProjection: Projection<PartnerRow, Handled> = {
  name: 'partners.partners',
  table: 'partners',
  keyColumn: 'partner_id',
  handles: ['PartnerRegistered', 'PartnerSuspended', 'PartnerResumed'],
  keyOf: (event) => event.data.partnerId,
  apply: applyPartnerEvent,
};
