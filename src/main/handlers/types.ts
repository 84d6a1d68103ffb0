import type { Channel, ParsedInputOf, ResultOf } from '../../shared/contract';
import type { HandlerContext } from './context';

export type Handler<C extends Channel> = (
  input: ParsedInputOf<C>,
  ctx: HandlerContext,
) => Promise<ResultOf<C>>;
export type HandlerMap<C extends Channel = Channel> = { [K in C]: Handler<K> };
