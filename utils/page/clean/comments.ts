// Reader comments and trackbacks under a post (已有1件评论, 网友评论, 发表评论, 引用通告): where such a
// heading comes after most of the story's prose, it and everything after it is the comment thread.

import type { Line } from './lines';
import { isProse } from './zones';

const HEADING = [
  /^(?:已有|共有|共|现有|現有)\s*\d+\s*(?:件|条|條|个|個|则|則|位网友|位網友|位读者)?\s*(?:网友|網友)?(?:评论|評論|留言|回复|回覆|回应|回應|意见|意見)/,
  /^(?:网友|網友|读者|讀者|最新|热门|熱門|全部|精彩|相关|相關)?(?:评论|評論|留言|回应|回應)\s*(?:[（(【\[]\s*\d+\s*[)）】\]])?\s*[:：]?$/,
  /^(?:发表|發表|我要|我来|我來|撰写|撰寫|查看|添加|发布|發佈)\s*(?:评论|評論|留言|回复|回覆|回应|回應)/,
  /^(?:引用通告|引用地址|trackbacks?|pingbacks?)\b/i,
  /^\d+\s*(?:条|條|则|則)?\s*(?:评论|評論|留言|comments?|responses?)\b/i,
  /^(?:comments?|responses?|leave a (?:reply|comment))\b/i,
];

/** The comment heading and what follows it, or nothing. */
export function commentThread(lines: Line[]): Line[] {
  const prose = lines.map((l) => (isProse(l) ? l.text.length : 0));
  const total = prose.reduce((a, b) => a + b, 0);
  let before = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.text.length <= 40 && before >= total * 0.3 && before > 0 && HEADING.some((re) => re.test(l.text))) return lines.slice(i);
    before += prose[i];
  }
  return [];
}
