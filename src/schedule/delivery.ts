// Turns an outbox row into the message it stands for, as things are when it is sent: a reminder is written
// from the unit's answers of the moment (and not sent at all if the form was handed in meanwhile); a digest
// carries its text, and goes only to a contact that is still an admin.
import { z } from 'zod';
import type { AdminDirectory } from '../report/index.js';
import type { Outbound } from './outbound.js';
import { findForm } from '../campaign/index.js';
import type { Campaign } from '../campaign/index.js';
import { ReminderPayloadSchema } from './reminders.js';
import { openAnswers, reminderText } from './reminder-text.js';
import type { Deliver } from './sender.js';
import type { ScheduleStore } from './store.js';

const DigestPayloadSchema = z.object({ text: z.string().min(1) });
export const NoticePayloadSchema = z.object({ text: z.string().min(1), mentionIds: z.array(z.string()) });

export function outboxDelivery(campaign: Campaign, store: ScheduleStore, outbound: Outbound, admins: Pick<AdminDirectory, 'find'>): Deliver {
  return async (row, now, via) => {
    if (row.kind === 'digest') {
      const payload = DigestPayloadSchema.safeParse(row.payload);
      if (!payload.success) return { sent: false, reason: 'unreadable digest' };
      if (!(await admins.find(row.target))) return { sent: false, reason: 'no longer an admin' };
      return { sent: true, via: await outbound.toContact(row.target, payload.data.text, via) };
    }
    if (row.kind === 'notice') {
      const payload = NoticePayloadSchema.safeParse(row.payload);
      if (!payload.success) return { sent: false, reason: 'unreadable notice' };
      return { sent: true, via: await outbound.toRoom(row.target, payload.data.text, payload.data.mentionIds, via) };
    }
    const payload = ReminderPayloadSchema.safeParse(row.payload);
    if (!payload.success) return { sent: false, reason: 'unreadable reminder' };
    const form = findForm(campaign, payload.data.formId);
    if (!form) return { sent: false, reason: 'the form is no longer in the campaign' };
    const unit = await store.unit(payload.data.unitId);
    if (!unit?.roomId) return { sent: false, reason: 'the unit has no group any more' };
    const answers = openAnswers(unit, form);
    if (!answers) return { sent: false, reason: 'already submitted' };
    const mention = unit.owner && unit.owner.formId === form.id ? [unit.owner.id] : [];
    return { sent: true, via: await outbound.toRoom(unit.roomId, reminderText(campaign, form, unit.name, answers, now), mention, via) };
  };
}
