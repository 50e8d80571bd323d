// Copyright notices and disclaimers: 版权所有, 反侵权公告, 未经许可不得转载, 免责声明, 本文不代表本网立场.
// They are printed under every article of a site, so they are never the story, wherever they sit.

import type { LineRule } from './zones';

const LABELLED = /^[（(【\[]?\s*(?:免责声明|免責聲明|版权声明|版權聲明|声明|聲明|特别声明|特別聲明|郑重声明|鄭重聲明|反侵权公告|反侵權公告|侵权声明|侵權聲明|法律声明|法律聲明|版权说明|版權說明|风险提示|風險提示)\s*[:：】\]]/;
const COPYRIGHT = /版权所有|版權所有|all rights reserved|copyright\s*(?:©|\(c\)|\d{4})|©\s*\d{4}|\(c\)\s*\d{4}/i;
const NO_REPRINT = /未经[^。]{0,24}(?:许可|授权|允许|同意)[^。]{0,24}(?:不得|禁止|严禁|谢绝|請勿|请勿)[^。]{0,6}(?:转载|轉載|复制|複製|使用|摘编)|未經[^。]{0,24}(?:許可|授權|允許|同意)|(?:转载|轉載)(?:请|請)(?:注明|註明|联系|聯繫)|如需(?:转载|轉載)|欢迎(?:转载|轉載)|歡迎轉載|(?:禁止|严禁|嚴禁|谢绝|謝絕)(?:转载|轉載)/;
const NOT_OUR_VIEW = /(?:不代表|並不代表|并不代表)[^。]{0,16}(?:观点|觀點|立场|立場)|仅供参考[，,]?\s*不构成|僅供參考[，,]?\s*不構成/;
const ORIGINAL_FOR = /^[（(]?\s*本文(?:为|係|是)\S{1,20}(?:原创|原創|独家|獨家)/;

export const noticeRules: LineRule[] = [
  { kind: 'notice', where: 'anywhere', test: (l) => l.text.length <= 300 && LABELLED.test(l.text) },
  { kind: 'copyright', where: 'anywhere', test: (l) => l.text.length <= 160 && (COPYRIGHT.test(l.text) || NO_REPRINT.test(l.text) || ORIGINAL_FOR.test(l.text)) },
  { kind: 'disclaimer', where: 'edges', test: (l) => l.text.length <= 160 && NOT_OUR_VIEW.test(l.text) },
];
