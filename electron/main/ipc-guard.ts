/**
 * The IPC guard as a pure function, so it runs under plain Node in tests (this file must never
 * import 'electron'): a call is answered only when it comes from our window's top frame showing our
 * renderer, and only when its input nests no deeper than any input of the contract; then it goes
 * to the engine's thread, whose dispatch validates it against the contract's schema.
 */
import type { Envelope } from '../api/contract';
import { inputTooDeep, tooDeepError } from '../api/dispatch';
import { UserError } from '../core/errors';
import type { Locale } from '../core/messages';
import { isTrustedSender, type SenderFacts } from './security';

export interface IpcCall {
  sender: SenderFacts;
  method: string;
  input: unknown;
  locale: Locale;
  /** The engine: `WorkerHost.call` in the app. */
  engine: (method: string, input: unknown) => Promise<Envelope<unknown>>;
  /** Told of a call refused because of its sender (the app logs it). */
  onRefused?: () => void;
}

function refusal(error: UserError, locale: Locale): Envelope<never> {
  return { ok: false, error: { code: error.code, message: error.describe(locale) } };
}

export async function guardIpcCall(call: IpcCall): Promise<Envelope<unknown>> {
  if (!isTrustedSender(call.sender)) {
    call.onRefused?.();
    return refusal(new UserError('api.forbidden'), call.locale);
  }
  if (inputTooDeep(call.input)) return refusal(tooDeepError(), call.locale);
  return call.engine(call.method, call.input);
}
