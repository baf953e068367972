import { UpcasterRegistry, type RecordedEvent } from '@sooc/event-sourcing';
import { ENROLLMENT_UPCASTERS } from './enrollment.upcasters';

const registry = new UpcasterRegistry(ENROLLMENT_UPCASTERS);

function stored(schemaVersion: number, dossier: Record<string, unknown>): RecordedEvent {
  return {
    id: 'e-1',
    type: 'ApplicationSubmitted',
    data: { enrollmentId: 'c-ada', cohortId: 'c', learnerId: 'ada', dossier },
    metadata: {
      occurredAt: '2026-03-01T00:00:00Z',
      actor: { id: 'ada', role: 'learner' },
      correlationId: 'x',
      causationId: null,
      schemaVersion,
    },
    streamId: 'enrollment-c-ada',
    revision: 0n,
    position: 1n,
    recordedAt: '2026-03-01T00:00:00Z',
  };
}

describe('ApplicationSubmitted upcasters', () => {
  it('writes new applications at version 3', () => {
    expect(registry.currentVersion('ApplicationSubmitted')).toBe(3);
  });

  it('lifts a v1 dossier (no name, no e-mail, no consent) to v3', () => {
    const lifted = registry.upcast(stored(1, { motivation: 'Peers', companyId: 'acme' }));
    expect(lifted.metadata.schemaVersion).toBe(3);
    expect((lifted.data as { dossier: unknown }).dossier).toEqual({
      name: null,
      email: null,
      motivation: 'Peers',
      companyId: 'acme',
      shareWithCompany: false,
    });
  });

  it('lifts a v2 dossier to v3 keeping its sealed fields as they are, and leaves a v3 one alone', () => {
    const v2 = stored(2, { name: 'pd1:abc:xyz', email: null, motivation: 'pd1:abc:uvw', companyId: null });
    expect((registry.upcast(v2).data as { dossier: unknown }).dossier).toEqual({
      ...(v2.data as { dossier: object }).dossier,
      shareWithCompany: false,
    });
    const v3 = stored(3, { shareWithCompany: true });
    expect(registry.upcast(v3)).toBe(v3);
  });
});
