/**
 * One question put to every worker of `serve --workers N`, asked from whichever worker a request landed on.
 *
 * Why. Workers share the HTTP port, so an operator's request (cache statistics, "clear the cache", the parse count
 * of /status) reaches one worker, but its answer must cover them all. The asking worker sends the question to the
 * primary (`ask`), the primary puts it to every connected worker, the asker included (`question`), each answers
 * from its own state (`answer`), and the primary hands the list of answers back (`answers`); the asker combines
 * them (sums, mostly). Each feature names its own exchange, so several share one IPC channel without mixing.
 *
 * A worker that does not answer within `timeoutMs` fails the whole round, and so does a worker whose answer
 * function throws: a partial sum would read as the cluster's real state, and a partial "clear" as a complete one.
 * The asker gives up after `timeoutMs` of its own (one primary round plus the hops, by default).
 *
 * Messages must survive IPC's JSON encoding: questions and answers are plain data.
 */
import { isMessageOfType, nodePrimaryChannel, nodeWorkerChannel, type PrimaryChannel, type WorkerChannel } from "./clusterChannel.js";

export interface FanOutMessage {
  type: string;
  id: number;
  question?: unknown;
  answer?: unknown;
  answers?: unknown[];
  error?: string;
}

/** How long the primary waits for every worker's answer. */
export const FAN_OUT_TIMEOUT_MS = 5_000;

/** The four message types of one named exchange. */
function messageTypes(exchange: string) {
  const prefix = `calendar-api:${exchange}:`;
  return {
    /** Worker → primary: put this question to every worker. */
    ask: `${prefix}ask`,
    /** Primary → the asking worker: every worker's answer (or the error). */
    answers: `${prefix}answers`,
    /** Primary → every worker: answer this. */
    question: `${prefix}question`,
    /** Worker → primary: my answer (or the error). */
    answer: `${prefix}answer`,
  };
}

const errorText = (error: unknown): string => String((error as Error)?.message ?? error);

export interface FanOutPrimary<Q, A> {
  /** Every worker's answer to `question`, and the primary's own when it has one. */
  ask(question: Q): Promise<A[]>;
  /** Stops relaying. */
  stop(): void;
}

/** The exchange and kind of a fan-out message type (`calendar-api:<exchange>:ask`…), or null for any other message. */
const MESSAGE_TYPE = /^calendar-api:(.+):(ask|answer)$/;

type PrimaryOptions = { channel?: PrimaryChannel<FanOutMessage>; timeoutMs?: number };

/**
 * The primary's side: relays the questions of the exchanges `serves` accepts to every worker and gathers their
 * answers. `own(exchange, question)` adds the primary's answer (last), where it has one.
 */
function primarySide(
  serves: (exchange: string) => boolean,
  own: ((exchange: string, question: unknown) => unknown) | undefined,
  options: PrimaryOptions,
): { ask(exchange: string, question: unknown): Promise<unknown[]>; stop(): void } {
  const channel = options.channel ?? nodePrimaryChannel<FanOutMessage>();
  const timeoutMs = options.timeoutMs ?? FAN_OUT_TIMEOUT_MS;
  let nextId = 0;
  const rounds = new Map<number, { exchange: string; pending: Set<number>; answers: unknown[]; done: (error: string | null) => void }>();

  const ask = async (exchange: string, question: unknown): Promise<unknown[]> => {
    const answers = await everyWorker(exchange, question);
    if (own) answers.push(await own(exchange, question));
    return answers;
  };

  function everyWorker(exchange: string, question: unknown): Promise<unknown[]> {
    const id = nextId++;
    const workers = channel.workers();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(`${round.pending.size} worker(s) did not answer within ${timeoutMs} ms`), timeoutMs);
      const finish = (error: string | null) => {
        clearTimeout(timer);
        rounds.delete(id);
        if (error !== null) reject(new Error(error));
        else resolve(round.answers);
      };
      const round = { exchange, pending: new Set(workers.map((w) => w.id)), answers: [] as unknown[], done: finish };
      rounds.set(id, round);
      if (workers.length === 0) return finish(null);
      for (const w of workers) w.send({ type: messageTypes(exchange).question, id, question });
    });
  }

  const stop = channel.onMessage((workerId, message) => {
    const type = typeof message === "object" && message !== null ? (message as { type?: unknown }).type : undefined;
    const parsed = typeof type === "string" ? MESSAGE_TYPE.exec(type) : null;
    if (!parsed || !serves(parsed[1])) return;
    const [, exchange, kind] = parsed;
    const m = message as FanOutMessage;
    if (kind === "answer") {
      const round = rounds.get(m.id);
      if (!round || round.exchange !== exchange || !round.pending.delete(workerId)) return;
      if (m.error !== undefined) return round.done(`worker ${workerId}: ${m.error}`);
      round.answers.push(m.answer);
      if (round.pending.size === 0) round.done(null);
    } else {
      const reply = (fields: Pick<FanOutMessage, "answers" | "error">) => channel.workers().find((w) => w.id === workerId)?.send({ type: messageTypes(exchange).answers, id: m.id, ...fields });
      ask(exchange, m.question).then((answers) => reply({ answers }), (error: unknown) => reply({ error: errorText(error) }));
    }
  });
  return { ask, stop };
}

