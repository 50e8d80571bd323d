// People the tagger does not know by name but the sentence does. A surname and one or two
// characters right after a title (记者 孙冰, 董事长傅盛), or between a clause boundary and a verb of
// saying (，”侯方说), is a person whatever the characters: the training data (1998 news, CLUENER,
// Weibo) holds few of today's given names, so the model scores such names low or misses them,
// while the words around them are what tells a reader who is meant. Pure: text in, spans out.

import { hasSurname } from '../../page/metadata/names';

/** A title or role a name follows directly (副总裁, 本报记者, CEO); the name is the next characters. */
const TITLE =
  /(?:记者|通讯员|编辑|主编|撰稿人|评论员|摄影|董事长|副董事长|董事|监事|总裁|总经理|经理|总监|合伙人|创始人|创办人|首席执行官|首席技术官|首席科学家|首席经济学家|负责人|发言人|CEO|CTO|COO|CFO|院长|校长|所长|部长|局长|厅长|处长|科长|市长|省长|县长|区长|镇长|乡长|村长|主任|书记|主席|总理|总统|首相|大使|秘书长|会长|理事长|行长|社长|台长|总编辑|司令员|政委|教授|副教授|研究员|工程师|分析师|经济学家|院士|博士|医生|医师|律师|教练|主教练|队长|导演|演员|选手|球员)$/;
/** A verb of saying right after the name (侯方说, 王志刚表示). */
const SAYS = /^(?:说|表示|认为|指出|介绍|称|告诉|强调|透露|坦言|直言|解释|回忆|补充|提醒|承认|感叹|笑称|回应|分析|预计|预测|呼吁|提到|谈到|写道|问道|答道|坦承|宣布)/;
/** Where a clause, a quotation or a line begins or ends. */
const BOUNDARY = /[\s，。！？；：、“”‘’「」『』（）()《》【】—…,.!?;:|｜/]/;
/** What follows a titled name: a credit (记者孙冰摄), another name (和, 与), a verb's helper (在, 对, 也). */
const AFTER_TITLED = /^(?:摄|报道|发自|综合|整理|编译|[和与及、在对向也还则曾将已就又都等])/;
/** Characters that are never part of a given name: grammar, not names (高层的, 方面也). */
const NOT_IN_NAME = /[的了是在或这那们不也都就被把从让给而并已还又其该此每各某说]/;
/** Joins a second name to the first one after a title (记者 孙冰、王明). */
/** A surname and a form of address (饶先生, 方总, 高老板), or a place's suffix (长宁区 of 上海市长宁区): no name. */
const NOT_NAME_END = /(?:先生|女士|小姐|太太|老板|师傅|老师|警官|阿姨|大爷|大妈|同学|总|某|氏|区|县|市|省|镇|乡|村|路|街)$/;
const AND = /^[、和与及]$|^\s$/;

const HAN = /^[\u3400-\u9fff]+$/;
const words = new Intl.Segmenter('zh', { granularity: 'word' });

/** Scores: a title before and a boundary or verb after; a boundary before and a verb after. */
export const CONTEXT_SCORE = { title: 0.85, says: 0.7 };

export interface ContextName {
  start: number;
  end: number;
  score: number;
}

/** Is the string one word of the segmenter's dictionary (官方, 高层, 明确: words, not names)? */
function isWord(s: string): boolean {
  let n = 0;
  for (const _ of words.segment(s)) if (++n > 1) return false;
  return true;
}

/**
 * Names in person contexts, left to right, never overlapping. `text` is Simplified (the tagger's
 * shadow). Offsets are UTF-16 offsets in it.
 */
export function contextNames(text: string): ContextName[] {
  const out: ContextName[] = [];
  let afterTitle = -1; // where a title (or a name joined to one by 、/和) last ended
  for (let i = 0; i < text.length; i++) {
    const before = text.slice(Math.max(0, i - 8), i);
    const titled = i === afterTitle || TITLE.test(before.replace(/[\s\u3000]{1,2}$/, ''));
    const bounded = i === 0 || BOUNDARY.test(text[i - 1]);
    if (!titled && !bounded) continue;
    let found: ContextName | null = null;
    // hasSurname allows two or three characters after a single surname, three or four after 欧阳…
    for (const len of [2, 3, 4]) {
      const name = text.slice(i, i + len);
      if (name.length < len || !HAN.test(name) || !hasSurname(name) || NOT_IN_NAME.test(name.slice(1)) || NOT_NAME_END.test(name) || TITLE.test(name) || SAYS.test(name.slice(1)) || isWord(name)) continue;
      const rest = text.slice(i + len, i + len + 4);
      const says = SAYS.test(rest);
      const ends = rest === '' || BOUNDARY.test(rest[0]) || AFTER_TITLED.test(rest);
      if (titled && (says || ends)) found = { start: i, end: i + len, score: CONTEXT_SCORE.title };
      else if (bounded && says) found = { start: i, end: i + len, score: CONTEXT_SCORE.says };
      if (found) break;
    }
    if (!found) continue;
    out.push(found);
    i = found.end - 1;
    if (found.score === CONTEXT_SCORE.title && AND.test(text[found.end] ?? '')) afterTitle = found.end + 1;
  }
  return out;
}
