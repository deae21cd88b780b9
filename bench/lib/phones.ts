import { Agent, request } from "node:http";
import { FOLLOW_POLL_MS, follow } from "@/lib/classroom/follow";
import type { LiveShared, StudentView } from "@/lib/classroom/views";
import { addressOf } from "./crowd";

/**
 * Simulated phones in a live session, doing what
 * components/classroom/student-live.tsx does: every second (one request at
 * a time, the next a second after the last answer, as use-polling.ts
 * schedules it) ask for the class's shared state with the ETag of the last
 * copy, build the next screen with `follow()`, and read the student's own
 * view only when it says so. Thousands of them run in one process: plain
 * node:http on keep-alive connections, one headers object per phone
 * reused for every poll, nothing parsed on a 304.
 */

/** As use-polling.ts: a poll hanging longer than this is abandoned. */
const REQUEST_TIMEOUT_MS = 6_000;

interface Reply {
  status: number;
  etag: string | undefined;
  body: string;
}

/** Keep-alive GETs to one origin over at most `connections` sockets. */
export class PhoneClient {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(origin: string, connections: number) {
    const url = new URL(origin);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  }

  get(path: string, headers: Record<string, string>): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = request({ host: this.host, port: this.port, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag, body: chunks.length === 0 ? "" : Buffer.concat(chunks).toString() }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error("timed out")));
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface Phone {
  seat: number;
  address: string;
  cookie: string;
  view: StudentView;
  /** The headers of its polls: its address, and If-None-Match once it has a copy. */
  pollHeaders: Record<string, string>;
  /** Each version this phone went on to show, and when (performance.now()), in order. */
  shownVersions: number[];
  shownAt: number[];
}

export interface PhoneTally {
  /** Polls of the shared state, and reads of the student's own view, sent. */
  polls: number;
  ownReads: number;
  failures: number;
  /** Poll latencies (ms), for the report's check of the load generator. */
  latencies: number[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A class of phones polling one origin (nginx, or one instance directly). */
export class PhoneCrowd {
  readonly phones: Phone[] = [];
  readonly tally: PhoneTally = { polls: 0, ownReads: 0, failures: 0, latencies: [] };
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly client: PhoneClient,
    private readonly sessionId: string,
  ) {}

  private get livePath() {
    return `/api/classroom/sessions/${this.sessionId}/live`;
  }

  /** A joined student opens the live page: its first view is its own. */
  async add(seat: number, cookie: string): Promise<void> {
    const address = addressOf(seat);
    const view = await this.ownView(address, cookie);
    this.phones.push({ seat, address, cookie, view, pollHeaders: { "x-forwarded-for": address }, shownVersions: [view.version], shownAt: [performance.now()] });
  }

  private async ownView(address: string, cookie: string): Promise<StudentView> {
    this.tally.ownReads += 1;
    const reply = await this.client.get(`/api/classroom/sessions/${this.sessionId}/state?v=-1`, { "x-forwarded-for": address, cookie });
    if (reply.status !== 200) throw new Error(`a phone's own view answered ${reply.status}: ${reply.body.slice(0, 200)}`);
    return JSON.parse(reply.body) as StudentView;
  }

  private show(phone: Phone, view: StudentView): void {
    if (view.version > phone.view.version) {
      phone.shownVersions.push(view.version);
      phone.shownAt.push(performance.now());
    }
    phone.view = view;
  }

  private async poll(phone: Phone): Promise<void> {
    this.tally.polls += 1;
    const reply = await this.client.get(this.livePath, phone.pollHeaders);
    if (reply.status === 304) return;
    if (reply.status !== 200) throw new Error(`/live answered ${reply.status}`);
    if (reply.etag) phone.pollHeaders["if-none-match"] = reply.etag;
    const next = follow(phone.view, JSON.parse(reply.body) as LiveShared);
    this.show(phone, next ?? (await this.ownView(phone.address, phone.cookie)));
  }

  /** Every phone polls from a random moment within the first second, as phones opening the page would. */
  start(): void {
    this.running = true;
    this.loops = this.phones.map(async (phone) => {
      await sleep(Math.random() * FOLLOW_POLL_MS);
      while (this.running) {
        const started = performance.now();
        try {
          await this.poll(phone);
        } catch {
          this.tally.failures += 1;
        }
        this.tally.latencies.push(performance.now() - started);
        await sleep(FOLLOW_POLL_MS);
      }
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** Phones not yet showing `version` or later. */
  behind(version: number): number {
    let count = 0;
    for (const phone of this.phones) if (phone.view.version < version) count += 1;
    return count;
  }

  /**
   * How long after `since` each phone first showed `version` or a later one;
   * phones that had not within `giveUpMs` are `missed`.
   */
  delaysTo(version: number, since: number, giveUpMs: number): { delays: number[]; missed: number } {
    const delays: number[] = [];
    let missed = 0;
    for (const phone of this.phones) {
      const index = phone.shownVersions.findIndex((shown) => shown >= version);
      const at = index < 0 ? undefined : phone.shownAt[index];
      if (at === undefined || at - since > giveUpMs) missed += 1;
      else delays.push(at - since);
    }
    return { delays, missed };
  }
}
