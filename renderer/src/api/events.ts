/**
 * Server-Sent Events read through fetch rather than EventSource, so the access token can travel
 * as a header like on every other request. Reconnects with a growing delay.
 */
export type SseHandler = (event: string, data: unknown) => void;

export function parseSseChunk(buffer: string, emit: SseHandler): string {
  const records = buffer.split(/\r?\n\r?\n/);
  const rest = records.pop() ?? '';
  for (const record of records) {
    let event = 'message';
    const data: string[] = [];
    for (const line of record.split(/\r?\n/)) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) continue;
    try {
      emit(event, JSON.parse(data.join('\n')));
    } catch {
      // A malformed event is dropped; the next progress event supersedes it anyway.
    }
  }
  return rest;
}

export function openEventStream(
  url: string,
  headers: Record<string, string>,
  emit: SseHandler,
): () => void {
  let stopped = false;
  let controller: AbortController | null = null;
  let delay = 1000;

  const connect = async (): Promise<void> => {
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await fetch(url, {
          headers: { Accept: 'text/event-stream', ...headers },
          signal: controller.signal,
          cache: 'no-store',
        });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        delay = 1000;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer = parseSseChunk(buffer + value, emit);
        }
      } catch {
        // Host restarting or offline: retry quietly; requests report errors to the user.
      }
      if (stopped) return;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 30_000);
    }
  };
  void connect();
  return () => {
    stopped = true;
    controller?.abort();
  };
}
