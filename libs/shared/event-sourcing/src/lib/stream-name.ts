import { ValidationError } from './errors';

const CATEGORY = /^[a-z][a-zA-Z0-9]*$/;

/**
 * `<category>-<id>`: the category never contains a dash, so EventStoreDB's `$ce-<category>`
 * streams and our category filters agree on where the category ends.
 */
export function streamName(category: string, ...idParts: string[]): string {
  if (!CATEGORY.test(category))
    throw new ValidationError(
      'STREAM.CATEGORY_INVALID',
      `Stream category "${category}" must be alphanumeric without dashes`,
    );
  if (idParts.length === 0 || idParts.some((p) => p.length === 0)) {
    throw new ValidationError('STREAM.ID_INVALID', `Stream id of category "${category}" must not be empty`);
  }
  return `${category}-${idParts.join('-')}`;
}

export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
}

export function idOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? '' : streamId.slice(dash + 1);
}
