/** Injection tokens for the ports the gateway binds to concrete adapters at start. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const CLOCK = Symbol('CLOCK');
/** The read-model database (a Kysely instance) queries read from. */
export const READ_DB = Symbol('READ_DB');
/** A `ReadModelSync`: read-your-writes and change notifications from the projection runner. */
export const READ_MODEL_SYNC = Symbol('READ_MODEL_SYNC');
