/**
 * queue_log as centres really keep it: a CSV export of the realtime table (data1..data5, or one
 * '|'-joined data column), the table itself in a PostgreSQL database, and agents logged in
 * under several interfaces. Each gives the same calls as the flat file of the same rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importQueueLog, type QueueLogInput } from '../src/app/contacts/import-queue-log.js';
import { mysqlTableLines, postgresTableLines, type TableRead } from '../src/app/contacts/queue-log-db.js';
import { csvTableLines } from '../src/app/contacts/queue-log-table.js';
import type { Database } from '../src/db/client.js';
import { adminQuery, databaseUrl, uniqueName } from './engines.js';
import { useTestDatabase } from './harness.js';
import { startMariaDb, type MariaDb } from './mariadb.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'queue_log');
// The Wazo system wrote local times at UTC-4 (fixtures/queue_log/SOURCES.md).
const ZONE = 'Etc/GMT+4';

let database: Database;
useTestDatabase((opened) => (database = opened));

const rows = async (where: string) =>
  ((await database.db.execute(sql.raw(`select external_id, queue, agent_name, extract(epoch from date_trunc('second', offered_at))::int as offered, answered_at is not null as answered, wait_seconds, talk_seconds, exit_reason from contacts where ${where} order by external_id`))) as unknown as { rows: unknown[] }).rows;
/** The realtime table's rows of the Wazo sample (the CSV export's rows, without its header). */
const fixtureRows = () => fs.readFileSync(path.join(FIXTURES, 'wazo-doc_queue_log_table.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
// Written after a first read: later.0 at the very time of the last row read, later.1 after it.
const LATER_ROWS = `insert into queue_log (time, callid, queuename, agent, event, data1, data2, data3) values ('2012-07-04 07:49:52.939802', 'later.0', 'q1', 'NONE', 'ENTERQUEUE', '', '1000', '1'), ('2012-07-04 08:00:00', 'later.1', 'q1', 'NONE', 'ENTERQUEUE', '', '1000', '1'), ('2012-07-04 08:00:09', 'later.1', 'q1', 'NONE', 'ABANDON', '1', '1', '9')`;

/** A PostgreSQL database holding Asterisk's realtime queue_log table (contrib/realtime/postgresql) with the fixture's rows. */
async function postgresPbx() {
  const name = uniqueName('cozum_pbx');
  await adminQuery(`create database ${name}`);
  const url = databaseUrl(name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const drop = async () => {
    await client.end();
    await adminQuery(`drop database if exists ${name} with (force)`);
  };
  try {
    await client.query(`create table queue_log (id bigserial primary key, time timestamp, callid varchar(80), queuename varchar(256), agent varchar(80), event varchar(32), data1 varchar(100), data2 varchar(100), data3 varchar(100), data4 varchar(100), data5 varchar(100))`);
    for (const row of fixtureRows()) await client.query('insert into queue_log (time, callid, queuename, agent, event, data1, data2, data3, data4, data5) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', row);
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, client, drop };
}

const importInto = (lines: AsyncIterable<QueueLogInput> | Iterable<QueueLogInput>, agentAliases?: Map<string, string>) => database.db.transaction((tx) => importQueueLog(tx, lines, { agentAliases }));

describe('queue_log table exports and tables', () => {
  it('imports the CSV export of the realtime table, in both column forms, as the same calls as the flat file', async () => {
    const counts = { lines: 0 };
    const table = await importInto(csvTableLines(path.join(FIXTURES, 'wazo-doc_queue_log_table.csv'), { timeZone: ZONE }, counts));
    expect(table).toMatchObject({ lines: 13, header: 1, events: 12, calls: 6, newCalls: 6, malformed: [] });
    expect(counts.lines).toBe(13);
    const fromTable = await rows("external_id like '13414%'");
    expect(fromTable).toContainEqual(expect.objectContaining({ external_id: '1341401601.24', agent_name: '3001', answered: true, wait_seconds: 2 }));
    expect(fromTable).toContainEqual(expect.objectContaining({ external_id: '1341402586.51', exit_reason: 'abandoned', wait_seconds: 6 }));
    // The flat file of the same rows: every call already there, nothing changed.
    const flat = await importInto(fs.readFileSync(path.join(FIXTURES, 'wazo-doc_queue_log_samples.pipe.txt'), 'utf8').split('\n'));
    expect(flat).toMatchObject({ calls: 6, newCalls: 0, malformed: [] });
    expect(await rows("external_id like '13414%'")).toEqual(fromTable);
    const joined = await importInto(csvTableLines(path.join(FIXTURES, 'wazo-doc_queue_log_table_data.csv'), { timeZone: ZONE }, { lines: 0 }));
    expect(joined).toMatchObject({ lines: 13, events: 12, calls: 6, newCalls: 0, malformed: [] });
    expect(await rows("external_id like '13414%'")).toEqual(fromTable);
  });

  it('takes hold and talk times from their own columns and names the columns it cannot find', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cozum-qlt-'));
    const file = path.join(dir, 'export.csv');
    fs.writeFileSync(file, ['eventdate,uniqueid,queue,agent,event,data,holdtime,talktime', '2025-03-10 10:00:00,ht1,hq,NONE,ENTERQUEUE,|905320000001|1,,', '2025-03-10 10:00:07,ht1,hq,SIP/1200,CONNECT,,7,', '2025-03-10 10:02:07,ht1,hq,SIP/1200,COMPLETECALLER,,7,120', 'yesterday,ht2,hq,NONE,ENTERQUEUE,,,'].join('\n'));
    const report = await importInto(csvTableLines(file, { timeZone: 'Europe/Istanbul', columns: { time: 'eventdate' } }, { lines: 0 }));
    expect(report.malformed).toEqual([{ line: 5, reason: "the time 'yesterday' is neither epoch seconds nor a date and time such as 2012-07-03 15:27:23" }]);
    expect(await rows("external_id = 'ht1'")).toEqual([expect.objectContaining({ offered: Date.parse('2025-03-10T07:00:00Z') / 1000, agent_name: '1200', wait_seconds: 7, talk_seconds: 120, exit_reason: 'answered' })]);
    fs.writeFileSync(file, 'when,what\n1,2\n');
    await expect(importInto(csvTableLines(file, { timeZone: 'UTC' }, { lines: 0 }))).rejects.toThrow('columns: no time column among when, what; name it with --columns time=COLUMN');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the queue_log table of a PostgreSQL database, and goes on after the largest id read', async () => {
    const pbx = await postgresPbx();
    try {
      await database.db.execute(sql`delete from contacts where external_id like '13414%' or external_id like 'later.%'`);
      const counts: TableRead = { rows: 0, after: null };
      const report = await importInto(postgresTableLines(pbx.url, { table: 'queue_log', timeZone: ZONE }, counts));
      expect(counts).toEqual({ rows: 12, after: '12' });
      expect(report).toMatchObject({ lines: 12, events: 12, calls: 6, newCalls: 6, malformed: [] });
      expect(await rows("external_id like '13414%'")).toContainEqual(expect.objectContaining({ external_id: '1341401601.24', agent_name: '3001', answered: true, wait_seconds: 2, offered: Date.parse('2012-07-04T11:33:21Z') / 1000 }));
      // Rows written after the last read, one with the same time as the last row: what --follow asks for next.
      await pbx.client.query(LATER_ROWS);
      const next: TableRead = { rows: 0, after: counts.after };
      expect(await importInto(postgresTableLines(pbx.url, { table: 'queue_log', timeZone: ZONE, after: counts.after }, next))).toMatchObject({ lines: 3, calls: 2, newCalls: 2 });
      expect(next).toEqual({ rows: 3, after: '15' });
      await expect(importInto(postgresTableLines(pbx.url, { table: 'queue_log; drop table x', timeZone: ZONE }, next))).rejects.toThrow("table: 'queue_log; drop table x' is not a table name");
    } finally {
      await pbx.drop();
    }
  });
});

describe('queue_log table in MySQL or MariaDB', () => {
  let maria: MariaDb;
  beforeAll(async () => {
    maria = await startMariaDb();
    await maria.query('create database pbx');
    // Asterisk's realtime queue_log table as its MySQL schema has it.
    await maria.query('create table pbx.queue_log (id bigint unsigned not null auto_increment primary key, time datetime(6), callid varchar(80), queuename varchar(256), agent varchar(80), event varchar(32), data1 varchar(100), data2 varchar(100), data3 varchar(100), data4 varchar(100), data5 varchar(100)) engine=InnoDB');
    for (const row of fixtureRows()) await maria.query('insert into pbx.queue_log (time, callid, queuename, agent, event, data1, data2, data3, data4, data5) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', row);
  });
  afterAll(async () => {
    await maria?.stop();
  });

  it('reads the table as the same rows, calls and figures as the PostgreSQL table, counts what it reads, and goes on after the largest id read', async () => {
    const pbx = await postgresPbx();
    let fromPostgres: { report: unknown; rows: unknown[] };
    try {
      await database.db.execute(sql`delete from contacts where external_id like '13414%' or external_id like 'later.%'`);
      const report = await importInto(postgresTableLines(pbx.url, { table: 'queue_log', timeZone: ZONE }, { rows: 0, after: null }));
      fromPostgres = { report, rows: await rows("external_id like '13414%'") };
    } finally {
      await pbx.drop();
    }
    await database.db.execute(sql`delete from contacts where external_id like '13414%' or external_id like 'later.%'`);
    const counts: TableRead = { rows: 0, after: null };
    const report = await importInto(mysqlTableLines(maria.url('pbx'), { table: 'queue_log', timeZone: ZONE }, counts));
    expect(counts).toEqual({ rows: 12, after: '12' });
    expect(report).toMatchObject({ lines: 12, events: 12, calls: 6, newCalls: 6, malformed: [] });
    expect(report).toEqual(fromPostgres.report);
    expect(await rows("external_id like '13414%'")).toEqual(fromPostgres.rows);
    expect(fromPostgres.rows).toContainEqual(expect.objectContaining({ external_id: '1341402586.51', exit_reason: 'abandoned', wait_seconds: 6 }));

    await maria.query(LATER_ROWS.replace('insert into queue_log', 'insert into pbx.queue_log'));
    const next: TableRead = { rows: 0, after: counts.after };
    expect(await importInto(mysqlTableLines(`mariadb://root@${new URL(maria.url('pbx')).host}/pbx`, { table: 'pbx.queue_log', timeZone: ZONE, after: counts.after }, next))).toMatchObject({ lines: 3, calls: 2, newCalls: 2 });
    expect(next).toEqual({ rows: 3, after: '15' });
    await expect(importInto(mysqlTableLines(maria.url('pbx'), { table: 'queue_log`; drop table x', timeZone: ZONE }, next))).rejects.toThrow("table: 'queue_log`; drop table x' is not a table name");
    await expect(importInto(mysqlTableLines(maria.url('pbx'), { table: 'missing_log', timeZone: ZONE }, next))).rejects.toThrow('table: no table missing_log in that database');
  });

  it('reads a TIMESTAMP time column as UTC and a DATETIME one in the given time zone', async () => {
    await maria.query('create table pbx.utc_log (time timestamp(3) null, callid varchar(80), queuename varchar(256), agent varchar(80), event varchar(32), data varchar(200))');
    await maria.query("set time_zone = '+00:00'");
    await maria.query("insert into pbx.utc_log values ('2025-03-10 07:00:00', 'utc.1', 'uq', 'NONE', 'ENTERQUEUE', '|905320000001|1'), ('2025-03-10 07:00:05.250', 'utc.1', 'uq', 'NONE', 'ABANDON', '1|1|5')");
    const counts: TableRead = { rows: 0, after: null };
    expect(await importInto(mysqlTableLines(maria.url('pbx'), { table: 'utc_log', timeZone: 'Asia/Tokyo' }, counts))).toMatchObject({ lines: 2, calls: 1, newCalls: 1, malformed: [] });
    expect(counts).toEqual({ rows: 2, after: '2025-03-10 07:00:05.250' });
    expect(await rows("external_id = 'utc.1'")).toEqual([expect.objectContaining({ offered: Date.parse('2025-03-10T07:00:00Z') / 1000, exit_reason: 'abandoned', wait_seconds: 5 })]);
    // Polled by time when there is no id column.
    expect(await importInto(mysqlTableLines(maria.url('pbx'), { table: 'utc_log', timeZone: 'Asia/Tokyo', after: counts.after }, counts))).toMatchObject({ lines: 0 });
  });
});

describe('one agent under several interfaces', () => {
  it('joins Agent/1127, SIP/1127, Local/1127@callback-agent and an aliased interface into the agent 1127', async () => {
    const t = Date.parse('2025-04-01T07:00:00Z') / 1000;
    const call = (id: string, agent: string, at: number) => [`${at}|${id}|aq|NONE|ENTERQUEUE||905320000000|1`, `${at + 4}|${id}|aq|${agent}|CONNECT|4|u|2`, `${at + 64}|${id}|aq|${agent}|COMPLETECALLER|4|60|1`];
    const log = [
      `${t}|NONE|NONE|Agent/1127|AGENTLOGIN|SIP/1127`,
      `${t}|NONE|aq|SIP/1127|ADDMEMBER|`,
      ...call('ag1', 'SIP/1127', t + 10),
      ...call('ag2', 'Local/1127@callback-agent', t + 100),
      ...call('ag3', 'Agent/1127', t + 200),
      ...call('ag4', 'PJSIP/desk-7', t + 300),
    ];
    await importInto(log, new Map([['PJSIP/desk-7', '1127']]));
    const agents = ((await database.db.execute(sql`select distinct agent_name from contacts where queue = 'aq'`)) as unknown as { rows: { agent_name: string }[] }).rows;
    expect(agents).toEqual([{ agent_name: '1127' }]);
    const states = ((await database.db.execute(sql`select agent from agent_states where agent like '%1127%' or agent like '%desk-7%'`)) as unknown as { rows: { agent: string }[] }).rows;
    expect(states).toEqual([{ agent: '1127' }]);
    const history = ((await database.db.execute(sql`select distinct agent from agent_state_events where agent like '%1127%' or agent like '%desk-7%'`)) as unknown as { rows: { agent: string }[] }).rows;
    expect(history).toEqual([{ agent: '1127' }]);
  });
});
