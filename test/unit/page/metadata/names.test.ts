import { describe, expect, it } from 'vitest';
import { cleanName, labelled, namesIn, notWriters, personName } from '../../../../utils/page/metadata';

describe('a writer from a labelled slot', () => {
  it.each([
    ['本报记者 王小明', '王小明'],
    ['澎湃新闻记者 段彦超', '段彦超'],
    ['观察者网专栏作者 王文', '王文'],
    ['南都见习记者 林子沛', '林子沛'],
    ['叨叨姐', '叨叨姐'],
    ['阿卜杜勒·克里木', '阿卜杜勒·克里木'],
    ['kingname', 'kingname'],
  ])('%s → %s', (raw, name) => expect(cleanName(raw)).toBe(name));

  it.each(['未知', '网络整理', '新京报', '新浪科技', '扬眼企鹅号', '医技药剂党支部', 'CSDN.NET', 'email@gmail.com', '104363', 'CSDN', '刘通摄', '最新文章', 'admin'])(
    '%s is not a writer',
    (raw) => expect(cleanName(raw)).toBeNull(),
  );
});

describe('a name that stands alone must look like a person', () => {
  it.each([
    ['张巨峰', '张巨峰'],
    ['欧阳晓峰', '欧阳晓峰'],
    ['网易', null],
    ['参考消息', null],
    ['环球网', null],
    ['青网校园崔宁宁', null],
    ['简介', null],
  ])('%s → %s', (raw, name) => expect(personName(raw)).toBe(name));
});

describe('several names in one slot', () => {
  it.each([
    ['段彦超 廖艳', ['段彦超', '廖艳']],
    ['叨叨姐、胡一刀&李小飞刀', ['叨叨姐', '胡一刀', '李小飞刀']],
    ['刘洋 通讯员 孙立', ['刘洋', '孙立']],
    ['张明 网络', null],
  ])('%s', (raw, names) => expect(namesIn(raw)).toEqual(names));
});

describe('labelled writers in a line', () => {
  it.each([
    ['来源：新华网 作者：张明 李华 责任编辑：赵强', ['张明', '李华']],
    ['文/陈静　图/王磊', ['陈静']],
    ['记者陈智 整合', ['陈智']],
    ['作者:周凯编辑:吴敏', ['周凯']],
    ['执笔/叨叨姐、胡一刀&李小飞刀', ['叨叨姐', '胡一刀', '李小飞刀']],
    ['(文/图 刘玺东 易赛楠)', ['刘玺东', '易赛楠']],
    ['作者\n魏星', ['魏星']],
  ])('%s', (line, names) => expect(labelled(line)[0]?.names).toEqual(names));

  it.each(['记者了解到，今年', '本报记者自曝送餐经历', '记者在采访中发现', '■该作者文章', '文旅消费数据出炉', '原作者女儿表示'])('%s names no one', (line) => {
    expect(labelled(line)).toEqual([]);
  });
});

describe('editors and photographers are never writers', () => {
  it('collects the names the page gives as editors and photographers', () => {
    const banned = notWriters('责任编辑：赵强 （刘通摄） 图/王磊 编辑：吴敏');
    for (const n of ['赵强', '刘通', '王磊', '吴敏']) expect(banned.has(n), n).toBe(true);
  });
});

describe('more byline forms', () => {
  it.each([
    ['张三/文 李四/图', ['张三']],
    ['【作者】王明', ['王明']],
    ['特约撰稿人 赵倩', ['赵倩']],
    ['（陈静/文）', ['陈静']],
    ['文｜吴桐', ['吴桐']],
  ])('%s', (line, names) => expect(labelled(line)[0]?.names).toEqual(names));
});
