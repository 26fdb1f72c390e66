/**
 * Browser mode's resource bounds, with the real backend and web server in a process of their own: under a small
 * file-descriptor limit a flood of idle sockets must not lock the real UI out, and a large ledger upload must not
 * leave the process holding several times the file.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, UploadStarted } from '../../electron/contract';
import { bundleFixture } from '../helpers/bundle';
import { tempDir } from '../helpers/fs';

let bundle: string;

beforeAll(async () => {
  bundle = await bundleFixture('web-server-child');
});

interface Child {
  process: ChildProcessWithoutNullStreams;
  port: number;
  token: string;
  /** The next stdout line matching `pattern`. */
  line(pattern: RegExp): Promise<RegExpExecArray>;
}

const children: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

async function startChild(command: string, args: string[]): Promise<Child> {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  const waiting: { pattern: RegExp; resolve(match: RegExpExecArray): void }[] = [];
  const check = () => {
    for (const wait of [...waiting]) {
      const match = wait.pattern.exec(out);
      if (!match) continue;
      out = out.slice(match.index + match[0].length);
      waiting.splice(waiting.indexOf(wait), 1);
      wait.resolve(match);
    }
  };
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    check();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const line = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      waiting.push({ pattern, resolve });
      child.once('exit', (code) => reject(new Error(`server child exited (${code}): ${err}`)));
      check();
    });
  const ready = await line(/ready (\d+) (\S+)\n/);
  return { process: child, port: Number(ready[1]), token: ready[2]!, line };
}

function callApi<T>(child: Child, method: string, input: unknown): Promise<{ status: number; envelope: Envelope<T> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: child.port,
        method: 'POST',
        path: `/api/${method}`,
        headers: { host: `127.0.0.1:${child.port}`, 'content-type': 'application/json', 'x-call-coach-token': child.token },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, envelope: JSON.parse(Buffer.concat(chunks).toString()) as Envelope<T> }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });
}

async function value<T>(child: Child, method: string, input: unknown): Promise<T> {
  const { envelope } = await callApi<T>(child, method, input);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value;
}

/** Writes one raw request (http.request would normalise the target) and resolves with the status line's code. */
function rawStatus(port: number, text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(received);
      if (status) {
        socket.destroy();
        resolve(Number(status[1]));
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`closed without an answer: ${received}`)));
  });
}

describe('browser mode in a process of its own', () => {
  it('stays up after a request target that used to end the process', async () => {
    const child = await startChild(process.execPath, [bundle, tempDir()]);
    for (const target of ['//a:b', 'http://[', 'http://a:99999/']) {
      expect(await rawStatus(child.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${child.port}\r\n\r\n`)).toBe(400);
    }
    expect((await callApi(child, 'app.status', {})).status).toBe(200);
    expect(child.process.exitCode).toBeNull();
  });

  it('still answers the real UI with 400 idle sockets open under a 256 file-descriptor limit', async () => {
    const child = await startChild('sh', ['-c', 'ulimit -n 256 && exec "$0" "$1" "$2"', process.execPath, bundle, tempDir()]);
    const sockets: Socket[] = [];
    try {
      await Promise.all(
        Array.from(
          { length: 400 },
          () =>
            new Promise<void>((resolve) => {
              const socket = connect(child.port, '127.0.0.1');
              sockets.push(socket);
              socket.on('error', () => undefined);
              socket.on('connect', () => resolve());
              socket.on('close', () => resolve());
            }),
        ),
      );
      // Two real calls, on fresh connections, each answered (no timing asserted: only that they are answered).
      for (let i = 0; i < 2; i++) expect((await callApi(child, 'app.status', {})).status).toBe(200);
      expect(child.process.exitCode).toBeNull();
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  });

  it('holds a ~100 MB upload through HTTP in little more than the file', async () => {
    const child = await startChild(process.execPath, ['--expose-gc', bundle, tempDir()]);
    const memory = async () => JSON.parse((await (child.process.stdin.write('mem\n'), child.line(/mem (.*)\n/)))[1]!) as NodeJS.MemoryUsage;
    const file = randomBytes(100 * 1024 * 1024);
    const before = await memory();
    const { uploadId, chunkBytes } = await value<UploadStarted>(child, 'ledger.uploadStart', { fileName: 'big.csv', sizeBytes: file.length });
    for (let offset = 0; offset < file.length; offset += chunkBytes) {
      await value(child, 'ledger.uploadChunk', { uploadId, offset, contentBase64: file.subarray(offset, offset + chunkBytes).toString('base64') });
    }
    const uploaded = await memory();
    const MB = 1024 * 1024;
    // The file itself, once, outside the JS heap; the transient chunk copies gone. (A single base64 JSON body
    // used to leave several times the file resident.) Bounds are generous: the point is "not hundreds of MB more".
    expect(uploaded.arrayBuffers - before.arrayBuffers).toBeGreaterThanOrEqual(file.length);
    expect(uploaded.arrayBuffers - before.arrayBuffers).toBeLessThan(file.length + 32 * MB);
    expect(uploaded.heapUsed - before.heapUsed).toBeLessThan(64 * MB);
    expect(uploaded.rss - before.rss).toBeLessThan(file.length + 150 * MB);
    expect(await value(child, 'ledger.cancelUpload', { uploadId })).toEqual({ cancelled: true });
    const cancelled = await memory();
    expect(cancelled.arrayBuffers - before.arrayBuffers).toBeLessThan(32 * MB);
  });
});
