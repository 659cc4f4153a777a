// Drives the real campaign's group machine with 附件2 open, without WeChat or storage.
import { loadCampaign } from '../../src/files/campaign.js';
import { findForm } from '../../src/campaign/forms.js';
import type { Form } from '../../src/campaign/schema.js';
import { parseInput } from '../../src/conversation/commands.js';
import type { Answers, Entry } from '../../src/conversation/draft.js';
import { createEngine, formState, openForm, questionAt, type Step } from '../../src/conversation/engine.js';
import { readText } from '../../src/conversation/form-events.js';
import type { GroupEvent, UnitProfile } from '../../src/conversation/group-types.js';
import { renderAll } from '../../src/conversation/render.js';

export const campaign = loadCampaign(new URL('../../conversations', import.meta.url).pathname);
export const form: Form = findForm(campaign, 'modelCollective')!;
export const engine = createEngine(campaign);
export const NOW = new Date('2021-09-20T02:30:00Z'); // 9月20日 10:30 in Shanghai
export const UNIT: UnitProfile = { id: 1, name: '测试集体', kind: 'collective', categories: ['national20'], city: null, industry: null };
export const OWNER = { id: 'u1', name: '李华' };

export const COMMITMENT = '热情周到，便民利民，让每一位乘客安心出行';
export const ITEMS = [
  '在早晚高峰增设志愿引导岗，为老年乘客和残障乘客提供进出站全程陪同服务',
  '推出地铁失物招领线上查询服务，方便乘客快速找回遗失物品',
  '组织青年员工走进沿线中小学开展安全乘车宣传课',
  '在车站设置便民服务箱，提供雨伞、充电宝等应急物品借用',
  '开通爱心预约乘车服务，提前安排工作人员接送',
  '设立青年突击队，保障节假日大客流安全有序',
];

/** A member's text as the group's router turns it into an event: a command, an answer or a paste. */
export function eventOf(step: Step, text: string, by = OWNER): GroupEvent {
  const open = openForm(step.snapshot, campaign);
  const f = open ? findForm(campaign, open) : undefined;
  const input = parseInput(
    text,
    campaign.commands,
    f,
    campaign.forms.flatMap((x) => [x.shortTitle, x.id]),
  );
  const answers = f ? (step.snapshot.context.forms[f.id]?.answers ?? {}) : {};
  return { ...readText(campaign, input, questionAt(step.snapshot), f, answers, false), at: NOW.getTime(), by, mentioned: false };
}

/** A conversation with the machine, the unit bound and 附件2 open: send text, read the reply and where it stands. */
export class Driver {
  step: Step;
  reply = '';

  constructor(answers: Answers = {}) {
    this.step = engine.step(engine.initial(), {
      type: 'group.restore',
      at: NOW.getTime(),
      unit: UNIT,
      owner: OWNER,
      forms: { modelCollective: { answers, status: 'draft', version: 0, submittedAt: null, late: false } },
      open: 'modelCollective',
    });
    this.reply = renderAll([{ kind: 'ask' }], { campaign, now: NOW, snapshot: this.step.snapshot });
  }

  send(text: string): string {
    this.step = engine.step(this.step.snapshot, eventOf(this.step, text));
    this.reply = this.render();
    return this.reply;
  }

  render(): string {
    return renderAll(this.step.says, { campaign, now: NOW, snapshot: this.step.snapshot });
  }

  get at() {
    return questionAt(this.step.snapshot);
  }
  get index() {
    return this.step.snapshot.context.index;
  }
  get answers(): Answers {
    return this.step.snapshot.context.forms.modelCollective?.answers ?? {};
  }
  get items() {
    const items = this.answers.items;
    return Array.isArray(items) ? items : [];
  }
  /** Still filling, handed in, or put aside with 取消. */
  get outcome(): 'active' | 'submitted' | 'cancelled' {
    if (openForm(this.step.snapshot, campaign)) return 'active';
    return formState(this.step.snapshot, 'modelCollective') === 'submitted' ? 'submitted' : 'cancelled';
  }
}

/** The text of item i (0-based): the six realistic ones, then numbered variants. */
export function itemText(i: number): string {
  return ITEMS[i] ?? `第${i + 1}批青年志愿者在站厅开展便民咨询服务`;
}

/** Answers with the commitment and the first `n` items complete (types cycle through 1–6). */
export function answersWith(n: number): { commitment: string; items: Entry[] } {
  const types = ['优化办事流程', '规范审批行为', '提高服务质量', '提供暖心服务', '解决民生困难', '其他'];
  return {
    commitment: COMMITMENT,
    items: Array.from({ length: n }, (_, i) => ({ content: itemText(i), type: types[i % 6]! })),
  };
}

/** A driver standing at the review with three items. */
export function atReview(n = 3): Driver {
  return new Driver(answersWith(n));
}
