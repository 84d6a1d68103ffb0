import { z } from 'zod';
import type { channel } from './define';

/** Channels of the reports area (see docs/ARCHITECTURE.md). */
export const reportsChannels = {} as const satisfies Record<string, ReturnType<ReturnType<typeof channel>>>;

// Keep the imports used until the area adds its first channel.
void z;
