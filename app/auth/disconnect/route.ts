import { createLeaveHandler } from '@/lib/auth/leave';

export const POST = createLeaveHandler('disconnect');
