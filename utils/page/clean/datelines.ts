// The date and source line printed inside the text: 2015-06-01 10:00 来源：某某网, 发布时间：…,
// 昨天. The reader shows the date in its header; in the body, before the story starts, it is noise.

import type { LineRule } from './zones';

const DATE = /^(?:\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[-/月]\d{1,2}日?)\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?/;
const LABEL = /^(?:发布时间|發佈時間|發布時間|发布日期|發佈日期|发表时间|發表時間|更新时间|更新時間|时间|時間|日期|发布于|發佈於|发表于|發表於|来源|來源|作者|编辑|編輯|浏览|瀏覽|点击|點擊|阅读|閱讀)\s*[:：]/;
const RELATIVE = /^(?:昨天|前天|今天|刚刚|剛剛|\d+\s*(?:秒|分钟|分鐘|小时|小時|天)前)(?:\s*\d{1,2}[:：]\d{2})?$/;

export const datelineRules: LineRule[] = [
  {
    kind: 'dateline',
    where: 'head',
    // No sentence punctuation: 2019年9月26日，某地… is the story's first sentence, not a dateline.
    test: (l) => l.text.length <= 90 && !/[，。！？；,]/.test(l.text) && (DATE.test(l.text) || LABEL.test(l.text) || RELATIVE.test(l.text)),
  },
];
