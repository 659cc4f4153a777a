// What a group says to fill the whole 附件2 form in the benchmark and the crash test: bind (the group is
// named like its unit), the commitment, three items with their types, 完成, 确认. One reply follows each.
export const FILL_FORM = [
  '填报',
  '确认',
  '热情周到，便民利民，让每一位群众满意而归',
  '在窗口设立青年志愿引导岗，为老年人和残障人士提供全程陪同办理服务',
  '4',
  '推出线上预约和进度查询服务，减少群众排队等候时间',
  '1',
  '组织青年员工走进社区开展政策宣讲和业务咨询活动',
  '3',
  '完成',
  '确认',
] as const;
