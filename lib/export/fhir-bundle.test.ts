import { describe, expect, it } from 'vitest';
import { sample } from '@/lib/claims/__fixtures__/load.test-support';
import { streamBundle, type BundleSink } from './fhir-bundle';

const TIMESTAMP = '2025-06-02T12:00:00.000Z';
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Reads the whole stream as text; rejects when it errors, with the text read so far on `partial`. */
async function readAll(stream: ReadableStream<Uint8Array>, partial: { text: string } = { text: '' }) {
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    partial.text += decoder.decode(read.value, { stream: true });
  }
  return partial.text;
}

/** The entries of the real CMS sample pages, page by page. */
function samplePages(): Record<string, unknown>[][] {
  return [
    'bfd-v2-patient-search-bundle.json',
    'bfd-v2-coverage-search-bundle.json',
    'bfd-v2-eob-search-bundle-all-types.json',
  ].map((name) =>
    (sample(name) as { entry: { resource: Record<string, unknown> }[] }).entry.map((e) => e.resource),
  );
}

describe('streamBundle', () => {
  it('writes pages as they come into one valid collection Bundle holding every resource as it was', async () => {
    const pages = samplePages();
    const stream = await streamBundle(
      async (sink) => {
        for (const page of pages) {
          await tick();
          for (const resource of page) sink.write(resource);
        }
      },
      { timestamp: TIMESTAMP },
    );
    const bundle = JSON.parse(await readAll(stream)) as Record<string, unknown> & { entry: unknown[] };
    expect(Object.keys(bundle)).toEqual(['resourceType', 'type', 'timestamp', 'entry']);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection', timestamp: TIMESTAMP });
    expect(bundle.entry).toEqual(pages.flat().map((resource) => ({ resource })));
  });

  it('keeps text as it was, unicode and escapes included', async () => {
    const odd = { resourceType: 'Patient', id: '1', name: [{ text: 'José "Pepe" Núñez\n東京 🙂 \u2028' }] };
    const stream = await streamBundle(async (sink) => sink.write(odd), { timestamp: TIMESTAMP });
    expect((JSON.parse(await readAll(stream)) as { entry: unknown[] }).entry).toEqual([{ resource: odd }]);
  });

  it('an empty Bundle has no entry array', async () => {
    const stream = await streamBundle(async () => {}, { timestamp: TIMESTAMP });
    expect(JSON.parse(await readAll(stream))).toEqual({
      resourceType: 'Bundle',
      type: 'collection',
      timestamp: TIMESTAMP,
    });
  });

  it('a failure before the first resource is returned, not streamed', async () => {
    const failure = new Error('down');
    await expect(
      streamBundle(
        async () => {
          await tick();
          throw failure;
        },
        { timestamp: TIMESTAMP },
      ),
    ).rejects.toBe(failure);
  });

  it('a failure after the first resource errors the stream: never a Bundle that looks whole', async () => {
    const failure = new Error('page 3 failed');
    const stream = await streamBundle(
      async (sink) => {
        sink.write({ resourceType: 'Patient', id: 'p' });
        await tick();
        sink.write({ resourceType: 'Coverage', id: 'c' });
        await tick();
        throw failure;
      },
      { timestamp: TIMESTAMP },
    );
    const partial = { text: '' };
    await expect(readAll(stream, partial)).rejects.toBe(failure);
    expect(partial.text).toContain('"id":"c"');
    expect(() => JSON.parse(partial.text)).toThrow();
  });

  it('holds the writer back while the reader is behind, and lets it go on as the reader catches up', async () => {
    const resource = { resourceType: 'ExplanationOfBenefit', id: 'x', text: 'y'.repeat(1000) };
    let written = 0;
    let finished = false;
    const stream = await streamBundle(
      async (sink) => {
        for (let i = 0; i < 50; i += 1) {
          await sink.ready();
          sink.write(resource);
          written += 1;
        }
        finished = true;
      },
      { timestamp: TIMESTAMP, highWaterMark: 4096 },
    );
    for (let i = 0; i < 5; i += 1) await tick();
    // About 4 KB queued: four or five resources of 1 KB, not all fifty.
    expect(written).toBeLessThan(10);
    expect(finished).toBe(false);
    const bundle = JSON.parse(await readAll(stream)) as { entry: unknown[] };
    expect(bundle.entry).toHaveLength(50);
    expect(finished).toBe(true);
  });

  it('a reader that goes away stops the writer: its signal fires and a waiting ready() resolves', async () => {
    let sink!: BundleSink;
    let waited = false;
    const stream = await streamBundle(
      async (s) => {
        sink = s;
        s.write({ resourceType: 'Patient', id: 'p', text: 'z'.repeat(100) });
        await s.ready();
        waited = true;
        s.write({ resourceType: 'Coverage', id: 'ignored' });
      },
      { timestamp: TIMESTAMP, highWaterMark: 10 },
    );
    expect(waited).toBe(false);
    await stream.cancel(new Error('gone'));
    await tick();
    expect(sink.signal.aborted).toBe(true);
    expect(waited).toBe(true);
  });

  it("the caller's signal stops the writer, before or after the first bytes", async () => {
    const early = new AbortController();
    const before = streamBundle(
      (sink) =>
        new Promise((_, reject) => {
          const cancelled = () => reject(new Error('cancelled'));
          if (sink.signal.aborted) cancelled();
          sink.signal.addEventListener('abort', cancelled, { once: true });
        }),
      { timestamp: TIMESTAMP, signal: early.signal },
    );
    early.abort();
    await expect(before).rejects.toThrow('cancelled');

    const late = new AbortController();
    const stream = await streamBundle(
      async (sink) => {
        sink.write({ resourceType: 'Patient', id: 'p' });
        // A source that ignores the signal and ends as if complete still does not make a whole Bundle.
        await new Promise((resolve) => sink.signal.addEventListener('abort', resolve, { once: true }));
      },
      { timestamp: TIMESTAMP, signal: late.signal },
    );
    late.abort(new Error('client gone'));
    await expect(readAll(stream)).rejects.toThrow('client gone');
  });
});