/**
 * The primary's side for every exchange: what `serve --workers N` runs, so that a feature built on the fan-out
 * needs nothing of its own in the primary.
 */
export function setupFanOutRelay(options: PrimaryOptions = {}): { stop(): void } {
  return primarySide(() => true, undefined, options);
}

/**
 * The primary's side of one exchange, for a primary that asks itself or answers too: with `own`, the primary's
 * answer comes last, to the workers' questions and to its own `ask`. Not beside a relay (both would answer).
 */
export function setupFanOutPrimary<Q = unknown, A = unknown>(
  exchange: string,
  options: PrimaryOptions & { own?: (question: Q) => A | Promise<A> } = {},
): FanOutPrimary<Q, A> {
  const { own } = options;
  const side = primarySide((e) => e === exchange, own ? (_e, question) => own(question as Q) : undefined, options);
  return { ask: (question) => side.ask(exchange, question) as Promise<A[]>, stop: side.stop };
}

export interface FanOutWorker<Q, A> {
  /** Every worker's answer to `question` (this one's included), in no particular order. */
  ask(question: Q): Promise<A[]>;
  /** Stops answering and asking. */
  stop(): void;
}

/**
 * A worker's side of an exchange: answers the primary's questions with `answer`, and asks the cluster. A failed
 * round rejects with `failure(reason)` (a plain Error by default), so that callers can raise their own kind.
 */
export function setupFanOutWorker<Q, A>(
  exchange: string,
  answer: (question: Q) => A | Promise<A>,
  options: { channel?: WorkerChannel<FanOutMessage>; timeoutMs?: number; failure?: (reason: string) => Error } = {},
): FanOutWorker<Q, A> {
  const types = messageTypes(exchange);
  const channel = options.channel ?? nodeWorkerChannel<FanOutMessage>();
  // The primary waits for every worker: allow one of its rounds plus the hops.
  const timeoutMs = options.timeoutMs ?? FAN_OUT_TIMEOUT_MS + 1_000;
  const failure = options.failure ?? ((reason: string) => new Error(reason));
  let nextId = 0;
  const waiting = new Map<number, (message: FanOutMessage) => void>();

  const stop = channel.onMessage((message) => {
    if (isMessageOfType<FanOutMessage>(message, types.question)) {
      const id = message.id;
      Promise.resolve()
        .then(() => answer(message.question as Q))
        .then((value) => channel.send({ type: types.answer, id, answer: value }), (error: unknown) => channel.send({ type: types.answer, id, error: errorText(error) }));
    } else if (isMessageOfType<FanOutMessage>(message, types.answers)) {
      waiting.get(message.id)?.(message);
    }
  });

  return {
    ask(question) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(failure(`the primary did not answer within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(id, (message) => {
          clearTimeout(timer);
          waiting.delete(id);
          if (message.error !== undefined || !Array.isArray(message.answers)) reject(failure(message.error ?? "the primary sent no answers"));
          else resolve(message.answers as A[]);
        });
        try {
          channel.send({ type: types.ask, id, question });
        } catch (error) {
          clearTimeout(timer);
          waiting.delete(id);
          reject(failure(`cannot reach the primary: ${errorText(error)}`));
        }
      });
    },
    stop,
  };
}
