import { ApiError, type Envelope } from './define';
import type { Channel, InputOf, ResultOf } from './index';

/** How a host carries one call: Electron IPC, HTTP to the browser preview, or a direct call in tests. */
export type Transport = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

export type Client = <C extends Channel>(channel: C, ...input: InputArgs<C>) => Promise<ResultOf<C>>;
type InputArgs<C extends Channel> = undefined extends InputOf<C> ? [input?: InputOf<C>] : [input: InputOf<C>];

/** A typed client: resolves with the result, or rejects with an ApiError holding the Chinese message. */
export function createClient(transport: Transport): Client {
  return async (channel, ...args) => {
    const env = await transport(channel, args[0]);
    if (!env.ok) throw new ApiError(env.error);
    return env.data as ResultOf<typeof channel>;
  };
}
