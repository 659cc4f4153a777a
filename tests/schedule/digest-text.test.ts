// The admins' digest reports the binding changes of their units since the last one.
import { describe, expect, it } from 'vitest';
import type { Admin } from '../../src/report/scope.js';
import { loadCampaign } from '../../src/files/campaign.js';
import { budgetLines, digestText } from '../../src/schedule/digest-text.js';
import type { AuditEntry } from '../../src/report/units.js';
import { adminUnit } from '../support/admin-desk.js';
import { sentenceOf } from '../support/says.js';

const campaign = loadCampaign('conversations');
const NOW = new Date('2021-09-24T09:00:00+08:00');
const BUDGET = { sentToday: 0, dailyCap: 300, pendingReminders: 0, paused: false, failed: [], expired: 0, shortfalls: [] };
const UNITS = [adminUnit(1, '广州南站青年文明号', '广州市', '广州铁路', '南站群'), adminUnit(2, '深圳北站青年文明号', '深圳市', '广州铁路', '北站群')];
const change = (id: number, action: string, detail: Record<string, unknown>): AuditEntry => ({ id, at: NOW, actor: 'system', action, detail });
const CHANGES = [
  change(1, 'room.moved', { from: 'old', to: 'new', topic: '南站群', unitId: 1 }),
  change(2, 'room.moveRequested', { roomId: 'x', topic: '南站新群', unitId: 1, boundTopic: '南站群' }),
  change(3, 'room.moveRequested', { roomId: 'y', topic: '北站新群', unitId: 2, boundTopic: '北站群' }),
];

describe('the digest’s binding changes', () => {
  it('names each change of the admin’s own units, and only those', () => {
    const guangzhou: Admin = { id: 'gz', scope: { kind: 'city', city: '广州市' } };
    const text = digestText(campaign, guangzhou, UNITS, campaign.forms, '【每日汇总】', NOW, BUDGET, CHANGES);
    expect(text).toContain(
      [
        sentenceOf('admin.digestBindings'),
        sentenceOf('admin.digestMoved', { topic: '南站群', unit: '广州南站青年文明号' }),
        sentenceOf('admin.digestMoveRequested', { topic: '南站新群', unit: '广州南站青年文明号', old: '南站群' }),
      ].join('\n'),
    );
    expect(text).not.toContain('北站新群');
  });

  it('says nothing of bindings when nothing changed', () => {
    const province: Admin = { id: 'p', scope: { kind: 'province' } };
    expect(digestText(campaign, province, UNITS, campaign.forms, '【每日汇总】', NOW, BUDGET)).not.toSay('admin.digestBindings');
  });
});

describe('the digest’s send budget with several accounts', () => {
  it('names the groups no account can reach in time, by the accounts in them', () => {
    const form = campaign.forms.find((f) => f.id === 'modelCollective')!;
    const shortfall = {
      form,
      step: '3d',
      at: new Date('2021-09-26T17:00:00+08:00'),
      count: 9,
      accounts: 1,
      stranded: [
        { accounts: ['甲'], names: ['一号群', '二号群', '三号群', '四号群', '五号群', '六号群'] },
        { accounts: ['甲', '乙'], names: ['七号群', '八号群'] },
        { accounts: [], names: ['九号群'] },
      ],
    };
    const lines = budgetLines(campaign, { ...BUDGET, shortfalls: [shortfall] });
    // five names at most, then "…"; the accounts each quoted
    expect(lines).toContain(sentenceOf('admin.digestShortfallOnly', { count: 6, account: '甲', names: '一号群、二号群、三号群、四号群、五号群、…' }));
    expect(lines).toContain(sentenceOf('admin.digestShortfallShared', { count: 2, accounts: '“甲”、“乙”', names: '七号群、八号群' }));
    expect(lines).toContain(sentenceOf('admin.digestShortfallNone', { count: 1, names: '九号群' }));
  });
});
