/** The storage contract suite (tests/helpers/storage-contract.ts) on the team database: PostgreSQL. */
import { openPostgresStorage, openTeamDatabase } from '../../electron/backend/postgres-storage';
import { storageContract } from '../helpers/storage-contract';
import { freshDatabase } from './support/databases';

storageContract({
  name: 'PostgreSQL (team mode)',
  place: () => freshDatabase(),
  open: async (url) => {
    const db = await openTeamDatabase(url, { max: 30 });
    const storage = await openPostgresStorage({ pool: db.pool, databaseUrl: url, location: db.location });
    return {
      ...storage,
      close: () => {
        storage.close();
        void db.close();
      },
    };
  },
});
