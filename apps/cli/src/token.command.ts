import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_TOKEN_TTL_SECONDS, isRole, loadOrCreateLocalKey, mintLocalToken, ROLES, type Role } from '@sooc/auth';
import { parseTtl } from './ttl.option';

interface TokenOptions {
  readonly role: Role;
  readonly sub?: string;
  readonly company?: string;
  readonly learner?: string;
  readonly cohort: string[];
  readonly ttl: number;
  readonly dataDir: string;
}

/** What each role is bound to, so that a token without it is refused here rather than by every operation. */
const SCOPE_NEEDED: Partial<Record<Role, { option: keyof TokenOptions; flag: string }>> = {
  facilitator: { option: 'cohort', flag: '--cohort <cohortId>' },
  reviewer: { option: 'cohort', flag: '--cohort <cohortId>' },
  partner: { option: 'company', flag: '--company <companyId>' },
  learner: { option: 'learner', flag: '--learner <learnerId>' },
};

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

function id(what: string) {
  return (value: string) => {
    if (!ID.test(value))
      throw new InvalidArgumentError(`${what} is 1 to 200 letters, digits, . _ : - (got "${value}")`);
    return value;
  };
}

/**
 * `sooc token`: a bearer token of the gateway's local issuer (SOOC_AUTH=local), signed with the key
 * in the data directory, which the gateway creates on first start (and this command too).
 */
export function tokenCommand(env: NodeJS.ProcessEnv, print: (line: string) => void): Command {
  return new Command('token')
    .description('Print a bearer token signed with the local key of the data directory (SOOC_AUTH=local)')
    .addOption(new Option('--role <role>', 'what the token may do').choices(ROLES).makeOptionMandatory())
    .option('--sub <subject>', 'who the token names: every event it causes records this id', id('--sub'))
    .option('--company <companyId>', 'the company a partner speaks for', id('--company'))
    .option('--learner <learnerId>', 'the learner a learner token acts for', id('--learner'))
    .option(
      '--cohort <cohortId>',
      'a cohort a facilitator or reviewer works in (repeat it for several)',
      (value: string, previous: string[]) => [...previous, id('--cohort')(value)],
      [] as string[],
    )
    .option(
      '--ttl <duration>',
      'how long the token is valid: seconds, or 90m, 12h, 7d',
      parseTtl,
      DEFAULT_TOKEN_TTL_SECONDS,
    )
    .option('--data-dir <dir>', 'the data directory of the gateway (SOOC_DATA_DIR)', env['SOOC_DATA_DIR'] || './data')
    .action(async (options: TokenOptions, command: Command) => {
      if ((env['SOOC_AUTH'] ?? 'local') !== 'local')
        command.error(
          `SOOC_AUTH=${env['SOOC_AUTH']}: the gateway only accepts its identity provider's tokens; ask the provider for one`,
        );
      if (!isRole(options.role)) command.error(`--role must be one of ${ROLES.join(', ')}`);
      const needed = SCOPE_NEEDED[options.role];
      const value = needed && options[needed.option];
      if (needed && (value === undefined || (Array.isArray(value) && value.length === 0)))
        command.error(`a ${options.role} token needs ${needed.flag}: the ${options.role} role acts only there`);
      const key = await loadOrCreateLocalKey(options.dataDir);
      print(
        await mintLocalToken(key, {
          role: options.role,
          subject: options.sub,
          companyId: options.company,
          learnerId: options.learner,
          cohorts: options.cohort,
          ttlSeconds: options.ttl,
        }),
      );
    });
}
