import { defineConfig } from 'drizzle-kit';

// One migration folder for PGlite and PostgreSQL: `npx drizzle-kit generate --config packages/server/scripts/drizzle.config.ts`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/server/src/db/schema.ts',
  out: './packages/server/drizzle',
});
