/**
 * Which fields of an event hold a person's data, and whose: the event store seals them with that
 * person's key, so deleting the key erases them everywhere they were copied (crypto-shredding).
 * Paths are dotted; a path to an object seals each of its string values (answers by question id).
 */
export interface PersonalDataDeclaration {
  readonly type: string;
  /**
   * The data field naming the person whose key seals the fields (e.g. `learnerId`), or several
   * fields whose values, joined by `/`, name the holder (`['partnerId', 'endpointId']`).
   */
  readonly subject: string | readonly string[];
  /**
   * Set for a holder who is not a learner (a webhook endpoint's secret): the key subject becomes
   * `<namespace>:<subject>`. Ids never hold `:`, so such a key can never be a learner's, nor be
   * deleted by a learner's erasure.
   */
  readonly namespace?: string;
  readonly paths: readonly string[];
  /**
   * The schema version from which events of this type are stored sealed: one stored below it was
   * written in clear by an earlier release (1 when the type was sealed from its first version).
   */
  readonly sealedSince: number;
}

/** What a sealed value reads as once its key is gone. */
export const ERASED = '[erased]';
