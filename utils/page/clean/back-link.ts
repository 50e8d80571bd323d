// The portal's link home glued to the story's last line ("…仍将持续。返回腾讯网首页>>", "作者：某某返回搜狐，
// 查看更多"): a line rule cannot take it, as the line is prose. The story ends at the last such link:
// it goes, and so does what follows it when that is a short tail (the portal's teaser of another
// story); links home just before it go alone. None goes when a real part of the text follows it (a
// link home near the top leads into the article).

import { removeUp, squash } from './lines';

const BACK_HOME = /^(?:返回|回到)\S{1,12}?(?:首页|首頁|查看更多)\s*[>》]*$/;
/** What may follow the link home: at most this share of the text. */
const TAIL_SHARE = 0.25;

/** Cuts the text at its last link home and drops the links home just before it; says what went. */
export function cutAtBackLink(root: Element): string[] {
  const total = squash(root.textContent ?? '').length;
  const gone: string[] = [];
  let last = true;
  for (const link of [...root.querySelectorAll('a')].reverse()) {
    if (!BACK_HOME.test(squash(link.textContent ?? ''))) continue;
    const after: Node[] = [];
    for (let n: Node = link; n !== root && n.parentNode; n = n.parentNode) for (let s = n.nextSibling; s; s = s.nextSibling) after.push(s);
    const tail = squash(after.map((n) => n.textContent ?? '').join(' '));
    if (tail.length > TAIL_SHARE * total) break;
    gone.push(squash(link.textContent ?? ''));
    if (last && tail) {
      gone.push(tail);
      for (const n of after) removeUp(n, root);
    }
    removeUp(link, root);
    last = false;
  }
  return gone;
}
