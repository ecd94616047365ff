// tr.json and en.json imported one top-level key at a time (build/json-parts.ts).
declare module '*/tr.json?parts' {
  const parts: typeof import('./tr.json');
  export = parts;
}
declare module '*/en.json?parts' {
  const parts: typeof import('./en.json');
  export = parts;
}
