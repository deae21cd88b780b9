import { healthResponse } from "@/lib/http/health-response";
import { storeHealth } from "@/lib/store/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return healthResponse(await storeHealth());
}
