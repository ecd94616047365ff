import { ROLES } from '@cozum/domain';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../config.js';
import { units } from '../db/schema.js';
import { openAndMigrate } from '../main.js';
import { createUser } from '../app/users.js';
import { UsageError, type Command } from './command.js';

export const userCreateCommand: Command = {
  words: ['user', 'create'],
  summary: 'create a staff account',
  usage: `Usage: cozum user create --username NAME --role ROLE [--name "Full Name"] [--email ADDRESS]
                         [--unit UNIT_CODE] [--password PASSWORD]

Creates a staff account. Without --password the password is read from the environment
variable COZUM_PASSWORD, so it stays out of the shell history.

Roles: ${ROLES.join(', ')}. unit_head and unit_staff need --unit.`,
  options: {
    username: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    unit: { type: 'string' },
    password: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const username = values.username as string | undefined;
    const role = values.role as string | undefined;
    const password = (values.password as string | undefined) ?? io.env.COZUM_PASSWORD;
    if (!username || !role) throw new UsageError(`--username and --role are required\n\n${this.usage}`);
    if (!password) throw new UsageError('give a password with --password or the COZUM_PASSWORD environment variable');
    const config = loadConfig(io.env);
    const database = await openAndMigrate(config);
    try {
      let unitId: number | null = null;
      if (values.unit) {
        const [unit] = await database.db.select({ id: units.id }).from(units).where(eq(units.code, values.unit as string));
        if (!unit) throw new UsageError(`--unit: no unit has the code '${String(values.unit)}'; run 'cozum seed' or check the code`);
        unitId = unit.id;
      }
      const user = await database.db.transaction((tx) =>
        createUser(tx, null, { username, role, password, displayName: (values.name as string | undefined) ?? username, email: (values.email as string | undefined) ?? null, unitId }),
      );
      io.out(`created ${user.username} (${user.role}${user.unitName ? `, ${user.unitName}` : ''}), id ${user.id}`);
    } finally {
      await database.close();
    }
    return 0;
  },
};
