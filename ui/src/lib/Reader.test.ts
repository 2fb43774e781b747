import { afterEach, expect, test } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import Reader from './Reader.svelte';
import type { ArticleDetail } from './bindings';

const hostile = 'Judul <img src=x onerror="window.pwned=1">\nIsi <script>window.pwned=2</script> & <b>tebal</b>.';

function detail(text: string): ArticleDetail {
  return {
    article: {
      id: 1,
      title: '<b>Judul</b>',
      url: null,
      site: null,
      published: null,
      language: 'id',
      versions: 1,
      latest_version_id: 1,
      captured_at: '2026-11-25T10:00:00Z',
    },
    versions: [
      {
        id: 1,
        article_id: 1,
        sha256: 'a'.repeat(64),
        captured_at: '2026-11-25T10:00:00Z',
        source_kind: 'file',
        source_ref: '/tmp/a.txt',
        media_type: 'text/plain',
        charset: 'UTF-8',
        title: '<b>Judul</b>',
        language: 'id',
        raw_bytes: 120,
        text_chars: text.length,
        published: null,
        metadata: { original_site: 'www.beritaasli.com', original_author: 'Rina <i>Sari</i>' },
      },
    ],
    version_id: 1,
    text,
  };
}

let component: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = '';
});

test('article text and title are shown as text, never as markup', () => {
  const target = document.createElement('div');
  document.body.appendChild(target);
  component = mount(Reader, { target, props: { detail: detail(hostile), onversion: () => {} } });
  flushSync();
  const text = target.querySelector('[data-testid="reader-text"]')!;
  expect(target.querySelector('script, img, b, i')).toBeNull();
  expect(text.querySelectorAll('p')).toHaveLength(2);
  expect(text.textContent).toContain('<script>window.pwned=2</script>');
  expect(target.querySelector('h1')!.textContent).toBe('<b>Judul</b>');
  const credits = target.querySelector('[data-testid="reader-credits"]')!;
  expect(credits.textContent).toContain('First published at www.beritaasli.com by Rina <i>Sari</i>');
  expect(credits.querySelector('i')).toBeNull();
  expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
});
