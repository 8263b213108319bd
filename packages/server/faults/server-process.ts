/**
 * The real built server (`node dist/main.js`) as an OS process, as an operator runs it: started,
 * killed with SIGKILL, stopped with SIGTERM, started again on the same data folder and ports.
 * Every process started here is remembered so that the runner can kill what is left at the end.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
  expected: boolean;
}

export class ServerProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly startedAt = Date.now();
  /** Set when the runner kills or stops it on purpose; an exit without it is a crash. */
  expectingExit = false;
  exitInfo?: ExitInfo;
  readonly exited: Promise<ExitInfo>;
  private stderrBuffer = '';

  constructor(
    mainJs: string,
    env: NodeJS.ProcessEnv,
    logFile: string,
    private readonly stderrLines: string[],
    private readonly onCrash: (p: ServerProcess, e: ExitInfo) => void,
  ) {
    const log = fs.openSync(logFile, 'a');
    // Its own process group: a Ctrl-C on the runner's terminal reaches only the runner, whose trap
    // then stops the server and whatever it started (the group is killed at the very end).
    this.child = spawn(process.execPath, [mainJs], {
      cwd: path.dirname(path.dirname(mainJs)),
      env,
      stdio: ['ignore', log, 'pipe'],
      detached: true,
    });
    fs.closeSync(log);
    this.pid = this.child.pid!;
    this.child.stderr!.on('data', (d: Buffer) => {
      fs.appendFileSync(logFile, d);
      this.stderrBuffer += d.toString('utf8');
      const lines = this.stderrBuffer.split('\n');
      this.stderrBuffer = lines.pop()!;
      this.stderrLines.push(...lines.filter((l) => l.trim() !== ''));
    });
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        if (this.stderrBuffer.trim()) this.stderrLines.push(this.stderrBuffer);
        this.stderrBuffer = '';
        this.exitInfo = { code, signal, at: Date.now(), expected: this.expectingExit };
        if (!this.expectingExit) this.onCrash(this, this.exitInfo);
        resolve(this.exitInfo);
      });
    });
  }

  get alive(): boolean {
    return this.exitInfo === undefined;
  }

  /** Waits for /readyz to answer 200; false when the process exits or the time is up. */
  async waitReady(baseUrl: string, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && this.alive) {
      try {
        const r = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
        await r.arrayBuffer();
        if (r.ok) return true;
      } catch {
        /* not up yet */
      }
      await sleep(100);
    }
    return false;
  }

  kill(signal: NodeJS.Signals) {
    this.expectingExit = true;
    try {
      process.kill(this.pid, signal);
    } catch {
      /* already gone */
    }
  }

  /** Kills the whole process group (the server and any child it left behind). */
  killGroup() {
    this.expectingExit = true;
    try {
      process.kill(-this.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }

  /** Resolves with the exit, or undefined when it has not exited within timeoutMs. */
  async waitExit(timeoutMs: number): Promise<ExitInfo | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
    const result = await Promise.race([this.exited, timeout]);
    clearTimeout(timer);
    return result;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
