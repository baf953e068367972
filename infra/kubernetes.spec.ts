import {
  containerEnv,
  find,
  portNumber,
  secretValues,
  type Container,
  type Manifest,
} from './testing/kubernetes.model';
import { manifests } from './testing/deployment.files';
import {
  appOfCommand,
  LIVENESS_PATH,
  loadServiceConfig,
  METRICS_PATH,
  READINESS_PATH,
  type App,
} from './testing/service.config';

const all = manifests();
const workloads = all.filter((m) => m.kind === 'Deployment' || m.kind === 'StatefulSet');
const appDeployments: [string, App, Manifest, Container][] = all
  .filter((m) => m.kind === 'Deployment')
  .flatMap((d) =>
    d.spec!.template!.spec.containers.map((c) => [d.metadata.name, appOfCommand(c.command), d, c] as const),
  )
  .flatMap(([name, app, d, c]) => (app ? [[name, app, d, c] as [string, App, Manifest, Container]] : []));

describe('infra/k8s', () => {
  it('deploys the four processes from one image, two replicas each (one active worker through the lease)', () => {
    expect(appDeployments.map(([name, app, d]) => [name, app, d.spec!.replicas]).sort()).toEqual([
      ['gateway', 'gateway', 2],
      ['partner-feed', 'partner-feed', 2],
      ['projector', 'projector', 2],
      ['reactor', 'reactor', 2],
    ]);
    expect(new Set(appDeployments.map(([, , , c]) => c.image)).size).toBe(1);
  });

  it('keeps every object in the sooc namespace', () => {
    expect(
      all
        .filter((m) => m.kind !== 'Namespace' && m.metadata.namespace !== 'sooc')
        .map((m) => `${m.file}: ${m.kind} ${m.metadata.name}`),
    ).toEqual([]);
  });

  it.each(appDeployments)(
    "%s: the %s config loader accepts the container's environment (ConfigMaps, Secret, pod name) and reads every variable in it",
    (_name, app, _d, container) => {
      const env = containerEnv(container, all, `${_name}-5d8f7c9b4-x2x7q`);
      expect(loadServiceConfig(app, env).unread).toEqual([]);
    },
  );

  it.each(appDeployments)(
    '%s: probes ask the PORT it is given for paths it serves, and Prometheus scrapes that port',
    (_name, _app, deployment, container) => {
      const port = Number(containerEnv(container, all, 'pod')['PORT']);
      const probe = (p: Container['readinessProbe']) => [p?.httpGet?.path, portNumber(p?.httpGet?.port, container)];
      expect(container.ports?.map((p) => p.containerPort)).toEqual([port]);
      expect(probe(container.readinessProbe)).toEqual([READINESS_PATH, port]);
      expect(probe(container.livenessProbe)).toEqual([LIVENESS_PATH, port]);
      expect(probe(container.startupProbe)).toEqual([LIVENESS_PATH, port]);
      const annotations = deployment.spec!.template!.metadata?.annotations ?? {};
      expect([
        annotations['prometheus.io/scrape'],
        Number(annotations['prometheus.io/port']),
        annotations['prometheus.io/path'],
      ]).toEqual(['true', port, METRICS_PATH]);
    },
  );

  it.each(appDeployments)('%s: gives SIGTERM time to stop at a checkpoint', (_name, _app, deployment) => {
    expect(deployment.spec!.template!.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(30);
  });

  it.each(workloads.map((w) => [w.metadata.name, w] as const))(
    '%s: its selector matches its pod template',
    (_name, workload) => {
      expect(workload.spec!.template!.metadata?.labels).toEqual(
        expect.objectContaining(workload.spec!.selector!.matchLabels),
      );
    },
  );

  it.each(all.filter((m) => m.kind === 'Service').map((s) => [s.metadata.name, s] as const))(
    '%s: selects pods of a workload and targets one of their container ports',
    (_name, service) => {
      const selector = (service.spec as unknown as { selector: Record<string, string> }).selector;
      const targets = workloads.filter((w) =>
        Object.entries(selector).every(([k, v]) => w.spec!.template!.metadata?.labels?.[k] === v),
      );
      expect(targets).toHaveLength(1);
      const containers = targets[0].spec!.template!.spec.containers;
      for (const port of service.spec!.ports!) {
        expect(containers.some((c) => portNumber(port.targetPort ?? port.port, c) !== undefined)).toBe(true);
      }
    },
  );

  it('points the services at the dev-only stores by their Service names, with the dev PostgreSQL password', () => {
    const common = find(all, 'ConfigMap', 'sooc-common').data!;
    const esdb = new URL(common['SOOC_EVENT_STORE_URL']);
    expect(find(all, 'Service', esdb.hostname).spec!.ports!.map((p) => p.port)).toContain(Number(esdb.port));
    const readDb = new URL(secretValues(find(all, 'Secret', 'sooc-read-db'))['SOOC_READ_DB_URL']);
    expect(find(all, 'Service', readDb.hostname).spec!.ports!.map((p) => p.port)).toContain(Number(readDb.port));
    expect(decodeURIComponent(readDb.password)).toBe(
      secretValues(find(all, 'Secret', 'postgres-dev'))['POSTGRES_PASSWORD'],
    );
  });

  it('labels everything under k8s/dev as dev-only, and nothing else', () => {
    const labelled = (m: Manifest) => m.metadata.labels?.['sooc/dev-only'] === 'true';
    expect(
      all
        .filter((m) => m.file.startsWith('dev/') !== labelled(m))
        .map((m) => `${m.file}: ${m.kind} ${m.metadata.name}`),
    ).toEqual([]);
  });
});
