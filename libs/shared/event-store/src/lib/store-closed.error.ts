import { IllegalStateError } from '@sooc/event-sourcing';

export function storeClosed(): IllegalStateError {
  return new IllegalStateError('STORE.CLOSED', 'The event store is closed');
}
