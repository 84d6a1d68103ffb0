import type { Io } from './args';
import type { Command } from './commands-core';

/** Commands of the reports area (merged into src/main/cli/main.ts). */
export const reportsCommands: Record<string, Command> = {};

/** Reports for `funddesk report NAME` (overview is built in). */
export const reportRunners: Record<string, (argv: string[], io: Io) => Promise<number>> = {};
