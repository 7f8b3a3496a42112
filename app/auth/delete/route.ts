import { createLeaveHandler } from '@/lib/auth/session';

export const POST = createLeaveHandler('delete');
