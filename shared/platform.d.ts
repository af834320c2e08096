/**
 * The web-platform subset `shared/` may use: present in every host it runs in (the task pane's web
 * views, Node 20+, workerd), declared here instead of the DOM so that `shared/` sees no platform.
 * Only shared/tsconfig.json includes this file; the Worker, the add-in and the CLI check the same
 * code against their host's real types. Add a member only when every host has it.
 */

interface AbortSignal {
  readonly aborted: boolean;
}

declare class AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}

interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal | null;
  credentials?: "omit" | "same-origin" | "include";
  cache?: "default" | "no-store" | "reload" | "no-cache" | "force-cache" | "only-if-cached";
  redirect?: "follow" | "error" | "manual";
}

interface Response {
  readonly status: number;
  readonly ok: boolean;
  text(): Promise<string>;
}

declare function fetch(input: string, init?: RequestInit): Promise<Response>;

declare class URLSearchParams {
  constructor(init?: string | Record<string, string>);
  set(name: string, value: string): void;
  get(name: string): string | null;
  toString(): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare function setTimeout(handler: () => void, timeout?: number): unknown;
declare function clearTimeout(id: unknown): void;
