/**
 * PGlite does not stop a second process from opening its data folder, and two processes on
 * one folder silently lose rows. This lock file does: it holds the owner's PID, a second
 * process refuses to start, and a lock left by a killed process is detected and taken over.
 */
import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(readonly folder: string, readonly holderPid: number) {
    super(`the data folder ${folder} is in use by another Çözüm process (PID ${holderPid}); stop it first, or set DATA_DIR to another folder`);
    this.name = 'DataDirLockedError';
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export interface DirLock {
  file: string;
  release(): void;
}

export function lockDataDir(folder: string): DirLock {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'cozum.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { file, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new DataDirLockedError(folder, holder);
      }
      // Stale: the holder is gone (killed or crashed). Take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock the data folder ${folder}: the lock file ${file} keeps reappearing`);
}
