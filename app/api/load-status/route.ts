// GET /api/load-status — how far the signed-in beneficiary's data load has got, for a progress indicator to poll.
import { getLoadStatus } from '@/lib/data/medicare-data';
import { apiRoute, json } from '@/lib/http/api-route';

export const GET = apiRoute(async () => json(await getLoadStatus()));
