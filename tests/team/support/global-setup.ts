/**
 * Team mode's tests run against a real PostgreSQL: one throwaway cluster for the run (Debian's server, a temp data
 * directory, a free port, a non-root user), stopped at the end. Each test file makes its own databases in it.
 */
import type { TestProject } from 'vitest/node';
import { startCluster } from '../../../tools/postgres-cluster.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startCluster({ log: (line: string) => console.log(line) });
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
