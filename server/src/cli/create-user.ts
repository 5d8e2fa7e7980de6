import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { createUserInputSchema } from '@ikt/shared/user.schema';
import { openPreparedDatabase } from '../bootstrap';
import { loadConfig } from '../config';
import { createUsersService } from '../modules/users/users.service';

/**
 * `npm run user:create -- --email a@b.lv --name "Vārds Uzvārds" --role admin [--institution IKSD]`
 * creates a user on the configured database (the first admin of a real installation). The
 * password comes from USER_PASSWORD or is asked for, never from the command line (shell history).
 */
const usage =
  'npm run user:create -- --email EMAIL --name NAME --role ROLE [--institution CODE]\n' +
  '  ROLE: admin | itc_finance | finance_viewer | council | institution_lead (needs --institution)\n' +
  '  password: USER_PASSWORD environment variable, or typed at the prompt (at least 12 characters)';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      institution: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.email || !values.name || !values.role) {
    console.log(usage);
    process.exit(values.help ? 0 : 2);
  }
  const password = process.env.USER_PASSWORD || (await ask('Parole / password: '));
  const config = loadConfig();
  const database = await openPreparedDatabase({ ...config, seedDemo: false });
  try {
    let institutionId: number | null = null;
    if (values.institution) {
      const institution = await database.db
        .selectFrom('institution')
        .select('id')
        .where('code', '=', values.institution)
        .executeTakeFirst();
      if (!institution) throw new Error(`Unknown institution code: ${values.institution}`);
      institutionId = institution.id;
    }
    const input = createUserInputSchema.safeParse({
      email: values.email,
      name: values.name,
      role: values.role,
      institutionId,
      password,
    });
    if (!input.success) {
      throw new Error(input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
    }
    const user = await createUsersService(database.db).create(null, input.data);
    console.log(`Created ${user.role} ${user.email} (id ${user.id}).`);
  } finally {
    await database.close();
  }
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
