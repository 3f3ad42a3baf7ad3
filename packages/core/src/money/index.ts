export { Dec, toDecimal } from "./decimal";
export {
  FEN_PER_WAN,
  FEN_PER_YI,
  FEN_PER_YUAN,
  divideRoundHalfEven,
  fenToYuanNumber,
  fenToYuanString,
  formatFenAsWan,
  formatFenAsYi,
  formatFenAsYuan,
  parseYuanToFen,
  roundFenHalfEven,
  roundYuanToFen,
  sumFen,
} from "./fen";
export { ratioPct } from "./ratio";
