// An industry league body fills 附件1 in its group: 行业（系统）名称, then the service items.
import { describe, expect, it } from 'vitest';
import '../support/says.js';
import { startTestApp } from '../support/test-app.js';

const ORG = '广东省交通运输团委';

describe('附件1 for a 联创行业团组织', () => {
  it('asks for the industry name first, then three items, and stores the submission', async () => {
    const t = await startTestApp({
      roster: [
        { name: ORG, kind: 'industryOrg', industry: '交通运输' },
        { name: '共青团广州市委员会', kind: 'cityOrg', city: '广州市' },
      ],
    });
    try {
      const { room } = t.wechat.createRoom(ORG, ['黄磊']);
      await t.ask('黄磊', room, '填报');
      const greeting = await t.ask('黄磊', room, '确认');
      expect(greeting).toContain('附件1 服务事项清单（省级联创行业系统）');
      expect(greeting).toSay('greeting', { form: '附件1 服务事项清单（省级联创行业系统）', deadline: '9月28日（周二）17:00' });
      expect(greeting).toContain('第1步：请发送本行业（系统）的名称');
      expect(greeting).toSay('prefillOffer', { label: '行业（系统）名称', value: '交通运输' });
      expect(await t.ask('黄磊', room, '广东省交通运输系统')).toContain('✅ 行业（系统）名称已保存：广东省交通运输系统');
      for (const [n, item] of ['在高速服务区设立青年志愿服务站', '开通货车司机通行证网上办理', '春运期间增开夜间售票窗口'].entries()) {
        await t.ask('黄磊', room, item);
        expect(await t.ask('黄磊', room, String(n + 1))).toContain(`✅ 第${n + 1}项已保存`);
      }
      const review = await t.ask('黄磊', room, '完成');
      expect(review).toSay('summaryText', { label: '行业（系统）名称', value: '广东省交通运输系统' });
      expect(await t.ask('黄磊', room, '修改 名称')).toSay('editing', { label: '行业（系统）名称' });
      expect(await t.ask('黄磊', room, '广东省交通运输行业')).toSay('summaryText', { label: '行业（系统）名称', value: '广东省交通运输行业' });
      expect(await t.ask('黄磊', room, '确认')).toSay('submitted');
      expect(await t.ask('黄磊', room, '进度')).toSay('progressSubmitted', { form: '附件1', count: 3 });
    } finally {
      await t.app.stop();
    }
  });

  it('takes the industry name the roster offers on 确认', async () => {
    const t = await startTestApp({ roster: [{ name: ORG, kind: 'industryOrg', industry: '广东省交通运输' }] });
    try {
      const { room } = t.wechat.createRoom(ORG, ['黄磊']);
      await t.ask('黄磊', room, '填报');
      await t.ask('黄磊', room, '确认');
      const taken = await t.ask('黄磊', room, '确认');
      expect(taken).toContain('✅ 行业（系统）名称已保存：广东省交通运输');
      expect(taken).toContain('请发送第1项服务事项');
      // Later, 确认 means submit again: the offer belonged to the name question only.
      expect(await t.ask('黄磊', room, '确认')).toSay('notNowConfirm');
    } finally {
      await t.app.stop();
    }
  });
});
