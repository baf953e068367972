import type { ApolloServerPlugin } from '@apollo/server';
import type { PersonalDataVault } from '@sooc/personal-data';
import type { ExecutionResult } from 'graphql';

/**
 * Personal data is sealed everywhere it is stored (events, read models, the audit trail); a
 * response is where it is opened, for the fields the caller's role was allowed to read (the
 * resolvers already left out the others), and where an erased learner's reads `[erased]`.
 */
export function personalDataPlugin(vault: PersonalDataVault): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === 'single' && response.body.singleResult.data)
            response.body.singleResult.data = await vault.reveal(response.body.singleResult.data);
        },
      };
    },
  };
}

/** The same for graphql-ws, which runs operations outside Apollo's plugins. */
export async function revealResult(vault: PersonalDataVault, result: ExecutionResult): Promise<ExecutionResult> {
  return result.data ? { ...result, data: await vault.reveal(result.data) } : result;
}
