/** One id shape for every API, so an id one context hands out the others accept. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;
export const ID_MESSAGE = 'must be 1 to 80 letters, digits, "-" or "_" (a UUID fits)';
