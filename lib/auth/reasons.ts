import type { ReconnectReason } from '@/lib/reconnect-reasons';

/**
 * The plain-language page shown at `/auth/error?reason=<code>` for each reason a beneficiary has to sign in
 * (or connect) again; the codes are `lib/reconnect-reasons.ts`'s. Blue Button's own `error_description` is
 * never shown.
 */
export const RECONNECT_REASONS = {
  access_denied: {
    title: 'You chose not to connect',
    detail: 'You cancelled on Medicare’s page, so we did not receive any of your information.',
    action: 'If you change your mind, connect again and choose Connect on Medicare’s page.',
  },
  state_mismatch: {
    title: 'We could not finish signing you in',
    detail:
      'The sign-in answer did not match the request this browser started, so we stopped to protect you.',
    action: 'Start again from this page. If you had several sign-in tabs open, close the others first.',
  },
  pkce_mismatch: {
    title: 'We could not finish signing you in',
    detail: 'Medicare did not accept the security check for this sign-in.',
    action: 'Start again from this page.',
  },
  callback_replay: {
    title: 'This sign-in could not be finished',
    detail:
      'Medicare did not accept this sign-in. Each sign-in works once and only in the browser that started it; this one was already used, took too long, or came from elsewhere.',
    action: 'Connect again to start a new sign-in.',
  },
  token_unavailable: {
    title: 'Medicare sign-in is temporarily unavailable',
    detail: 'We could not reach Medicare’s sign-in service, or it took too long to answer.',
    action: 'Wait a few minutes, then try again.',
  },
  token_garbage: {
    title: 'Medicare sent an answer we could not read',
    detail: 'Medicare’s sign-in service answered, but not in a form we understand.',
    action: 'Wait a few minutes, then try again.',
  },
  refresh_reused: {
    title: 'Please connect again',
    detail:
      'Your connection to Medicare could not be renewed. This can happen after signing in on another device.',
    action: 'Connect again to keep seeing your information.',
  },
  grant_expired: {
    title: 'Your permission has ended',
    detail: 'Medicare lets an app see your information for 13 months. That time is up.',
    action: 'Connect again and agree to share, to keep seeing your information.',
  },
  access_revoked: {
    title: 'Access was turned off',
    detail:
      'Permission for this app to see your Medicare information was removed, for example in your Medicare.gov account.',
    action: 'If you want to use this app again, connect again and agree to share.',
  },
  one_time_app: {
    title: 'Your one-time access has ended',
    detail: 'This app is registered for one-time access, so Medicare does not let it renew your connection.',
    action: 'Connect again to see your latest information.',
  },
  app_inactive: {
    title: 'This app is paused by Medicare',
    detail: 'Medicare has temporarily turned off this app’s access. Your information is safe.',
    action: 'Please try again later. If it keeps happening, contact the app’s support team.',
  },
  invalid_client: {
    title: 'This app is not set up correctly',
    detail: 'Medicare did not recognize this app’s credentials.',
    action: 'Please try again later; the app’s team has to fix this.',
  },
  token_expired: {
    title: 'Your connection has timed out',
    detail: 'For your security, the connection to Medicare lasts one hour.',
    action: 'Connect again to keep seeing your information.',
  },
  session_expired: {
    title: 'You were signed out',
    detail: 'For your security, we sign you out after a period without activity, and after a long session.',
    action: 'Sign in again to continue.',
  },
  consent_required: {
    title: 'Please agree before connecting',
    detail:
      'We only connect to Medicare after you tick the box that agrees to share your information, so nothing was shared.',
    action: 'Read what we read from Medicare and why, tick the box below if you agree, then connect.',
  },
  unknown: {
    title: 'Something went wrong while signing in',
    detail: 'We could not finish connecting to Medicare. None of your information was stored.',
    action: 'Please try again.',
  },
} as const satisfies Record<ReconnectReason, { title: string; detail: string; action: string }>;
