// The live transport of the client module: one SignalR hub connection to one meeting. signalRTransport is the only
// code that calls HubConnection.invoke; MeetingClient reaches the hub only through a MeetingTransport (tests pass a fake).
import * as SignalR from "@microsoft/signalr";
import { tokenOf, trimSlash, type TokenSource } from "./meetingHttp.js";
import { EVENT_METHOD, HUB_PATH, MINUTES_READY_METHOD, type Guid, type MinutesReady, type UnknownEnvelope } from "./protocol.js";

/** What the client tells a transport to do when things happen on the connection. */
export interface TransportHandlers {
  event(envelope: UnknownEnvelope): void;
  minutesReady(message: MinutesReady): void;
  reconnecting(error?: Error): void;
  reconnected(): void;
  closed(error?: Error): void;
}

/** One hub connection that can be started again after it closed. */
export interface MeetingTransport {
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke<T>(method: string, argument?: unknown): Promise<T>;
}

/**
 * Makes the transport. `retryDelay` is the automatic-reconnect policy: the delay before reconnect attempt n, or
 * null to give up (the client then sees `closed`).
 */
export type TransportFactory = (
  handlers: TransportHandlers,
  retryDelay: (previousRetryCount: number, reason?: Error) => number | null,
) => MeetingTransport;

export type SignalRModule = Pick<typeof SignalR, "HubConnectionBuilder" | "LogLevel">;

export interface SignalRTransportOptions {
  baseUrl: string;
  meetingId: Guid;
  token: TokenSource;
  /** The @microsoft/signalr module (default: the one this file imports). */
  signalR?: SignalRModule;
  /** Default: Warning. */
  logLevel?: SignalR.LogLevel;
  logger?: SignalR.ILogger;
  /** Extra builder settings (e.g. a transport type); runs before build(). */
  configure?: (builder: SignalR.HubConnectionBuilder) => SignalR.HubConnectionBuilder;
}

export function signalRTransport(options: SignalRTransportOptions): TransportFactory {
  // Named members, not the namespace object: a whole namespace used as a value keeps every export in the bundle.
  const lib: SignalRModule = options.signalR ?? { HubConnectionBuilder: SignalR.HubConnectionBuilder, LogLevel: SignalR.LogLevel };
  return (handlers, retryDelay) => {
    // ?meeting= lets a load balancer send every connection of one meeting to the same node (hash $arg_meeting).
    const url = `${trimSlash(options.baseUrl)}${HUB_PATH}?meeting=${encodeURIComponent(options.meetingId)}`;
    let builder = new lib.HubConnectionBuilder()
      .withUrl(url, { accessTokenFactory: () => tokenOf(options.token) })
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: (context) => retryDelay(context.previousRetryCount, context.retryReason),
      })
      .withStatefulReconnect();
    builder = options.logger ? builder.configureLogging(options.logger) : builder.configureLogging(options.logLevel ?? lib.LogLevel.Warning);
    if (options.configure) builder = options.configure(builder);
    const connection = builder.build();
    connection.on(EVENT_METHOD, (envelope: UnknownEnvelope) => handlers.event(envelope));
    connection.on(MINUTES_READY_METHOD, (message: MinutesReady) => handlers.minutesReady(message));
    connection.onreconnecting((error) => handlers.reconnecting(error));
    connection.onreconnected(() => handlers.reconnected());
    connection.onclose((error) => handlers.closed(error));
    return {
      start: () => connection.start(),
      stop: () => connection.stop(),
      invoke: <T>(method: string, argument?: unknown) =>
        argument === undefined ? connection.invoke<T>(method) : connection.invoke<T>(method, argument),
    };
  };
}
