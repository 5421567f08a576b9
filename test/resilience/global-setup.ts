import e2eGlobalSetup from '../setup/global-setup';
import { onPostgresServer, SKIPPED_WITHOUT_POSTGRES } from './postgres';

/** The e2e setup (database and Redis checks), and the one line saying what the embedded engine cannot run. */
export default async function resilienceGlobalSetup(): Promise<void> {
  await e2eGlobalSetup();
  if (!onPostgresServer) process.stderr.write(`${SKIPPED_WITHOUT_POSTGRES}\n`);
}
