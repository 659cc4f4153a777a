// A digest queued for an admin goes out only if its contact is still an admin when its turn comes.
import { describe, expect, it } from 'vitest';
import { fixedDirectory } from '../../src/report/directory.js';
import { loadCampaign } from '../../src/files/campaign.js';
import { outboxDelivery } from '../../src/schedule/delivery.js';
import type { OutboxRow, ScheduleStore } from '../../src/schedule/store.js';

const campaign = loadCampaign('conversations');
const NOW = new Date('2021-09-24T02:00:00Z');

describe('outboxDelivery of a digest', () => {
  it('sends it to an admin, and skips it for a contact no longer one', async () => {
    const sent: string[] = [];
    const outbound = {
      toRoom: async () => '微信',
      toContact: async (id: string) => {
        sent.push(id);
        return '微信';
      },
    };
    const deliver = outboxDelivery(campaign, {} as ScheduleStore, outbound, fixedDirectory([{ id: 'wxid_admin', scope: { kind: 'province' } }]));
    const digest = (target: string) =>
      ({ id: 1, key: `digest:daily:2021-09-24:${target}`, kind: 'digest', target, payload: { text: '【每日汇总】' }, attempts: 0 }) as unknown as OutboxRow;
    expect(await deliver(digest('wxid_admin'), NOW)).toEqual({ sent: true, via: '微信' });
    expect(await deliver(digest('wxid_removed'), NOW)).toEqual({ sent: false, reason: 'no longer an admin' });
    expect(sent).toEqual(['wxid_admin']);
  });
});
