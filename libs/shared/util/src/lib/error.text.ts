/** The message of anything thrown: an Error's message, or what anything else prints as. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
