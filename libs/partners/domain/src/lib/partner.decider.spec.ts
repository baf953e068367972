import { DeciderSpecification, type ValidationError } from '@sooc/event-sourcing';
import { PARTNER_ID, partnerRegistered, partnerSuspended } from '../testing/partner.fixture';
import type { RegisterPartner, ResumePartner, SuspendPartner } from './partner.commands';
import { partnerDecider } from './partner.decider';

const spec = DeciderSpecification(partnerDecider);

const register = (overrides: Partial<Record<keyof RegisterPartner['data'], unknown>> = {}) => ({
  type: 'RegisterPartner' as const,
  data: {
    partnerId: PARTNER_ID,
    companyId: 'acme-corp',
    name: 'ACME Training',
    contact: 'hr@acme.example',
    ...overrides,
  } as RegisterPartner['data'],
});
const suspend = (reason: unknown = 'contract ended', partnerId = PARTNER_ID) => ({
  type: 'SuspendPartner' as const,
  data: { partnerId, reason } as SuspendPartner['data'],
});
const resume = (reason: unknown = 'contract renewed', partnerId = PARTNER_ID) => ({
  type: 'ResumePartner' as const,
  data: { partnerId, reason } as ResumePartner['data'],
});

describe('partner decider', () => {
  describe('when none', () => {
    it('registers the partner, its name and contact trimmed', () => {
      spec
        .given([])
        .when(register({ name: '  ACME Training ', contact: ' hr@acme.example ' }))
        .then([partnerRegistered()]);
    });

    it('refuses every bad field at once', () => {
      const error = spec
        .given([])
        .when(register({ partnerId: ' acme', companyId: '', name: 'A', contact: 'not an address' }))
        .thenThrows('PARTNER.ID_INVALID', 'validation') as ValidationError;
      expect(error.fields.map((f) => f.field)).toEqual(['partnerId', 'companyId', 'name', 'contact']);
      expect(error.details['problems']).toEqual([
        expect.objectContaining({ field: 'partnerId', code: 'PARTNER.ID_INVALID' }),
        expect.objectContaining({ field: 'companyId', code: 'PARTNER.COMPANY_ID_INVALID' }),
        expect.objectContaining({ field: 'name', code: 'PARTNER.NAME_INVALID' }),
        expect.objectContaining({ field: 'contact', code: 'PARTNER.CONTACT_INVALID' }),
      ]);
    });

    it.each([
      ['a name of 201 characters', { name: 'n'.repeat(201) }, 'PARTNER.NAME_INVALID'],
      ['a name that is not text', { name: 42 }, 'PARTNER.NAME_INVALID'],
      ['a contact of 255 characters', { contact: `${'x'.repeat(243)}@acme.example` }, 'PARTNER.CONTACT_INVALID'],
    ])('refuses %s', (_case, overrides, code) => {
      spec.given([]).when(register(overrides)).thenThrows(code, 'validation');
    });

    it('refuses to suspend, resume or change a partner that does not exist', () => {
      spec.given([]).when(suspend()).thenThrows('PARTNER.NOT_FOUND', 'not-found');
      spec.given([]).when(resume()).thenThrows('PARTNER.NOT_FOUND', 'not-found');
    });
  });

  describe('when active', () => {
    it('refuses a second registration, even with the same data', () => {
      spec.given([partnerRegistered()]).when(register()).thenThrows('PARTNER.ALREADY_REGISTERED', 'illegal-state');
      spec
        .given([partnerRegistered()])
        .when(register({ name: 'Other name' }))
        .thenThrows('PARTNER.ALREADY_REGISTERED', 'illegal-state');
    });

    it('suspends the partner with the reason, trimmed', () => {
      spec
        .given([partnerRegistered()])
        .when(suspend('  contract ended '))
        .then([partnerSuspended('contract ended')]);
    });

    it('refuses a suspension without a reason, or with one over 500 characters', () => {
      spec.given([partnerRegistered()]).when(suspend('  ')).thenThrows('PARTNER.REASON_INVALID', 'validation');
      spec
        .given([partnerRegistered()])
        .when(suspend('r'.repeat(501)))
        .thenThrows('PARTNER.REASON_INVALID', 'validation');
    });

    it('changes nothing when resumed', () => {
      spec.given([partnerRegistered()]).when(resume()).thenNothing();
    });
  });

  describe('when suspended', () => {
    const suspended = [partnerRegistered(), partnerSuspended()];

    it('resumes the partner', () => {
      spec
        .given(suspended)
        .when(resume())
        .then([{ type: 'PartnerResumed', data: { partnerId: PARTNER_ID, reason: 'contract renewed' } }]);
    });

    it('refuses a resumption without a reason', () => {
      spec.given(suspended).when(resume(null)).thenThrows('PARTNER.REASON_INVALID', 'validation');
    });

    it('changes nothing when suspended again', () => {
      spec.given(suspended).when(suspend('another reason')).thenNothing();
    });

    it('suspends again after a resumption', () => {
      spec
        .given([...suspended, { type: 'PartnerResumed', data: { partnerId: PARTNER_ID, reason: 'renewed' } }])
        .when(suspend('unpaid'))
        .then([partnerSuspended('unpaid')]);
    });
  });
});
