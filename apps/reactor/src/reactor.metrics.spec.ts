import { Registry } from 'prom-client';
import { reactorMetrics } from './reactor.metrics';

const samples = async (registry: Registry) =>
  (await registry.metrics()).split('\n').filter((line) => line.startsWith('sooc_reactor_'));

describe('reactorMetrics', () => {
  it('exports every command outcome, and the checkpoint, at 0 before the reactor reports anything', async () => {
    const registry = new Registry();
    reactorMetrics(registry);
    expect(await samples(registry)).toEqual([
      'sooc_reactor_commands_total{outcome="written"} 0',
      'sooc_reactor_commands_total{outcome="unchanged"} 0',
      'sooc_reactor_commands_total{outcome="refused"} 0',
      'sooc_reactor_checkpoint 0',
    ]);
  });

  it('counts the outcomes the reactor reports and gauges its last checkpoint', async () => {
    const registry = new Registry();
    const observer = reactorMetrics(registry);
    observer.onOutcome?.('written', 3);
    observer.onOutcome?.('unchanged', 2);
    observer.onOutcome?.('written', 1);
    observer.onOutcome?.('refused', 1);
    observer.onCheckpoint?.(41n);
    observer.onCheckpoint?.(97n);
    expect(await samples(registry)).toEqual([
      'sooc_reactor_commands_total{outcome="written"} 4',
      'sooc_reactor_commands_total{outcome="unchanged"} 2',
      'sooc_reactor_commands_total{outcome="refused"} 1',
      'sooc_reactor_checkpoint 97',
    ]);
  });
});
