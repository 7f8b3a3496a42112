import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { TokenSet } from '@/lib/bluebutton/token-set';
import type { ReconnectReason } from '@/lib/reconnect-reasons';

/**
 * What one sign-in callback learned on its way through next-auth: the tokens from the code exchange (kept
 * here so they never pass through next-auth's account object into a cookie) and, when it failed, why.
 * next-auth reduces every callback failure to `error=OAuthCallback`; the handler reads the reason from here.
 */
export interface CallbackContext {
  tokens?: TokenSet;
  reason?: ReconnectReason;
  /** The server session started for these tokens, once it has been. */
  sid?: string;
}

const storage = new AsyncLocalStorage<CallbackContext>();

/** Runs `fn` with `context` (a fresh one by default); the caller keeps it even when `fn` throws. */
export function withCallbackContext<T>(
  fn: () => Promise<T>,
  context: CallbackContext = {},
): Promise<{ result: T; context: CallbackContext }> {
  return storage.run(context, async () => ({ result: await fn(), context }));
}

/** The context of the callback being handled; throws outside one. */
export function callbackContext(): CallbackContext {
  const context = storage.getStore();
  if (!context) throw new Error('No sign-in callback is being handled');
  return context;
}

/** Records why the callback failed (the first reason wins) and returns an error for next-auth to catch. */
export function failCallback(reason: ReconnectReason): Error {
  const context = storage.getStore();
  if (context) context.reason ??= reason;
  return new Error(`Sign-in callback failed: ${reason}`);
}
