import { createAuthHandlers } from '@/lib/auth/sign-in';

export const { GET, POST } = createAuthHandlers();
