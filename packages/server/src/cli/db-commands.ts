import { loadConfig } from '../config.js';
import { openAndMigrate } from '../main.js';
import { seedReference } from '../seed/places-holidays-taxonomy.js';
import { ensureDemoAccounts } from '../seed/demo-accounts.js';
import { seedCityContent } from '../seed/city-content.js';
import type { Command } from './command.js';

export const migrateCommand: Command = {
  words: ['migrate'],
  summary: 'apply database migrations',
  usage: `Usage: cozum migrate

Applies the SQL migrations in packages/server/src/db/migrations to the database named by
DATABASE_URL, or to the embedded PGlite database in DATA_DIR. Safe to run again; exits
non-zero when a migration fails.`,
  options: {},
  async run(_values, _positionals, io) {
    const config = loadConfig(io.env);
    const database = await openAndMigrate(config);
    io.out(`migrations applied on ${database.engine} (${database.location})`);
    await database.close();
    return 0;
  },
};

export const seedCommand: Command = {
  words: ['seed'],
  summary: 'load reference data (districts, neighbourhoods, holidays, taxonomy) and starting content',
  usage: `Usage: cozum seed [--demo-accounts]

Loads Samsun's 17 districts and 1,259 neighbourhoods, Turkey's public holidays for 2024 to
2027, the default taxonomy (request types, units, categories with the everyday words citizens
use for them), and the centre's starting content: knowledge-base articles on the topics it
answers most, an open satisfaction survey sent after each resolution, field teams and the
Mobile Solution Bus with a route through the 17 districts from the next working day.
Idempotent: each piece goes in once, so an admin's edits and deletions survive.

Options:
  --demo-accounts   also create one demo account per role (for trying the product)`,
  options: { 'demo-accounts': { type: 'boolean' } },
  async run(values, _positionals, io) {
    const config = loadConfig(io.env);
    const database = await openAndMigrate(config);
    try {
      const summary = await database.db.transaction((tx) => seedReference(tx));
      io.out(`reference data on ${database.engine}: ${summary.districts} districts, ${summary.neighbourhoods} neighbourhoods, ${summary.holidays} holidays, ${summary.requestTypes} request types, ${summary.units} units, ${summary.categories} categories`);
      if (values['demo-accounts']) {
        const accounts = await database.db.transaction((tx) => ensureDemoAccounts(tx));
        for (const a of accounts) io.out(`  ${a.role.padEnd(12)} ${a.username} / ${a.password}`);
      }
      const content = await database.db.transaction((tx) => seedCityContent(tx, new Date()));
      io.out(`starting content added: ${content.articles} knowledge-base articles, ${content.satisfactionSurvey ? '1 satisfaction survey (open)' : '0 satisfaction surveys'}, ${content.teams} field teams, ${content.visits} bus visits`);
    } finally {
      await database.close();
    }
    return 0;
  },
};
