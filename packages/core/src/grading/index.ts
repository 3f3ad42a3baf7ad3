export { GRADE_FACTORS, assignGrade } from "./assign-grade";
export type { FactorPoints, GradeAssignment, GradeFactor, GradeInput, ScoreBin } from "./assign-grade";
