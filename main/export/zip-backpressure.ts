import { once } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Worksheet } from 'exceljs';

/*
 * exceljs's streaming writer has no backpressure of its own: row.commit() writes the row's XML
 * into the sheet's buffer, which feeds the zip's deflate stream without waiting for it. A tight
 * loop over 300,000 rows would therefore pile the whole sheet up in memory before zlib (which
 * runs on libuv's thread pool) gets a turn. So every batch of rows the writer yields to the event
 * loop and waits while the deflate stream holds more than a few megabytes.
 *
 * This reads internals of exceljs 4.x's WorksheetWriter: `stream` (its StreamBuf) and that
 * buffer's `pipes` / `buffers`. The pipe is a PassThrough of archiver's readable-stream 2, which
 * has no `writableLength`, hence `_writableState.length`. If a later version renames these, the
 * loop degrades to yielding only, which still lets zlib run, just with less control over memory.
 */

interface QueueingStream extends NodeJS.EventEmitter {
  writableLength?: number;
  _writableState?: { length?: number };
}

interface SheetStreamInternals {
  stream?: {
    pipes?: QueueingStream[];
    buffers?: unknown[];
  };
}

function queuedBytes(sink: QueueingStream): number {
  return sink.writableLength ?? sink._writableState?.length ?? 0;
}

const MAX_QUEUED_BYTES = 4 * 1024 * 1024;
/** Chunks of 64 KiB held while the zip has not reached the sheet yet (about 4 MiB). */
const MAX_UNPIPED_CHUNKS = 64;

export async function waitForZip(worksheet: Worksheet): Promise<void> {
  await nextTurn();
  const stream = (worksheet as unknown as SheetStreamInternals).stream;
  if (!stream) return;
  for (;;) {
    const sink = stream.pipes?.[0];
    if (sink) {
      if (queuedBytes(sink) <= MAX_QUEUED_BYTES) return;
      await once(sink, 'drain');
    } else {
      if ((stream.buffers?.length ?? 0) <= MAX_UNPIPED_CHUNKS) return;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
}
