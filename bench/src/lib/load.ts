import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface LoadOptions {
  url: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  durationSeconds: number;
}

const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), 'load-worker.ts');

/** Runs autocannon in a child process against `url`; refuses results with failed requests. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const payload = JSON.stringify({ ...options, headers: { 'content-type': 'application/json', ...options.headers } });
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', worker, payload], { maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`load generator failed: ${stderr || error.message}`));
      const result = JSON.parse(stdout) as LoadResult;
      if (result.non2xx || result.errors || result.timeouts) {
        return reject(new Error(`${options.method} ${options.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts out of ${result.total}`));
      }
      resolve(result);
    });
  });
}
