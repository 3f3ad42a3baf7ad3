/** Word lists for plausible Chinese company names and the dimensions customers are spread over. */

export const INDUSTRIES = [
  { name: "制造业", weight: 26 },
  { name: "批发和零售业", weight: 20 },
  { name: "建筑业", weight: 9 },
  { name: "交通运输业", weight: 7 },
  { name: "信息技术服务业", weight: 8 },
  { name: "农林牧渔业", weight: 6 },
  { name: "住宿和餐饮业", weight: 5 },
  { name: "电力热力燃气业", weight: 5 },
  { name: "租赁和商务服务业", weight: 8 },
  { name: "水利环境和公共设施管理业", weight: 6 },
] as const;

export const REGIONS = [
  { name: "北京", weight: 10 },
  { name: "上海", weight: 11 },
  { name: "广东", weight: 16 },
  { name: "江苏", weight: 14 },
  { name: "浙江", weight: 13 },
  { name: "山东", weight: 10 },
  { name: "四川", weight: 8 },
  { name: "湖北", weight: 7 },
  { name: "河南", weight: 6 },
  { name: "福建", weight: 5 },
] as const;

export const NAME_STEMS = [
  "华",
  "宏",
  "鑫",
  "盛",
  "泰",
  "恒",
  "达",
  "隆",
  "远",
  "嘉",
  "瑞",
  "丰",
  "通",
  "信",
  "诚",
  "安",
  "兴",
  "德",
  "明",
  "海",
  "天",
  "锦",
  "博",
  "元",
  "正",
  "中",
  "新",
  "力",
  "科",
  "创",
  "源",
  "卓",
] as const;

export const NAME_TRADES: Record<string, readonly string[]> = {
  制造业: ["机械", "精密制造", "电子", "新材料", "汽车零部件", "纺织"],
  批发和零售业: ["商贸", "贸易", "供应链", "百货"],
  建筑业: ["建设工程", "建筑", "装饰工程"],
  交通运输业: ["物流", "运输", "航运"],
  信息技术服务业: ["信息技术", "软件", "数据科技"],
  农林牧渔业: ["农业", "生态农业", "水产"],
  住宿和餐饮业: ["餐饮管理", "酒店管理"],
  电力热力燃气业: ["能源", "新能源", "燃气"],
  租赁和商务服务业: ["商务服务", "租赁", "咨询"],
  水利环境和公共设施管理业: ["环保", "水务", "市政工程"],
};

export const FEE_TYPES = ["结算手续费", "代理业务", "财务顾问", "保函", "银行承兑汇票", "现金管理"] as const;

export const PROJECT_SECTORS = [
  { industry: "制造业", names: ["智能工厂", "生产线技改", "产业园"] },
  { industry: "基础设施", names: ["高速公路", "污水处理厂", "产业园区配套"] },
  { industry: "公共服务", names: ["医院扩建", "学校建设", "保障房"] },
  { industry: "能源", names: ["光伏电站", "风电场", "储能电站"] },
] as const;
