import { storeHealth } from "@/lib/store/health";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return storeHealth();
}
