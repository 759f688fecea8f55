/**
 * The unit directory the seed document (两江新区2022年政务公开重点工作任务分工) implies: the 19 units its
 * 牵头单位 and 责任单位 columns name, and the groups it addresses. The clerk can replace it with a 单位名录
 * sheet in the workbook or a `--units` file.
 *
 * Categories — a judgement from how a national new area (国家级新区) is organised, to be corrected by the
 * clerk where the local set-up differs:
 *  - 部门: departments of the 党工委/管委会 organs (委机关). 宣传部 is a Party (党工委) department, but 委机关
 *    covers both 党工委 and 管委会 organs, so it is one of 委机关各部门 like 办公室 or 财政局. 市场监管局 is
 *    taken as a 管委会 department (it is in some areas a branch of the city bureau; edit if so here).
 *  - 直属事业单位: 政务中心 (the 政务服务中心), a public institution under the 管委会.
 *  - 驻区机构: vertically managed branches stationed in the area — 税务局 (国家税务总局 system), 公安分局
 *    (市公安局两江新区分局), 生态环境分局 and 规划自然资源局 (branches of the city bureaux).
 *
 * Groups:
 *  - 各部门 (the body of the notice says 委机关各部门): every unit of category 部门 and 直属事业单位. The notice
 *    is addressed only to 各街道办事处，委机关各部门，各驻区机构, so an institution such as 政务中心 can only
 *    have received it as one of 委机关各部门.
 *  - 各驻区机构: every unit of category 驻区机构.
 *  - 各街道 (= 各街道办事处): every unit of category 街道. The seed names no 街道, so until the clerk adds them
 *    the group expands to nothing and stays one recipient, as the contract requires.
 *  - 区疫情防控工作领导小组成员单位: the seed does not list its members → one recipient until listed.
 *  - 各有关单位 / 各相关单位: NOT expanded to every unit. 有关 means "those concerned", a subset the document
 *    does not name; sending every unit such a measure would overstate each unit's load in the summary and
 *    the split. It stays one recipient until the clerk lists its members.
 */
import type { UnitDirectoryData } from './units/directory';

export const DEFAULT_DIRECTORY: UnitDirectoryData = {
  units: [
    { name: '办公室', aliases: ['管委会办公室', '委办公室', '党工委管委会办公室', '党政办'], category: '部门' },
    { name: '司法局', aliases: [], category: '部门' },
    { name: '经济运行局', aliases: ['经运局'], category: '部门' },
    { name: '现代服务业局', aliases: ['服务业局'], category: '部门' },
    { name: '社会发展局', aliases: ['社发局'], category: '部门' },
    { name: '市场监管局', aliases: ['市场监督管理局', '市场局'], category: '部门' },
    { name: '城市管理局', aliases: ['城管局'], category: '部门' },
    { name: '建设管理局', aliases: ['建管局'], category: '部门' },
    { name: '财政局', aliases: [], category: '部门' },
    { name: '税务局', aliases: ['国家税务总局重庆两江新区税务局'], category: '驻区机构' },
    { name: '宣传部', aliases: ['党工委宣传部', '委宣传部'], category: '部门' },
    { name: '社会保障局', aliases: ['社保局', '人力社保局', '人社局'], category: '部门' },
    { name: '教育局', aliases: [], category: '部门' },
    { name: '产业促进局', aliases: ['产促局'], category: '部门' },
    { name: '生态环境分局', aliases: ['生态环境局', '环保分局'], category: '驻区机构' },
    { name: '政务中心', aliases: ['政务服务中心'], category: '直属事业单位' },
    { name: '应急管理局', aliases: ['应急局'], category: '部门' },
    { name: '公安分局', aliases: ['重庆市公安局两江新区分局', '两江公安分局'], category: '驻区机构' },
    {
      name: '规划自然资源局',
      aliases: ['规划和自然资源局', '规划资源局', '规资局', '重庆市规划和自然资源局两江新区分局'],
      category: '驻区机构',
    },
  ],
  groups: [
    {
      name: '各部门',
      aliases: ['委机关各部门', '各部门（单位）', '各委机关部门'],
      members: null,
      memberCategories: ['部门', '直属事业单位'],
    },
    { name: '各驻区机构', aliases: ['驻区各机构', '各驻区单位'], members: null, memberCategories: ['驻区机构'] },
    { name: '各街道', aliases: ['各街道办事处', '街道办事处'], members: null, memberCategories: ['街道'] },
    { name: '区疫情防控工作领导小组成员单位', aliases: ['区疫情防控领导小组成员单位'], members: null },
    { name: '各有关单位', aliases: ['各相关单位', '有关单位', '相关单位'], members: null },
  ],
};
