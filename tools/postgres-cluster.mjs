// A throwaway PostgreSQL cluster for the tests and the team benchmark: Debian's server binaries, a temp data
// directory, a free port on 127.0.0.1, run as a non-root user (initdb refuses root; as root we use `postgres`).
// Nothing here touches a system cluster. `startCluster()` resolves once the server accepts connections.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The directory holding initdb and postgres (Debian: /usr/lib/postgresql/<major>/bin), or null. */
export function postgresBinDir() {
  if (process.env.CALL_COACH_PG_BIN) return process.env.CALL_COACH_PG_BIN;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const majors = readdirSync(base).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
  for (const major of majors) if (existsSync(path.join(base, major, 'bin', 'initdb'))) return path.join(base, major, 'bin');
  return null;
}

const MISSING = 'PostgreSQL server binaries not found (initdb). Install them: apt-get install -y postgresql (or set CALL_COACH_PG_BIN).';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server binary as the cluster's owner: ourselves, or `postgres` when we are root. */
function asOwner(binary, args, options = {}) {
  const root = process.getuid?.() === 0;
  return root ? ['runuser', ['-u', 'postgres', '--', binary, ...args], options] : [binary, args, options];
}

async function waitForPort(port, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL exited during start (code ${child.exitCode})`);
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections on port ${port} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts a cluster. Returns { url (the superuser's, database `postgres`), port, dataDir, stop() }. The superuser is
 * `call_coach_test` with a generated password (password authentication on loopback, as in production).
 */
export async function startCluster({ log = () => {}, timeoutMs = 120_000 } = {}) {
  const bin = postgresBinDir();
  if (!bin) throw new Error(MISSING);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'call-coach-pg-'));
  chmodSync(dir, 0o777);
  const dataDir = path.join(dir, 'data');
  const password = `pw-${process.pid}-${Date.now().toString(36)}`;
  const passwordFile = path.join(dir, 'password');
  writeFileSync(passwordFile, password, { mode: 0o644 });
  const user = 'call_coach_test';
  const [initCmd, initArgs] = asOwner(path.join(bin, 'initdb'), ['-D', dataDir, '-U', user, `--pwfile=${passwordFile}`, '-A', 'scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  execFileSync(initCmd, initArgs, { stdio: 'pipe' });
  const port = await freePort();
  // fsync stays on (durability is under test); room for the race tests' and the benchmark's many connections.
  const [pgCmd, pgArgs] = asOwner(path.join(bin, 'postgres'), [
    '-D', dataDir,
    '-p', String(port),
    '-c', 'listen_addresses=127.0.0.1',
    '-c', `unix_socket_directories=${dir}`,
    '-c', 'max_connections=300',
    '-c', 'shared_buffers=256MB',
    '-c', 'synchronous_commit=on',
  ]);
  const child = spawn(pgCmd, pgArgs, { stdio: ['ignore', 'ignore', 'pipe'], detached: false });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  try {
    await waitForPort(port, child, timeoutMs);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${stderr}`);
  }
  log(`PostgreSQL test cluster on 127.0.0.1:${port} (${dataDir})`);
  const url = `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        const [stopCmd, stopArgs] = asOwner(path.join(bin, 'pg_ctl'), ['-D', dataDir, 'stop', '-m', 'fast', '-w']);
        try {
          execFileSync(stopCmd, stopArgs, { stdio: 'pipe', timeout: 30_000 });
        } catch {
          child.kill('SIGKILL');
        }
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
