/** What the 关于/状态 page shows; read from the running backend. */
import { z } from 'zod';
import type { Role } from '../../domain/roles';

/** A data file that went missing, confirmed gone for good (`cli doctor --forget`): it starts from its defaults. */
export const forgetMissingFileInput = z.object({ name: z.string().min(1).max(200) }).strict();

/** The desktop app, local browser mode, or a team server (team mode). */
export type RunMode = 'electron' | 'browser' | 'team';

export type DataFileState = 'ok' | 'missing' | 'error';

export interface DataFileHealth {
  /** Stable id of the concern the file holds, e.g. 'settings'. */
  id: string;
  /** Chinese label for the UI. */
  label: string;
  fileName: string;
  schemaVersion: number;
  state: DataFileState;
  sizeBytes: number | null;
  modifiedAt: string | null;
  /** Present when state is 'error': the Chinese message the user sees. */
  error?: string;
}

export interface AppStatus {
  appName: string;
  version: string;
  mode: RunMode;
  /** Who is signed in (local mode: the desk's one user, every role). */
  user: { id: string; name: string; roles: Role[] };
  /** Where the data is: the data folder, or the team server's database (never its password). */
  dataDir: string;
  startedAt: string;
  /** The backend's "today" (Asia/Shanghai; fixed in test mode). */
  today: string;
  nodeVersion: string;
  storage: {
    healthy: boolean;
    files: DataFileHealth[];
    /** Files the data folder held that are gone (reported, never recreated with defaults). */
    missing: string[];
  };
}
