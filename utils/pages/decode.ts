// A fetched page's bytes → text, the way a browser picks its charset: a byte-order mark, then the
// charset the server sends (Content-Type), then what the page declares or its bytes show.

import { decodeHtml } from '../page/charset';

function label(contentType: string | null): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  if (!m) return null;
  try {
    const enc = new TextDecoder(m[1]).encoding;
    return enc === 'gbk' ? 'gb18030' : enc;
  } catch {
    return null;
  }
}

export function decodeFetched(bytes: Uint8Array, contentType: string | null): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const server = bom ? null : label(contentType);
  if (server && server !== 'utf-8' && server !== 'windows-1252') return new TextDecoder(server).decode(bytes);
  return decodeHtml(bytes).text;
}

export function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
