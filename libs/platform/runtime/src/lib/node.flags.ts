/**
 * The V8 flags every sooc service process runs with: `npm start`, the image's NODE_OPTIONS, and
 * the spawners of the tests and benches (infra's deployment spec checks that the first two say
 * the same). V8 reads them when the heap is made, so they cannot be set from inside.
 *
 * `--max-semi-space-size=64` (MB; Node 20's default grows it to 16): a submission allocates a lot
 * that lives a little while (a request, its command, its events, the read-model batch and, with
 * tracing on, its spans waiting for their export). In the default young generation, scavenges ran
 * every ~80 ms under the submit load and promoted much of that to the old generation. Measured
 * side by side (`docs/ARCHITECTURE.md`, "Known gaps"): +6.5% submissions/s untraced, +16% traced.
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
