import type { FastifyInstance } from 'fastify';
import {
  PARTNER_EVENT_SCHEMAS,
  PARTNER_FEED_EVENT_TYPES,
  PARTNER_SCHEMAS_INDEX_PATH,
  PARTNER_SCHEMAS_PATH,
  partnerEventDescription,
  partnerEventSchemaPath,
} from '@sooc/partners-domain';

/** A schema never changes under its URL (a new shape is a new type): caches may keep it a day. */
const SCHEMA_CACHE = 'public, max-age=86400';
/** The list grows when a type is added: an hour. */
const INDEX_CACHE = 'public, max-age=3600';
const NOT_FOUND = JSON.stringify({
  error: 'NOT_FOUND',
  message: `No such partner event type: ${PARTNER_SCHEMAS_INDEX_PATH} lists them`,
});

/**
 * The JSON Schemas of the partner feed's CloudEvents at stable URLs, public like the documents
 * that point to them (docs/PARTNERS.md, docs/partners.asyncapi.yaml): `index.json` lists each
 * type with its schema's path (a reference resolved against the index's own URL), and
 * `<type>.json` is one schema. Serialised once, at start.
 */
export function servePartnerSchemas(fastify: Pick<FastifyInstance, 'get'>): void {
  const index = JSON.stringify({
    schemas: PARTNER_FEED_EVENT_TYPES.map((type) => ({
      type,
      description: partnerEventDescription(type),
      url: partnerEventSchemaPath(type),
    })),
  });
  const schemas = new Map<string, string>(
    PARTNER_FEED_EVENT_TYPES.map((type) => [`${type}.json`, JSON.stringify(PARTNER_EVENT_SCHEMAS[type])] as const),
  );
  fastify.get(PARTNER_SCHEMAS_INDEX_PATH, (_request, reply) => {
    void reply.type('application/json; charset=utf-8').header('cache-control', INDEX_CACHE).send(index);
  });
  fastify.get<{ Params: { file: string } }>(`${PARTNER_SCHEMAS_PATH}/:file`, (request, reply) => {
    const schema = schemas.get(request.params.file);
    if (!schema) {
      void reply.code(404).type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(NOT_FOUND);
      return;
    }
    void reply.type('application/schema+json; charset=utf-8').header('cache-control', SCHEMA_CACHE).send(schema);
  });
}
