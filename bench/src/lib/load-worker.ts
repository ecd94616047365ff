/**
 * The load generator, in its own process so it does not share a core with the server under
 * test. Reads its options as JSON from argv, runs autocannon, prints one JSON result.
 * In a body, "{n}" becomes a number unique to the request.
 */
import autocannon from 'autocannon';

interface LoadOptions {
  url: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  headers: Record<string, string>;
  body?: string;
  connections: number;
  durationSeconds: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as LoadOptions;
let n = 0;
const prefix = Date.now().toString(36);

autocannon(
  {
  url: options.url,
  connections: options.connections,
  duration: options.durationSeconds,
  headers: options.headers,
  requests: [
    {
      method: options.method,
      setupRequest: (request) => {
        if (options.body) request.body = options.body.replaceAll('{n}', `${prefix}${(n++).toString(36)}`);
        return request;
      },
    },
    ],
  },
  (error, result) => {
    if (error) throw error;
    process.stdout.write(
    JSON.stringify({
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      total: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
    }),
  );
  },
);
