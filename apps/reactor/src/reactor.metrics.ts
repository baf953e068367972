import { COMMAND_OUTCOMES, type ReactorObserver } from '@sooc/reactor-engine';
import { Counter, Gauge, type Registry } from 'prom-client';

/**
 * The reactor's own series, fed by the engine's observer: `sooc_reactor_commands_total{outcome}`
 * (written | unchanged | refused) and `sooc_reactor_checkpoint` (the last position saved by this
 * instance's reactor). Every outcome is exported from the start at 0, so a rate over it exists
 * before the first refusal.
 */
export function reactorMetrics(registry: Registry): ReactorObserver {
  const commands = new Counter({
    name: 'sooc_reactor_commands_total',
    help: 'Commands the reactor sent, by what became of them: written (events appended), unchanged (nothing to do: a repeat), refused (by the aggregate)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  for (const outcome of COMMAND_OUTCOMES) commands.inc({ outcome }, 0);
  const checkpoint = new Gauge({
    name: 'sooc_reactor_checkpoint',
    help: 'Position of the last event whose reactions were all sent, as saved by this instance',
    registers: [registry],
  });
  return {
    onOutcome: (outcome, count) => commands.inc({ outcome }, count),
    // A gauge is a double: positions stay exact up to 2^53, far beyond any store here.
    onCheckpoint: (position) => checkpoint.set(Number(position)),
  };
}
