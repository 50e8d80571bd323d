import { describe, expect, it } from 'vitest';
import { cleanTitle, findBylineInText, findDateInText, parseDate } from '../../../utils/page/metadata';
import { parse } from '../../helpers/corpus';

const doc = (head = '', body = '') => parse(`<html><head>${head}</head><body>${body}</body></html>`).doc;

describe('cleanTitle', () => {
  it.each([
    ['DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网', 'DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶'],
    ['国务院常务会议部署稳经济措施 - 新华网', '国务院常务会议部署稳经济措施'],
    ['颱風過後農損逾3億 | 生活 | 寶島日報新聞網', '颱風過後農損逾3億'],
    ['央行宣布降准0.25个百分点｜财经频道｜央视网', '央行宣布降准0.25个百分点'],
    ['一个没有站点后缀的标题', '一个没有站点后缀的标题'],
    ['Why the sky is blue - The Verge', 'Why the sky is blue - The Verge'],
  ])('%s', (raw, clean) => {
    expect(cleanTitle(raw, doc())).toBe(clean);
  });

  it('trusts a headline on the page that the title starts with, even one containing "_"', () => {
    expect(cleanTitle('新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天 :: 痞客邦 ::', doc('', '<h2>新竹尖石_美樹營地賞楓 (2)</h2>'))).toBe('新竹尖石_美樹營地賞楓 (2)');
  });
});

describe('dates', () => {
  it.each([
    ['2023-07-27T09:42:00+08:00', null, '2023-07-27T09:42:00+08:00'],
    ['2023-07-27 09:42:00', '+08:00', '2023-07-27T09:42:00+08:00'],
    ['2023/7/27', null, '2023-07-27'],
    ['20230727', null, '2023-07-27'],
    ['2023-07-27T01:42:00Z', '+08:00', '2023-07-27T01:42:00Z'],
    ['2023-07-27T09:42:00+0800', null, '2023-07-27T09:42:00+08:00'],
    ['Thu, 27 Jul 2023 01:42:00 GMT', null, '2023-07-27T01:42:00Z'],
    ['2023年7月27日 09:42', '+08:00', '2023-07-27T09:42:00+08:00'],
    ['not a date', null, null],
  ])('parseDate(%s)', (value, tz, iso) => {
    expect(parseDate(value, tz)).toBe(iso);
  });

  it('finds the labelled date line and prefers it over other dates', () => {
    expect(findDateInText('相关：2021-01-01 旧闻  发布时间：2023-07-27 09:42  来源：新华社')?.iso).toBe('2023-07-27T09:42:00+08:00');
    expect(findDateInText('發佈時間：2023年08月15日 14時30分')?.iso).toBe('2023-08-15T14:30:00+08:00');
    expect(findDateInText('第2023-13-45期')).toBeNull();
  });
});

describe('findBylineInText', () => {
  it.each([
    ['2023-07-27 来源：新华社 作者：张三 责任编辑：李四', '张三'],
    ['本报记者 王小明 报道', '王小明'],
    ['文/李华 图/网络', '李华'],
    ['（記者 陳志明／台中報導）', '陳志明'],
    ['没有署名的一行字', null],
  ])('%s', (line, name) => {
    expect(findBylineInText(line)).toBe(name);
  });
});

describe('byline guards', () => {
  it('needs a separator after 文, so prose such as 文旅消费 is not a byline', () => {
    expect(findBylineInText('今年一季度文旅消费数据出炉')).toBeNull();
    expect(findBylineInText('文／陈明 摄影／李华')).toBe('陈明');
  });
});
