// Read by test/e2e/gateway.harness.ts: each startGateway() gets its own EventStoreDB stand-in and
// its own PostgreSQL database instead of SQLite files.
process.env.SOOC_E2E_STORES = 'esdb+postgres';
