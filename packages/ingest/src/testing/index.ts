export {
  buildHostileCorpus,
  buildSharedStringsBomb,
  loanLine,
  LOAN_HEADER,
  writeHostileCorpus,
  type HostileCorpus,
} from "./hostile-corpus";
