// `funddesk --help` answers from the command list alone (src/main/cli/commands.ts); that list must name every
// command each area runs, and nothing else.
import { describe, expect, it } from 'vitest';
import { type Area, COMMANDS } from '../../src/main/cli/commands';
import { areaCommands } from '../../src/main/cli/main';
import { funddesk } from '../helpers/cli';

describe('the command list', () => {
  it('names exactly the commands of each area', async () => {
    const areas: Area[] = ['core', 'serve', 'reports', 'data'];
    for (const area of areas) {
      const listed = Object.entries(COMMANDS)
        .filter(([, c]) => c.area === area)
        .map(([name]) => name)
        .sort();
      expect(Object.keys(await areaCommands(area)).sort(), area).toEqual(listed);
    }
  });
});

describe('funddesk --help (the built command line)', () => {
  it('lists every command with its usage, exit code 0', async () => {
    const r = await funddesk(['--help']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('用法：funddesk <命令> [参数]');
    for (const c of Object.values(COMMANDS)) expect(r.out).toContain(`funddesk ${c.summary}`);
  });

  it('an unknown command is named in Chinese, with the usage, exit code 2', async () => {
    const r = await funddesk(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知的命令：frobnicate');
    expect(r.err).toContain('funddesk import LEDGER FILE');
  });
});
