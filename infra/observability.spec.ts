import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const ROOT = resolve(__dirname, '..');
const HERE = join(__dirname, 'observability');

/** The `sooc_*` metric names the code registers (prom-client `name:` fields, a template's outcomes expanded). */
function exportedMetrics(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules' || entry === 'dist') continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.endsWith('.spec.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const [, name] of text.matchAll(/name: '(sooc_[a-z_]+)'/g)) names.add(name!);
        for (const [, outcomes, prefix] of text.matchAll(
          /for \(const outcome of \[([^\]]+)\] as const\)\s+new Gauge\(\{\s+name: `(sooc_[a-z_]+)\$\{outcome\}`/g,
        ))
          for (const [, o] of outcomes!.matchAll(/'([a-z]+)'/g)) names.add(`${prefix ?? ''}${o}`);
      }
    }
  };
  walk(join(ROOT, 'apps'));
  walk(join(ROOT, 'libs'));
  return names;
}

/** Every metric an expression names: sooc_* (histogram suffixes stripped) and Node's defaults. */
function metricsIn(expr: string): string[] {
  return [...expr.matchAll(/\b((?:sooc|process|nodejs)_[a-z_]+)/g)].map(([, m]) =>
    m!.replace(/_(bucket|count|sum)$/, ''),
  );
}

describe('infra/observability', () => {
  const exported = exportedMetrics();
  const rules = parse(readFileSync(join(HERE, 'prometheus.rules.yaml'), 'utf8')) as {
    groups: { name: string; rules: { alert: string; expr: string; labels?: Record<string, string> }[] }[];
  };
  const dashboard = JSON.parse(readFileSync(join(HERE, 'grafana.dashboard.json'), 'utf8')) as {
    panels: { title: string; targets: { expr: string }[] }[];
  };
  const known = (metric: string) => !metric.startsWith('sooc_') || exported.has(metric);

  it('finds the metrics the code registers (the scan itself works)', () => {
    for (const name of [
      'sooc_graphql_operations_total',
      'sooc_graphql_subscriptions_active',
      'sooc_projection_lag_positions',
      'sooc_worker_active',
      'sooc_webhook_messages_parked',
    ])
      expect(exported).toContain(name);
    expect(exported).not.toContain('sooc_nothing_like_this');
  });

  it('alerts on lag, errors, lease changes and store latency, naming only exported metrics', () => {
    const all = rules.groups.flatMap((g) => g.rules);
    expect(rules.groups.map((g) => g.name)).toEqual(
      expect.arrayContaining(['sooc-workers', 'sooc-lag', 'sooc-errors', 'sooc-store-latency']),
    );
    for (const rule of all) {
      expect(rule.alert).toMatch(/^Sooc[A-Za-z]+$/);
      expect(['page', 'warn']).toContain(rule.labels?.['severity']);
      const named = metricsIn(rule.expr);
      expect(named.length).toBeGreaterThan(0);
      expect({ alert: rule.alert, unknown: named.filter((m) => !known(m)) }).toEqual({
        alert: rule.alert,
        unknown: [],
      });
    }
    expect(all.some((r) => /changes\(sooc_worker_active/.test(r.expr))).toBe(true);
  });

  it('has a Grafana dashboard whose every panel queries exported metrics', () => {
    expect(dashboard.panels.length).toBeGreaterThan(5);
    for (const panel of dashboard.panels) {
      const named = panel.targets.flatMap((t) => metricsIn(t.expr));
      expect(named.length).toBeGreaterThan(0);
      expect({ panel: panel.title, unknown: named.filter((m) => !known(m)) }).toEqual({
        panel: panel.title,
        unknown: [],
      });
    }
    const everything = JSON.stringify(dashboard);
    expect(everything).toContain('sooc_graphql_subscriptions_active');
    expect(everything).toContain('sooc_projection_lag_positions');
  });
});
