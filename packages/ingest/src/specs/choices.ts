import type { Classification, DepositProduct, EnterpriseSize, FtpSide, GuaranteeType } from "@creditseg/core/constants";
import { type CellParse, type CellValue, failed, parsed } from "../values/cell";
import { choiceParser, foldChoiceText } from "../values/parse-choice";

/** 五级分类 in Chinese or English. */
export const parseClassification = choiceParser<Classification>({
  normal: ["正常", "正常类", "pass"],
  special_mention: ["关注", "关注类", "special mention", "watch"],
  substandard: ["次级", "次级类", "sub-standard"],
  doubtful: ["可疑", "可疑类"],
  loss: ["损失", "损失类"],
});

/** 担保方式. */
export const parseGuarantee = choiceParser<GuaranteeType>({
  credit: ["信用", "信用贷款", "unsecured"],
  guarantee: ["保证", "担保", "保证担保", "guaranteed"],
  collateral: ["抵押", "抵押担保", "mortgage", "secured"],
  pledge: ["质押", "质押担保", "pledged"],
});

/** 企业规模. */
export const parseEnterpriseSize = choiceParser<EnterpriseSize>({
  micro: ["微型", "微型企业", "微"],
  small: ["小型", "小型企业", "小"],
  medium: ["中型", "中型企业", "中"],
  large: ["大型", "大型企业", "大"],
});

/** 存款产品. */
export const parseDepositProduct = choiceParser<DepositProduct>({
  demand: ["活期", "活期存款", "current"],
  time: ["定期", "定期存款", "fixed", "term"],
});

/** FTP 方向. */
export const parseFtpSide = choiceParser<FtpSide>({
  loan: ["贷款", "资产", "asset"],
  deposit: ["存款", "负债", "liability"],
});

const TRUE_WORDS = new Set(["是", "y", "yes", "true", "1", "已降级", "t"].map(foldChoiceText));
const FALSE_WORDS = new Set(["否", "n", "no", "false", "0", "未降级", "f"].map(foldChoiceText));

/** 是/否, yes/no, true/false, 1/0. */
export function parseYesNo(cell: CellValue): CellParse<boolean> {
  if (typeof cell === "boolean") return parsed(cell);
  const folded = foldChoiceText(String(cell));
  if (TRUE_WORDS.has(folded)) return parsed(true);
  if (FALSE_WORDS.has(folded)) return parsed(false);
  return failed("invalid_choice", { allowed: "是/否, yes/no, true/false, 1/0" });
}
