import type { Command } from './commands-core';

/** Commands of the data area (merged into src/main/cli/main.ts). */
export const dataCommands: Record<string, Command> = {};
