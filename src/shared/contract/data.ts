import { z } from 'zod';
import type { channel } from './define';

/** Channels of the data area (see docs/ARCHITECTURE.md). */
export const dataChannels = {} as const satisfies Record<string, ReturnType<ReturnType<typeof channel>>>;

// Keep the imports used until the area adds its first channel.
void z;
