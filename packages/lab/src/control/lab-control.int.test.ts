import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GroundTruthSchema } from '../ground-truth/schema.ts';
import { canConnect, randomBlock } from '../testing/net.ts';
import { isLiveProcess, labDown, labStatus, labUp } from './lab-control.ts';
import { LabFiles } from './lab-state.ts';

const dirs: string[] = [];
afterEach(async () => {
  // Whatever a failing test left running is stopped here.
  await Promise.all(dirs.splice(0).map((dir) => labDown({ dir })));
});

function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lab-daemon-'));
  dirs.push(dir);
  return dir;
}

describe('lab daemon: up, status, down', () => {
  it('up → reachable on the stated addresses → down → no process left and every port closed', async () => {
    const dir = newDir();
    const up = await labUp({ dir, scenario: 'typical-problems', block: randomBlock() });
    const gt = up.groundTruth;
    console.log(
      `lab up (ippeveprinter): ready after ${up.startupMs} ms (daemon-internal ${up.state.startupMs} ms)`,
    );

    // The file on disk is the ground truth and validates against its schema.
    const onDisk = GroundTruthSchema.parse(JSON.parse(readFileSync(join(dir, LabFiles.groundTruth), 'utf8')));
    expect(onDisk).toEqual(gt);
    expect(gt.printerImplementation.chosen).toBe('ippeveprinter');
    expect(up.state.children.map((c) => c.name)).toEqual(['ippeveprinter', 'ippeveprinter']);
    expect(gt.processes.daemonPid).toBe(up.state.daemonPid);

    const reachable = await Promise.all(gt.openPorts.map((p) => canConnect(p.address, p.port)));
    expect(reachable.every(Boolean)).toBe(true);
    expect(labStatus({ dir }).running).toBe(true);

    // A second lab in the same directory is refused.
    await expect(labUp({ dir, scenario: 'ready', block: randomBlock() })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const pids = [up.state.daemonPid, ...up.state.children.map((c) => c.pid)];
    const down = await labDown({ dir });
    expect(down).toMatchObject({ wasRunning: true, survivors: [] });
    expect(down.stopped.map((p) => p.pid).sort()).toEqual([...pids].sort());
    for (const pid of pids) {
      expect(isLiveProcess(pid), `pid ${pid}`).toBe(false);
    }
    const after = await Promise.all(gt.openPorts.map((p) => canConnect(p.address, p.port)));
    expect(after.some(Boolean)).toBe(false);
    expect(labStatus({ dir }).running).toBe(false);
    expect(await labDown({ dir })).toMatchObject({ wasRunning: false, stopped: [] });
  });

  it('down also stops ippeveprinter children when the daemon was killed hard', async () => {
    const dir = newDir();
    const up = await labUp({ dir, scenario: 'ready', block: randomBlock(), printers: 'ippeveprinter' });
    const children = up.state.children.map((c) => c.pid);
    expect(children).toHaveLength(2);
    process.kill(up.state.daemonPid, 'SIGKILL');
    for (let i = 0; i < 100 && isLiveProcess(up.state.daemonPid); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(isLiveProcess(up.state.daemonPid)).toBe(false);
    // The orphans still run: nobody stopped them.
    expect(children.every((pid) => isLiveProcess(pid, 'ippeveprinter'))).toBe(true);

    const down = await labDown({ dir });
    expect(down.survivors).toEqual([]);
    expect(down.stopped.map((p) => p.pid).sort()).toEqual([...children].sort());
    expect(children.some((pid) => isLiveProcess(pid))).toBe(false);
  });

  it('up after a hard-killed daemon first stops the orphans it left', async () => {
    const dir = newDir();
    const first = await labUp({ dir, scenario: 'ready', block: randomBlock(), printers: 'ippeveprinter' });
    const orphans = first.state.children.map((c) => c.pid);
    process.kill(first.state.daemonPid, 'SIGKILL');
    for (let i = 0; i < 100 && isLiveProcess(first.state.daemonPid); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(orphans.every((pid) => isLiveProcess(pid, 'ippeveprinter'))).toBe(true);
    const second = await labUp({ dir, scenario: 'ready', block: randomBlock(), printers: 'builtin' });
    expect(orphans.some((pid) => isLiveProcess(pid))).toBe(false);
    expect(second.state.daemonPid).not.toBe(first.state.daemonPid);
  });

  it('runs the built-in printers inside the daemon (no child process) and reports a failed start with the reason', async () => {
    const dir = newDir();
    const up = await labUp({ dir, scenario: 'broken', block: randomBlock(), printers: 'builtin' });
    console.log(
      `lab up (built-in printers): ready after ${up.startupMs} ms (daemon-internal ${up.state.startupMs} ms)`,
    );
    expect(up.state.children).toEqual([]);
    expect(up.groundTruth.printers.every((p) => p.implementation === 'builtin')).toBe(true);
    await labDown({ dir });

    // Same block twice in different directories: the second daemon cannot bind and says why.
    const block = randomBlock();
    const first = newDir();
    await labUp({ dir: first, scenario: 'ready', block, printers: 'builtin' });
    await expect(
      labUp({ dir: newDir(), scenario: 'ready', block, printers: 'builtin' }),
    ).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('Lab did not start'),
    });
  });
});
